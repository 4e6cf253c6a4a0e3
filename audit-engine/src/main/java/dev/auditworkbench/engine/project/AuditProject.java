package dev.auditworkbench.engine.project;

import dev.auditworkbench.engine.excerpt.CodeExcerpts;
import dev.auditworkbench.engine.ingest.ImportService;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.scan.ScanService;
import dev.auditworkbench.engine.store.ProjectFileException;
import dev.auditworkbench.engine.store.ProjectReadOnlyException;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.triage.TriageService;
import java.nio.file.Path;
import java.time.Clock;

/**
 * An open audit project: the one door the app's pages and the CLI's commands go through. It owns
 * the project file's store and hands out the engine services, each edit one transaction; no caller
 * sees the database.
 */
public final class AuditProject implements AutoCloseable {
  private final ProjectStore store;
  private final Clock clock;
  private final FindingService findings;
  private final TriageService triage;
  private final PlanService plans;
  private final ReportService reports;
  private final SettingsService settings;
  private final AnalysisService analyses;
  private final RoundService rounds;

  private AuditProject(ProjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.findings = new FindingService(store);
    this.triage = new TriageService(store, clock);
    this.plans = new PlanService(store, clock);
    this.reports = new ReportService(store, clock);
    this.settings = new SettingsService(store, clock);
    this.analyses = new AnalysisService(store);
    this.rounds = new RoundService(store, clock);
  }

  /**
   * The services over a store already open (tests and benchmarks that also look into the database);
   * closing the project closes the store.
   */
  public static AuditProject of(ProjectStore store, Clock clock) {
    return new AuditProject(store, clock);
  }

  /** Opens a project for reading and writing (migrating an older file, with a backup). */
  public static AuditProject open(Path file) throws ProjectFileException {
    return new AuditProject(ProjectStore.open(file), Clock.systemUTC());
  }

  /** Opens a project to read it; one on read-only media is opened read-only instead of refused. */
  public static AuditProject openForReading(Path file) throws ProjectFileException {
    try {
      return open(file);
    } catch (ProjectReadOnlyException e) {
      return new AuditProject(ProjectStore.openReadOnly(file), Clock.systemUTC());
    }
  }

  /** Creates a new project file. */
  public static AuditProject create(Path file, ProjectInfo info, Clock clock)
      throws ProjectFileException {
    return new AuditProject(ProjectStore.create(file, info, clock), clock);
  }

  /** The engagement's rounds: open one, list them, compare two. */
  public RoundService rounds() {
    return rounds;
  }

  public Path file() {
    return store.file();
  }

  public ProjectInfo info() {
    return store.info();
  }

  /** The project file's schema version (older files are migrated on open). */
  public int schemaVersion() {
    return store.schemaVersion();
  }

  public boolean readOnly() {
    return store.readOnly();
  }

  public FindingService findings() {
    return findings;
  }

  public TriageService triage() {
    return triage;
  }

  public PlanService plans() {
    return plans;
  }

  public ReportService reports() {
    return reports;
  }

  public SettingsService settings() {
    return settings;
  }

  public AnalysisService analyses() {
    return analyses;
  }

  /** Analyses the project's repository (again). */
  public ScanService scans() {
    return new ScanService(store, clock);
  }

  /** Imports captures and scan results with these importers. */
  public ImportService imports(ImporterRegistry registry) {
    return new ImportService(store, registry, clock);
  }

  /** Code around findings at the scanned commit, secrets masked, nothing outside the repository. */
  public CodeExcerpts excerpts() {
    return CodeExcerpts.of(store);
  }

  @Override
  public void close() {
    store.close();
  }
}
