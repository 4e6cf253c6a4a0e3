package dev.auditworkbench.app.cli;

import dev.auditworkbench.engine.report.IssueTrackerCsv;
import dev.auditworkbench.engine.report.OutputFile;
import dev.auditworkbench.engine.report.ReportModel;
import dev.auditworkbench.engine.report.ReportRenderer;
import dev.auditworkbench.engine.store.ProjectStore;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", description = {
    "Export the deliverable: a prioritised PDF report, and the same report as HTML, CSV for Jira/Linear and JSON.",
    "Findings are detailed when they are 'In report'."})
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ProjectOption project;

  @Option(names = "--pdf", paramLabel = "FILE", description = "Write the PDF report.")
  Path pdf;

  @Option(names = "--html", paramLabel = "FILE", description = "Write the report as HTML.")
  Path html;

  @Option(names = "--csv", paramLabel = "FILE", description = "Write the detailed findings as CSV for Jira or Linear.")
  Path csv;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the report model as JSON.")
  Path json;

  @Option(names = "--template", paramLabel = "DIR", description = "A folder with your own report.html (Pebble) instead of the default.")
  Path template;

  @Override
  public Integer call() throws Exception {
    if (pdf == null && html == null && csv == null && json == null) {
      throw new UsageException("say what to write: --pdf, --html, --csv and/or --json");
    }
    ReportModel model;
    try (ProjectStore store = project.openForReading()) {
      model = store.read(c -> ReportModel.of(c, Instant.now()));
      if (template == null) {
        template = store.read(c -> ReportRenderer.projectTemplate(new dev.auditworkbench.engine.store.ProjectRepository(c).all()));
      }
    }
    var out = spec.commandLine().getOut();
    ReportRenderer renderer;
    try {
      renderer = new ReportRenderer(template);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    String page = html != null || pdf != null ? render(renderer, model) : null;
    if (html != null) {
      OutputFile.writeString(html, page);
      out.println("HTML: " + html);
    }
    if (pdf != null) {
      long start = System.nanoTime();
      OutputFile.write(pdf, o -> ReportRenderer.pdf(page, o));
      out.printf("PDF: %s (%,d bytes, %.1f s)%n", pdf, Files.size(pdf), (System.nanoTime() - start) / 1e9);
    }
    if (csv != null) {
      OutputFile.writeText(csv, w -> IssueTrackerCsv.write(model, w));
      out.println("CSV: " + csv);
    }
    if (json != null) {
      byte[] bytes = dev.auditworkbench.engine.report.ReportJson.bytes(model);
      OutputFile.write(json, o -> o.write(bytes));
      out.println("JSON: " + json);
    }
    out.printf("%d findings in report, %d open, %d untriaged%s%n", model.summary().inReport(), model.summary().open(),
        model.summary().untriaged(), model.summary().lowConfidenceLeftOut() == 0 ? ""
            : ", " + model.summary().lowConfidenceLeftOut() + " low-confidence places to review not counted until triaged");
    return ExitCodes.OK;
  }

  private static String render(ReportRenderer renderer, ReportModel model) {
    try {
      return renderer.html(model);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
