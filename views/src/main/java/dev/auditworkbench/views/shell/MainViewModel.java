package dev.auditworkbench.views.shell;

import dev.auditworkbench.engine.ingest.ImportResult;
import dev.auditworkbench.engine.ingest.ImportService;
import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.scan.ScanResult;
import dev.auditworkbench.engine.scan.ScanService;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.triage.TriageCommand;
import dev.auditworkbench.engine.triage.TriageExchange;
import dev.auditworkbench.engine.triage.TriageExchangeText;
import dev.auditworkbench.views.board.BoardViewModel;
import dev.auditworkbench.views.common.BackgroundWork;
import dev.auditworkbench.views.common.DialogService;
import dev.auditworkbench.views.common.FxTasks;
import dev.auditworkbench.views.common.Texts;
import dev.auditworkbench.views.common.TriageActions;
import dev.auditworkbench.views.findings.FindingsViewModel;
import dev.auditworkbench.views.matrix.MatrixViewModel;
import dev.auditworkbench.views.overview.OverviewViewModel;
import dev.auditworkbench.views.queries.QueriesViewModel;
import dev.auditworkbench.views.report.ReportViewModel;
import dev.auditworkbench.views.seams.SeamsViewModel;
import dev.auditworkbench.views.upgrade.UpgradeViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.concurrent.Task;

/** The open project: its pages' view models, imports, and what the status bar says. */
public final class MainViewModel {
  /** What one import run did, file by file. */
  public record ImportReport(List<ImportResult> imported, List<String> failures) {
    public String text() {
      StringBuilder sb = new StringBuilder();
      imported.forEach(
          r -> {
            sb.append(r.summary()).append('\n');
            r.record().notes().forEach(w -> sb.append("  note: ").append(w).append('\n'));
            r.record().warningsOnly().forEach(w -> sb.append("  warning: ").append(w).append('\n'));
          });
      failures.forEach(f -> sb.append("Not imported: ").append(f).append('\n'));
      return sb.toString().strip();
    }
  }

  private final AuditProject project;
  private final ImportService imports;
  private final ScanService scans;
  private final BackgroundWork background;
  private final DialogService dialogs;
  private final FindingsViewModel findings;
  private final OverviewViewModel overview;
  private final SeamsViewModel seams;
  private final QueriesViewModel queries;
  private final UpgradeViewModel upgrade;
  private final dev.auditworkbench.views.progress.ProgressViewModel progress;
  private final ReportViewModel report;
  private final MatrixViewModel matrix;
  private final BoardViewModel board;
  private final ProjectInfo info;
  private final TriageActions triage;
  private final List<Runnable> changeListeners = new ArrayList<>();

  public MainViewModel(
      AuditProject project,
      ImportService imports,
      BackgroundWork background,
      DialogService dialogs) {
    this.project = project;
    this.imports = imports;
    this.scans = project.scans();
    this.background = background;
    this.dialogs = dialogs;
    this.triage = new TriageActions(project.triage(), background);
    this.findings = new FindingsViewModel(project, triage, background);
    this.overview = new OverviewViewModel(project, background);
    this.seams = new SeamsViewModel(project, background);
    this.queries = new QueriesViewModel(project, background);
    this.upgrade = new UpgradeViewModel(project, background);
    this.progress = new dev.auditworkbench.views.progress.ProgressViewModel(project, background);
    this.report = new ReportViewModel(project, background);
    this.matrix = new MatrixViewModel(project, triage, background);
    this.board = new BoardViewModel(findings, project, triage, background);
    this.info = project.info();
    // Every triage change, wherever made, shows on every page that counts findings.
    triage.onChanged(
        () -> {
          findings.reload();
          overview.reload();
          changed();
        });
  }

  /**
   * Runs after every change to the project (triage, import, scan), once the pages that always
   * follow it reloaded; the window refreshes the page on show if that page is one of those
   * recomputed only when seen (matrix, report).
   */
  public void onProjectChanged(Runnable listener) {
    changeListeners.add(listener);
  }

