package dev.auditworkbench.app.cli;

import dev.auditworkbench.engine.ingest.ImportResult;
import dev.auditworkbench.engine.ingest.ImportService;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.spi.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "import",
    description = {
      "Import scan reports, logs or traces. The format is detected from the content.",
      "Each file is one transaction: it lands whole or not at all. A folder imports every file in it",
      "whose format is recognised."
    })
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ProjectOption project;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "<input>",
      description = "Files or folders to import.")
  List<Path> inputs;

  @Option(
      names = "--format",
      paramLabel = "ID",
      description = "Read every input as this format (see 'workbench formats').")
  String format;

  @Option(
      names = "--log-format",
      paramLabel = "LAYOUT",
      description =
          "An access log's layout as nginx's log_format or Apache's LogFormat string (implies --format access-log).")
  String logFormat;

  @Option(
      names = "--log-line-prefix",
      paramLabel = "PREFIX",
      description =
          "A PostgreSQL stderr log's log_line_prefix, when it cannot be read from the lines (implies --format postgres-stderr).")
  String logLinePrefix;

  @Override
  public Integer call() throws Exception {
    if (logFormat != null && logLinePrefix != null) {
      throw new UsageException(
          "--log-format is for access logs, --log-line-prefix for PostgreSQL logs: one at a time");
    }
    Map<String, String> options = new HashMap<>();
    if (logFormat != null) {
      options.put("log_format", logFormat); // AccessLogImporter.LOG_FORMAT_OPTION
      format = format == null ? "access-log" : format;
    }
    if (logLinePrefix != null) {
      options.put("log_line_prefix", logLinePrefix); // PostgresStderrImporter.PREFIX_OPTION
      format = format == null ? "postgres-stderr" : format;
    }
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    ImporterRegistry registry = ImporterRegistry.load();
    List<BadInputException> failures = new ArrayList<>();
    ConsoleProgress progress = new ConsoleProgress(err);
    try (AuditProject store = project.open()) {
      ImportService service = store.imports(registry);
      for (Path file : expand(inputs, registry, out)) {
        try {
          ImportResult result = service.importFile(file, format, options, progress);
          progress.done();
          out.println(result.summary());
          result.record().notes().forEach(w -> out.println("  note: " + w));
          result.record().warningsOnly().forEach(w -> out.println("  warning: " + w));
        } catch (BadInputException e) {
          progress.done();
          err.println("workbench: " + e.getMessage() + "; nothing from this file was stored");
          failures.add(e);
        }
      }
    }
    return failures.isEmpty() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
  }

  /** Files as given; folders replaced by their files that some importer recognises. */
  private List<Path> expand(List<Path> given, ImporterRegistry registry, PrintWriter out)
      throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : given) {
      if (!Files.isDirectory(p)) {
        files.add(p);
        continue;
      }
      try (Stream<Path> walk = Files.walk(p)) {
        for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
          if (format != null || recognised(registry, f)) {
            files.add(f);
          } else {
            out.println(f + ": skipped, no known format");
          }
        }
      }
    }
    return files;
  }

  private static boolean recognised(ImporterRegistry registry, Path f) throws IOException {
    try {
      registry.detect(f);
      return true;
    } catch (BadInputException e) {
      return false;
    }
  }
}
