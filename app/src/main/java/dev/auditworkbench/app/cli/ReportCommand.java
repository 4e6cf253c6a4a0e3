package dev.auditworkbench.app.cli;

import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.project.ReportService;
import dev.auditworkbench.engine.report.ReportModel;
import dev.auditworkbench.engine.report.ReportRenderer;
import dev.auditworkbench.engine.spi.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "report",
    description = {
      "Export the deliverable: a prioritised PDF report, and the same report as HTML, CSV for Jira/Linear and JSON.",
      "Findings are detailed when they are 'In report'."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ProjectOption project;

  @Option(names = "--pdf", paramLabel = "FILE", description = "Write the PDF report.")
  Path pdf;

  @Option(names = "--html", paramLabel = "FILE", description = "Write the report as HTML.")
  Path html;

  @Option(
      names = "--csv",
      paramLabel = "FILE",
      description = "Write the detailed findings as CSV for Jira or Linear.")
  Path csv;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the report model as JSON.")
  Path json;

  @Option(
      names = "--template",
      paramLabel = "DIR",
      description = "A folder with your own report.html (Pebble) instead of the default.")
  Path template;

  @Override
  public Integer call() throws Exception {
    if (pdf == null && html == null && csv == null && json == null) {
      throw new UsageException("say what to write: --pdf, --html, --csv and/or --json");
    }
    var out = spec.commandLine().getOut();
    try (AuditProject audit = project.openForReading()) {
      ReportService reports = audit.reports();
      ReportModel model = reports.model();
      ReportRenderer renderer;
      try {
        renderer = reports.renderer(template);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      Map<ReportService.Format, Path> files = new EnumMap<>(ReportService.Format.class);
      put(files, ReportService.Format.PDF, pdf);
      put(files, ReportService.Format.HTML, html);
      put(files, ReportService.Format.CSV, csv);
      put(files, ReportService.Format.JSON, json);
      long start = System.nanoTime();
      try {
        reports.export(model, renderer, files, ProgressListener.NONE);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage()); // the template failed
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (html != null) {
        out.println("HTML: " + html);
      }
      if (pdf != null) {
        out.printf("PDF: %s (%,d bytes, %.1f s)%n", pdf, Files.size(pdf), seconds);
      }
      if (csv != null) {
        out.println("CSV: " + csv);
      }
      if (json != null) {
        out.println("JSON: " + json);
      }
      out.println(ReportService.counts(model));
    }
    return ExitCodes.OK;
  }

  private static void put(
      Map<ReportService.Format, Path> files, ReportService.Format format, Path file) {
    if (file != null) {
      files.put(format, file);
    }
  }
}