  private void changed() {
    matrix.invalidate();
    report.invalidate();
    List.copyOf(changeListeners).forEach(Runnable::run);
  }

  /** The one undo history of triage changes: board, findings table and matrix. */
  public TriageActions triage() {
    return triage;
  }

  public void reloadAll() {
    // The overview first: it is the page a project opens on (one background thread runs these in
    // order, so whatever is first is shown first).
    overview.reload();
    findings.reload();
    seams.reload();
    queries.reload();
    upgrade.reload();
    progress.reload();
    changed();
  }

  /** Imports the files one transaction each; the report lists what landed and what did not. */
  public Task<ImportReport> importFiles(List<Path> files) {
    Task<ImportReport> task =
        FxTasks.task(
            "Importing " + files.size() + (files.size() == 1 ? " file" : " files"),
            listener -> {
              List<ImportResult> done = new ArrayList<>();
              List<String> failures = new ArrayList<>();
              for (Path file : files) {
                listener.checkCancelled();
                try {
                  done.add(imports.importFile(file, null, listener));
                } catch (BadInputException e) {
                  failures.add(e.getMessage());
                }
              }
              return new ImportReport(done, failures);
            });
    task.setOnSucceeded(
        e -> {
          ImportReport report = task.getValue();
          reloadAll();
          if (report.failures().isEmpty()) {
            dialogs.showInformation("Import finished", report.text());
          } else {
            dialogs.showError("Import finished with problems", report.text());
          }
        });
    task.setOnFailed(
        e -> dialogs.showError("Import failed", String.valueOf(task.getException().getMessage())));
    task.setOnCancelled(
        e -> {
          reloadAll();
          dialogs.showInformation(
              "Import cancelled",
              "The file being imported was rolled back; files finished before it were kept.");
        });
    return background.submit(task);
  }

  /** Analyses the repository again; the scan keeps triage and marks what went away. */
  public Task<ScanResult> rescan() {
    Task<ScanResult> task = FxTasks.task("Scanning the repository", scans::scan);
    task.setOnSucceeded(
        e -> {
          reloadAll();
          dialogs.showInformation("Scan finished", "Repository " + task.getValue().summary());
        });
    task.setOnFailed(
        e -> dialogs.showError("Scan failed", String.valueOf(task.getException().getMessage())));
    task.setOnCancelled(e -> dialogs.showInformation("Scan cancelled", "Nothing was changed."));
    return background.submit(task);
  }

  public String title() {
    String client =
        info.client().isBlank() ? project.file().getFileName().toString() : info.client();
    return client + (info.engagement().isBlank() ? "" : " - " + info.engagement());
  }

  /**
   * The status bar's short form: the project's and repository's names (the tooltip has the paths).
   */
  public String statusText() {
    return project.file().getFileName()
        + (info.repo() == null ? "" : "   repository " + info.repo().getFileName());
  }

  /** Where the project and its repository are, in full. */
  public String statusPaths() {
    return project.file() + (info.repo() == null ? "" : "\nrepository " + info.repo());
  }

  /** The status bar once the overview is known: the scanned commit and the last import too. */
  public String statusText(OverviewViewModel.Snapshot s) {
    StringBuilder sb = new StringBuilder(statusText());
    s.scan()
        .map(scan -> scan.commitId())
        .filter(c -> c != null && !c.isEmpty())
        .ifPresent(c -> sb.append(" at ").append(c, 0, Math.min(12, c.length())));
    if (!s.imports().isEmpty()) {
      var last = s.imports().get(s.imports().size() - 1);
      sb.append("   last import: ")
          .append(last.fileName())
          .append(" (")
          .append(Texts.minute(last.importedAt()))
          .append(")");
    }
    return sb.toString();
  }

  public FindingsViewModel findings() {
    return findings;
  }

  public BoardViewModel board() {
    return board;
  }

  public MatrixViewModel matrix() {
    return matrix;
  }

