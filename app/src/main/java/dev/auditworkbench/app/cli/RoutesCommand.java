package dev.auditworkbench.app.cli;

import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.queries.QueryAnalysis;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "routes",
    description =
        "Route latency (p50/p95/p99) per route and day from access logs and traces, and the day a route got slower.")
final class RoutesCommand implements Callable<Integer> {
  enum Format {
    table,
    json
  }

  @Spec CommandSpec spec;

  @Mixin ProjectOption project;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--days", description = "Also print every route's figures per day.")
  boolean days;

  @Override
  public Integer call() throws Exception {
    QueryAnalysis.Result r;
    try (AuditProject store = project.openForReading()) {
      r = store.analyses().queries(QueryAnalysis.DEFAULT_N_PLUS_ONE);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(QueriesCommand.json(r.routes()));
      return ExitCodes.OK;
    }
    if (r.routes().isEmpty()) {
      out.println(
          "No requests: import an access log (nginx/Apache with request time) or OTLP traces first.");
      return ExitCodes.OK;
    }
    out.printf(
        "%-52s %9s %8s %8s %8s  %s%n",
        "ROUTE", "REQUESTS", "P50 ms", "P95 ms", "P99 ms", "CHANGED");
    for (QueryAnalysis.RouteLatency route : r.routes()) {
      out.printf(
          Locale.ROOT,
          "%-52s %9d %8.0f %8.0f %8.0f  %s%n",
          QueriesCommand.clip(route.route(), 52),
          route.requests(),
          route.p50(),
          route.p95(),
          route.p99(),
          route.changedOn() == null
              ? "-"
              : String.format(
                  Locale.ROOT,
                  "%s (p95 %.0f -> %.0f ms)",
                  route.changedOn(),
                  route.p95Before(),
                  route.p95After()));
      if (days) {
        route
            .days()
            .forEach(
                d ->
                    out.printf(
                        Locale.ROOT,
                        "    %s %9d %8.0f %8.0f %8.0f%n",
                        d.day(),
                        d.requests(),
                        d.p50(),
                        d.p95(),
                        d.p99()));
      }
    }
    return ExitCodes.OK;
  }
}
