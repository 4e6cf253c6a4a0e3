package dev.auditworkbench.engine.history.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.scan.ScanService;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Knowledge risk by file, and hotspots, on a repository built commit by commit. */
class HistoryRulesTest {
  @TempDir Path dir;

  /** a.py gains a branch with every commit (its complexity rises); b.py stays a one-liner. */
  private static String body(String file, int i) {
    if (file.equals("b.py")) {
      return "def g(x):\n    return x + " + i + "\n";
    }
    StringBuilder sb = new StringBuilder("def f(x):\n");
    for (int k = 0; k <= i; k++) {
      sb.append("    if x > ").append(k).append(":\n        return ").append(k).append("\n");
    }
    return sb.append("    return x\n").toString();
  }

  @Test
  void oneOwnerPerFileInASharedAppIsReportedPerFileAndTheBusiestComplexFileIsHotspotOne()
      throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo").resolve("core")).getParent();
    Instant t = Instant.parse("2026-05-01T09:00:00Z");
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      for (int i = 0; i < 12; i++) {
        for (String file : List.of("a.py", "b.py")) {
          Files.writeString(repo.resolve("core").resolve(file), body(file, i));
          git.add().addFilepattern(".").call();
          PersonIdent who =
              new PersonIdent(
                  file.equals("a.py") ? "Ann Lee" : "Bob Marsh",
                  "x@example.com",
                  Date.from(t.plusSeconds(3600L * (2 * i + (file.equals("a.py") ? 0 : 1)))),
                  TimeZone.getTimeZone("UTC"));
          git.commit().setMessage(file + " " + i).setAuthor(who).setCommitter(who).call();
        }
      }
    }
    try (ProjectStore store =
        ProjectStore.create(
            dir.resolve("t.audit"), new ProjectInfo("c", "e", "a", repo), Clock.systemUTC())) {
      new ScanService(store, Clock.systemUTC()).scan(ProgressListener.NONE);
      List<Finding> all = store.read(c -> new FindingRepository(c).all());
      List<String> risks =
          all.stream()
              .filter(f -> f.ruleId().equals("history.knowledge-risk"))
              .map(Finding::title)
              .sorted()
              .toList();
      // core/ as a whole is 50/50, so it is not a one-owner app; each of its files is.
      assertEquals(
          List.of(
              "Knowledge risk: core/a.py - 100% of the changes by Ann Lee",
              "Knowledge risk: core/b.py - 100% of the changes by Bob Marsh"),
          risks);
      Finding first =
          all.stream().filter(f -> f.title().startsWith("Hotspot #1:")).findFirst().orElseThrow();
      assertEquals("core/a.py", first.location().path());
    }
  }
}