  public ReportViewModel report() {
    return report;
  }

  public QueriesViewModel queries() {
    return queries;
  }

  public dev.auditworkbench.views.progress.ProgressViewModel progress() {
    return progress;
  }

  public UpgradeViewModel upgrade() {
    return upgrade;
  }

  public SeamsViewModel seams() {
    return seams;
  }

  public OverviewViewModel overview() {
    return overview;
  }

  public BackgroundWork background() {
    return background;
  }

  public DialogService dialogs() {
    return dialogs;
  }

  /** Opens a round of the engagement: what is imported or scanned from now on belongs to it. */
  public Task<dev.auditworkbench.engine.model.Round> openRound(String name) {
    Task<dev.auditworkbench.engine.model.Round> task =
        FxTasks.task("Opening the round " + name, l -> project.rounds().open(name));
    task.setOnFailed(
        e -> dialogs.showError("No new round", String.valueOf(task.getException().getMessage())));
    return background.submit(task);
  }

  /** Writes this copy's triage for another auditor. */
  public Task<Integer> exportTriage(Path file) {
    Task<Integer> task =
        FxTasks.task(
            "Exporting the triage",
            l -> {
              TriageExchange.Document d = project.triage().exportTriage();
              dev.auditworkbench.engine.report.OutputFile.writeString(
                  file, TriageExchange.write(d));
              return d.findings().size();
            });
    task.setOnSucceeded(
        e ->
            dialogs.showInformation(
                "Triage exported",
                String.format("%,d findings' triage written to %s", task.getValue(), file)));
    task.setOnFailed(
        e -> dialogs.showError("Export failed", String.valueOf(task.getException().getMessage())));
    return background.submit(task);
  }

  /**
   * Merges another copy's triage: reads and plans off the FX thread, says what it would do and asks
   * how to resolve conflicts, then applies it as one undoable step.
   */
  public Task<TriageExchange.Plan[]> importTriage(Path file) {
    Task<TriageExchange.Plan[]> task =
        FxTasks.task(
            "Reading " + file.getFileName(),
            l -> {
              TriageExchange.Document theirs =
                  TriageExchange.read(
                      file, java.nio.file.Files.readString(file, StandardCharsets.UTF_8));
              lastTriageImport = theirs;
              return new TriageExchange.Plan[] {
                project.triage().planImport(theirs, false),
                project.triage().planImport(theirs, true)
              };
            });
    task.setOnSucceeded(e -> confirmTriageImport(file, task.getValue()));
    task.setOnFailed(
        e ->
            dialogs.showError(
                "Triage not imported", String.valueOf(task.getException().getMessage())));
    return background.submit(task);
  }

  private volatile TriageExchange.Document lastTriageImport;

  private void confirmTriageImport(Path file, TriageExchange.Plan[] plans) {
    TriageExchange.Plan keep = plans[0];
    TriageExchange.Plan take = plans[1];
    String who =
        lastTriageImport.auditor() == null || lastTriageImport.auditor().isBlank()
            ? file.getFileName().toString()
            : lastTriageImport.auditor() + " (" + file.getFileName() + ")";
    if (!keep.changesAnything() && keep.conflicts().isEmpty()) {
      dialogs.showInformation(
          "Nothing to import", TriageExchangeText.summary(keep, who) + "Nothing to change.");
      return;
    }
    List<String> options =
        keep.conflicts().isEmpty()
            ? List.of("Apply")
            : List.of("Apply, keeping mine in conflicts", "Apply, taking theirs in conflicts");
    dialogs
        .choose("Import triage", TriageExchangeText.summary(keep, who), options)
        .ifPresent(
            choice -> {
              TriageExchange.Plan plan = choice == 1 ? take : keep;
              if (plan.changesAnything()) {
                triage.execute(
                    new TriageCommand.Edit(
                        plan.edits(),
                        plan.ranks(),
                        plan.links(),
                        "import triage from " + file.getFileName()),
                    "import-triage");
              }
            });
  }
}
