package dev.auditworkbench.engine.project;

import dev.auditworkbench.engine.report.IssueTrackerCsv;
import dev.auditworkbench.engine.report.OutputFile;
import dev.auditworkbench.engine.report.ReportJson;
import dev.auditworkbench.engine.report.ReportModel;
import dev.auditworkbench.engine.report.ReportRenderer;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.ProjectRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The deliverable: the report model, its HTML (the preview) and its exports. The app's Report page
 * and {@code workbench report} both export through here, so they write the same files.
 */
public final class ReportService {
  /** What the report can be exported as. */
  public enum Format {
    PDF("pdf"),
    HTML("html"),
    CSV("csv"),
    JSON("json");

    private final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    public String extension() {
      return extension;
    }
  }

  private final ProjectStore store;
  private final Clock clock;

  ReportService(ProjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** What the report says now. */
  public ReportModel model() {
    return store.read(c -> ReportModel.of(c, clock.instant()));
  }

  /**
   * The renderer of a template folder, or of the project's own template ({@code report.template})
   * when {@code template} is null, or the default.
   *
   * @throws IllegalArgumentException when the folder has no usable report.html
   */
  public ReportRenderer renderer(Path template) {
    Path dir =
        template != null
            ? template
            : store.read(c -> ReportRenderer.projectTemplate(new ProjectRepository(c).all()));
    return new ReportRenderer(dir);
  }

  /** The report as HTML with the project's template (the preview). */
  public String html(ReportModel model) {
    return renderer(null).html(model);
  }

  /** The report's counts in one line, as the CLI and the Report page say them. */
  public static String counts(ReportModel model) {
    var s = model.summary();
    int low = s.lowConfidenceLeftOut();
    return String.format(
            Locale.ROOT,
            "%,d findings in report, %,d open%s, %,d untriaged",
            s.inReport(),
            s.open(),
            s.info() == 0 ? "" : String.format(Locale.ROOT, " (plus %,d informational)", s.info()),
            s.untriaged())
        + (low == 0
            ? ""
            : String.format(
                Locale.ROOT,
                ", %,d low-confidence places to review not counted until triaged",
                low));
  }

  /**
   * Writes the model in each format to its file, atomically (a failed or cancelled export leaves no
   * file half-written), laying the HTML out once for PDF and HTML.
   */
  public void export(
      ReportModel model,
      ReportRenderer renderer,
      Map<Format, Path> files,
      ProgressListener progress)
      throws IOException {
    Set<Format> formats = files.keySet();
    int steps = files.size() + 1;
    int done = 0;
    progress.progress(done, steps, "Laying the report out");
    String page =
        formats.contains(Format.PDF) || formats.contains(Format.HTML) ? renderer.html(model) : null;
    for (Format format : Format.values()) {
      Path file = files.get(format);
      if (file == null) {
        continue;
      }
      progress.checkCancelled();
      progress.progress(
          ++done, steps, format == Format.PDF ? "Rendering the PDF" : "Writing " + format.name());
      switch (format) {
        case PDF ->
            OutputFile.write(
                file,
                out -> {
                  ReportRenderer.pdf(page, out);
                  progress.checkCancelled();
                });
        case HTML -> OutputFile.writeString(file, page);
        case CSV -> OutputFile.writeText(file, w -> IssueTrackerCsv.write(model, w));
        case JSON -> {
          byte[] bytes = ReportJson.bytes(model);
          OutputFile.write(file, out -> out.write(bytes));
        }
      }
    }
    progress.progress(steps, steps, "Exported");
  }
}
