package dev.auditworkbench.app.demo;

import dev.auditworkbench.engine.ingest.ImportResult;
import dev.auditworkbench.engine.ingest.ImportService;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.ProjectFileException;
import dev.auditworkbench.engine.store.ProjectLockedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bundled demo audit: the Ledgerly repository (with its scripted git history), the captures
 * taken from it with the real tools, and a project that imports every capture a format is known
 * for. Beside {@code name.audit} it writes {@code name-repo/} and {@code name-captures/}.
 */
public final class DemoProject {
  /** What was created, and which captures no importer reads yet. */
  public record Created(
      Path project,
      Path repo,
      Path captures,
      List<ImportResult> imported,
      List<Path> notImported) {}

  /** When an existing demo may be replaced. */
  public enum Replace {
    /** Never: an existing demo is refused. */
    NEVER,
    /**
     * Only while nobody triaged it (the default place's demo is recreated on each run until then).
     */
    UNLESS_TRIAGED,
    /** Always (--force). */
    ALWAYS
  }

  /** The existing demo holds an auditor's triage and was kept. */
  public static final class HasTriage extends ProjectFileException {
    private static final long serialVersionUID = 1L;
    private final int triaged;

    HasTriage(Path project, int triaged) {
      super(
          project,
          "this demo holds your triage on "
              + triaged
              + (triaged == 1 ? " finding" : " findings")
              + "; it was kept (--force recreates it and loses that triage)");
      this.triaged = triaged;
    }

    public int triaged() {
      return triaged;
    }
  }

  private DemoProject() {}

  /** Where the GUI and {@code workbench demo} put the demo when not told otherwise. */
  public static Path defaultLocation() {
    return Path.of(
        System.getProperty("user.home"), "AuditWorkbench", "demo", "ledgerly-demo.audit");
  }

  public static Path repoOf(Path project) {
    return sibling(project, "-repo");
  }

  public static Path capturesOf(Path project) {
    return sibling(project, "-captures");
  }

  private static Path sibling(Path project, String suffix) {
    String name = project.getFileName().toString();
    String base = name.endsWith(".audit") ? name.substring(0, name.length() - 6) : name;
    return project.toAbsolutePath().resolveSibling(base + suffix);
  }

  /**
   * Creates the demo project.
   *
   * @param replace delete an earlier demo at the same place first
   */
  public static Created create(Path projectFile, boolean replace, ProgressListener listener)
      throws IOException, ProjectFileException, BadInputException {
    return create(projectFile, replace ? Replace.ALWAYS : Replace.NEVER, listener);
  }

  /**
   * Creates the demo; an existing one is replaced as {@code replace} says.
   *
   * @throws HasTriage when {@code UNLESS_TRIAGED} finds an auditor's decisions in the existing demo
   */
  public static Created create(Path projectFile, Replace replace, ProgressListener listener)
      throws IOException, ProjectFileException, BadInputException {
    return create(projectFile, replace, false, listener);
  }

  /** The name of the demo's second round ({@code workbench demo --rounds}). */
  public static final String SECOND_ROUND = "after the first fixes";

  /**
   * The demo, and with {@code secondRound} the engagement's second round too: the same traffic
   * captured on the app with its two N+1 patterns fixed and the missing index added
   * (app/src/demo/after-fixes.patch, captured by capture.sh with VARIANT=after), imported into a
   * round opened after the baseline.
   */
  public static Created create(
      Path projectFile, Replace replace, boolean secondRound, ProgressListener listener)
      throws IOException, ProjectFileException, BadInputException {
    Path project = projectFile.toAbsolutePath().normalize();
    Path repo = repoOf(project);
    Path captures = capturesOf(project);
    if (Files.exists(project) || Files.exists(repo) || Files.exists(captures)) {
      if (replace == Replace.NEVER) {
        throw new ProjectFileException(
            project, "a demo already exists here; use --force to recreate it");
      }
      try (AuditProject open = AuditProject.open(project)) {
        // Opening proves no other window holds it before anything is deleted.
        int triaged = open.findings().triagedCount();
        if (replace == Replace.UNLESS_TRIAGED && triaged > 0) {
          throw new HasTriage(project, triaged);
        }
      } catch (HasTriage e) {
        throw e;
      } catch (ProjectFileException e) {
        if (Files.exists(project) && e instanceof ProjectLockedException) {
          throw e;
        }
      }
      deleteTree(repo);
      deleteTree(captures);
      deleteTree(sibling(project, "-captures-after"));
      Files.deleteIfExists(project);
    }
    Files.createDirectories(project.getParent());
    listener.progress(0, 3, "Writing the Ledgerly repository and its history");
    List<String> files = DemoResources.copyTree("demo/ledgerly", repo);
    DemoHistory.write(repo, files);
    listener.progress(1, 3, "Copying the captures");
    DemoResources.copyTree("demo/captures", captures);
    listener.progress(2, 3, "Importing the captures");
    ProjectInfo info =
        new ProjectInfo("Ledgerly Ltd (demo)", "Platform health audit", "Demo Auditor", repo);
    List<ImportResult> imported = new ArrayList<>();
    List<Path> notImported = new ArrayList<>();
    try (AuditProject store = AuditProject.create(project, info, Clock.systemUTC())) {
      listener.progress(2, 3, "Scanning the repository");
      store.scans().scan(listener);
      ImporterRegistry registry = ImporterRegistry.load();
      ImportService service = store.imports(registry);
      for (Path capture : capturesIn(captures)) {
        if (!recognised(registry, capture)) {
          notImported.add(capture);
          continue;
        }
        imported.add(service.importFile(capture, null, listener));
      }
      if (secondRound) {
        Path after = sibling(project, "-captures-after");
        DemoResources.copyTree("demo/captures-after", after);
        listener.progress(2, 3, "Importing the second round");
        store.rounds().open(SECOND_ROUND);
        for (Path capture : capturesIn(after)) {
          if (recognised(registry, capture)) {
            imported.add(service.importFile(capture, null, listener));
          } else {
            notImported.add(capture);
          }
        }
      }
    }
    listener.progress(3, 3, "Demo ready");
    return new Created(project, repo, captures, imported, notImported);
  }

  /**
   * The captures in a stable order, the web tier's first: query findings then name their routes
   * from the start.
   */
  private static List<Path> capturesIn(Path captures) throws IOException {
    try (Stream<Path> walk = Files.walk(captures)) {
      return walk.filter(Files::isRegularFile)
          .sorted(
              Comparator.comparing((Path p) -> !captures.relativize(p).startsWith("web"))
                  .thenComparing(p -> p))
          .toList();
    }
  }

  private static boolean recognised(ImporterRegistry registry, Path file) throws IOException {
    try {
      registry.detect(file);
      return true;
    } catch (BadInputException e) {
      return false;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
