package dev.auditworkbench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
    name = "queries",
    description =
        "Statements ranked by total time, N+1 patterns per route and plan problems, from the imported traces.")
final class QueriesCommand implements Callable<Integer> {
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

  @Option(
      names = "--top",
      defaultValue = "20",
      paramLabel = "N",
      description = "Statements shown (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--n-plus-one",
      defaultValue = "5",
      paramLabel = "N",
      description =
          "Repeats of one statement in one request that make an N+1 (3 or more; default: ${DEFAULT-VALUE}).")
  int threshold;

  @Override
  public Integer call() throws Exception {
    if (threshold < 3) {
      throw new UsageException(
          "--n-plus-one must be 3 or more (imports keep repeats of 3 and more)");
    }
    QueryAnalysis.Result r;
    try (AuditProject store = project.openForReading()) {
      r = store.analyses().queries(threshold);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(json(r.top(top)));
      return ExitCodes.OK;
    }
    if (r.statementSource() == null && r.planIssues().isEmpty()) {
      out.println(
          "No query data: import a PostgreSQL log, Django SQL log, OTLP traces or pg_stat_statements first.");
      return ExitCodes.OK;
    }
    out.printf(
        Locale.ROOT, "Statements from %s: %.0f ms in total%n", r.statementSource(), r.totalMs());
    out.printf(
        Locale.ROOT,
        "%5s %8s %10s %9s %9s %9s  %-32s %s%n",
        "SHARE",
        "CALLS",
        "TOTAL ms",
        "MEAN ms",
        "P95 ms",
        "MAX ms",
        "TABLES",
        "STATEMENT");
    r.statements().stream()
        .limit(top)
        .forEach(
            s ->
                out.printf(
                    Locale.ROOT,
                    "%4.0f%% %8d %10.1f %9.2f %9s %9.1f  %-32s %s%n",
                    100 * s.share(),
                    s.calls(),
                    s.totalMs(),
                    s.meanMs(),
                    Double.isNaN(s.p95Ms()) ? "-" : String.format(Locale.ROOT, "%.2f", s.p95Ms()),
                    s.maxMs(),
                    clip(String.join(",", s.tables()), 32),
                    clip(s.normalized(), 90)));
    out.println();
    out.printf(
        "N+1 (a statement %d or more times in one request; %d of %d request windows matched to a route):%n",
        threshold, r.windowsWithRoute(), r.windows());
    for (QueryAnalysis.NPlusOne n : r.nPlusOnes()) {
      out.printf(
          Locale.ROOT,
          "  %-40s %5d x %-40s in %d requests, %.1f ms each%s%n",
          n.route(),
          n.repeats(),
          n.model() != null ? n.model() : n.table(),
          n.requests(),
          n.msPerRequest(),
          n.viewPath() == null ? "" : "  -> " + n.viewPath() + ":" + n.viewLine());
    }
    out.println();
    out.println("Plans:");
    for (QueryAnalysis.PlanIssue p : r.planIssues()) {
      out.printf(
          "  %-18s %s%n  %-18s %s%s%n",
          p.kind(),
          p.detail(),
          "",
          p.suggestion(),
          p.modelPath() == null ? "" : "  (" + p.modelPath() + ":" + p.line() + ")");
    }
    return ExitCodes.OK;
  }

  static String json(Object value) throws Exception {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(value);
  }

  static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
