package dev.auditworkbench.views.report;

import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.project.ReportService;
import dev.auditworkbench.engine.report.ReportModel;
import dev.auditworkbench.views.common.BackgroundWork;
import dev.auditworkbench.views.common.FxTasks;
import dev.auditworkbench.views.common.Staleness;
import java.nio.file.Path;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/**
 * The report as HTML for the preview, and its exports (the same as {@code workbench report}), built
 * off the FX thread.
 */
public final class ReportViewModel {
  private record Preview(String summary, String html) {}

  private final AuditProject project;
  private final BackgroundWork background;
  private final ReadOnlyStringWrapper html = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

  public ReportViewModel(AuditProject project, BackgroundWork background) {
    this.project = project;
    this.background = background;
  }

  private final Staleness preview = new Staleness(this::build);

  /** Rebuilds the preview now (the page's Refresh). */
  public Task<?> reload() {
    return preview.refresh();
  }

  /** Rebuilds the preview when the project changed since it was built (a page visit). */
  public Task<?> reloadIfStale() {
    return preview.refreshIfStale();
  }

  /** The project changed: the preview is rebuilt when the page is next shown. */
  public void invalidate() {
    preview.invalidate();
  }

  private Task<?> build() {
    Task<Preview> task =
        FxTasks.task(
            "Building the report preview",
            l -> {
              ReportModel model = project.reports().model();
              return new Preview(ReportService.counts(model), project.reports().html(model));
            });
    task.setOnSucceeded(
        e -> {
          summary.set(task.getValue().summary());
          html.set(task.getValue().html());
        });
    return background.submit(task);
  }

  /**
   * Writes the export to {@code file} (atomically: a failed or cancelled export leaves nothing
   * half-written).
   */
  public Task<Path> export(ReportService.Format format, Path file) {
    return background.submit(
        FxTasks.task(
            "Exporting " + format.name(),
            l -> {
              ReportModel model = project.reports().model();
              project
                  .reports()
                  .export(model, project.reports().renderer(null), Map.of(format, file), l);
              return file;
            }));
  }

  public ReadOnlyStringProperty htmlProperty() {
    return html.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }
}
