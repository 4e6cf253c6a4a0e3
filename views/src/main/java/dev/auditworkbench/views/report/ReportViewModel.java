package dev.auditworkbench.views.report;

import dev.auditworkbench.engine.report.IssueTrackerCsv;
import dev.auditworkbench.engine.report.OutputFile;
import dev.auditworkbench.engine.report.ReportModel;
import dev.auditworkbench.engine.report.ReportRenderer;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.views.common.BackgroundWork;
import dev.auditworkbench.views.common.FxTasks;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/** The report as HTML for the preview, and its exports, built off the FX thread. */
public final class ReportViewModel {
  /** What can be exported. */
  public enum Format {
    PDF("pdf"), HTML("html"), CSV("csv"), JSON("json");

    private final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    public String extension() {
      return extension;
    }
  }

  private final ProjectStore store;
  private final BackgroundWork background;
  private final ReadOnlyStringWrapper html = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

  public ReportViewModel(ProjectStore store, BackgroundWork background) {
    this.store = store;
    this.background = background;
  }

  public Task<String> reload() {
    Task<String> task = FxTasks.task("Building the report preview", l -> {
      ReportModel model = store.read(c -> ReportModel.of(c, Instant.now()));
      String page = renderer().html(model);
      int low = model.summary().lowConfidenceLeftOut();
      return String.format(Locale.ROOT, "%d findings in report, %d open, %d untriaged", model.summary().inReport(),
          model.summary().open(), model.summary().untriaged())
          + (low == 0 ? "" : String.format(Locale.ROOT, ", %d low-confidence places to review not counted", low))
          + "\u0000" + page;
    });
    task.setOnSucceeded(e -> {
      String v = task.getValue();
      int cut = v.indexOf('\u0000');
      summary.set(v.substring(0, cut));
      html.set(v.substring(cut + 1));
    });
    return background.submit(task);
  }

  /** Writes the export to {@code file} (atomically: a failed or cancelled export leaves nothing half-written). */
  public Task<Path> export(Format format, Path file) {
    return background.submit(FxTasks.task("Exporting " + format.name(), l -> {
      l.progress(0, 3, "Collecting the report");
      ReportModel model = store.read(c -> ReportModel.of(c, Instant.now()));
      l.checkCancelled();
      l.progress(1, 3, "Laying out " + format.name());
      String page = format == Format.PDF || format == Format.HTML ? renderer().html(model) : null;
      l.checkCancelled();
      l.progress(2, 3, format == Format.PDF ? "Rendering the PDF" : "Writing " + format.name());
      switch (format) {
        case PDF -> OutputFile.write(file, out -> {
          ReportRenderer.pdf(page, out);
          l.checkCancelled();
        });
        case HTML -> OutputFile.writeString(file, page);
        case CSV -> OutputFile.writeText(file, w -> IssueTrackerCsv.write(model, w));
        case JSON -> {
          byte[] bytes = dev.auditworkbench.engine.report.ReportJson.bytes(model);
          OutputFile.write(file, out -> out.write(bytes));
        }
      }
      l.progress(3, 3, "Exported " + file.getFileName());
      return file;
    }));
  }

  /** The project's own template when it names one (report.template), else the default. */
  private ReportRenderer renderer() {
    return new ReportRenderer(store.read(c -> ReportRenderer.projectTemplate(
        new dev.auditworkbench.engine.store.ProjectRepository(c).all())));
  }

  public ReadOnlyStringProperty htmlProperty() {
    return html.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }
}
