package dev.auditworkbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.app.Main;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ImportRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process killed with SIGKILL in the middle of a large import leaves the project as it was. */
class CrashSafetyTest {
  @TempDir Path dir;

  @Test
  void projectKilledMidImportOpensWithExactlyThePreImportFindings() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Path project = dir.resolve("crash.audit");
    Cli.run("new", project, "--repo", repo, "--no-scan").ok();
    Cli.run("import", project, CliTest.sample("one_vuln.json")).ok();
    List<String> before = fingerprints(project);
    Path big = dir.resolve("big-bandit.json");
    BanditReports.generate(big, 400_000);

    Path wal = project.resolveSibling(project.getFileName() + "-wal");
    Path log = dir.resolve("child.log");
    Process child =
        ChildJvm.start(dir, log, Main.class, "import", project.toString(), big.toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    // The import writes its one transaction into the WAL: once that holds megabytes, it is mid-way.
    while (!(Files.exists(wal) && Files.size(wal) > 4L * 1024 * 1024)) {
      assertTrue(child.isAlive(), () -> "import ended before it could be killed: " + read(log));
      assertTrue(System.nanoTime() < deadline, "import never got going");
      Thread.sleep(5);
    }
    child.destroyForcibly(); // SIGKILL on Linux and macOS
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    assertEquals(137, child.exitValue(), "killed by SIGKILL");

    assertEquals(before, fingerprints(project));
    try (ProjectStore store = ProjectStore.open(project)) {
      assertEquals(1, store.read(c -> new ImportRepository(c).all()).size());
    }
  }

  private static List<String> fingerprints(Path project) throws Exception {
    try (ProjectStore store = ProjectStore.open(project)) {
      return store.read(c -> new FindingRepository(c).all()).stream()
          .map(Finding::fingerprint)
          .toList();
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (Exception e) {
      return "";
    }
  }
}
