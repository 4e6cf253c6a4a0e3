package dev.auditworkbench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.auditworkbench.engine.progress.Progress;
import dev.auditworkbench.engine.progress.ProgressText;
import dev.auditworkbench.engine.project.AuditProject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "compare",
    description =
        "Compare two rounds: findings fixed, new and still open; route p50/p95 before and after;"
            + " N+1 patterns gone; statements faster or slower; dependencies upgraded.")
final class CompareCommand implements Callable<Integer> {
  enum Format {
    text,
    json
  }

  @Spec CommandSpec spec;
  @Mixin ProjectOption project;

  @Option(
      names = "--from",
      paramLabel = "ROUND",
      description = "The earlier round, by number or name (default: the baseline).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "ROUND",
      description = "The later round, by number or name (default: the last one).")
  String to;

  @Option(
      names = "--min-requests",
      defaultValue = "20",
      paramLabel = "N",
      description =
          "Compare a route's latency only where both rounds captured N of its requests (default:"
              + " ${DEFAULT-VALUE}).")
  int minRequests;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws Exception {
    Progress.Comparison c;
    try (AuditProject store = project.openForReading()) {
      try {
        c = store.rounds().compare(from, to, minRequests);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    var out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(
          new ObjectMapper()
              .findAndRegisterModules()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
              .writeValueAsString(c));
    } else {
      out.print(ProgressText.render(c));
    }
    return ExitCodes.OK;
  }
}
