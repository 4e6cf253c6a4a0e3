package dev.auditworkbench.app.cli;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.project.FindingQuery;
import dev.auditworkbench.engine.report.FindingsCsvWriter;
import dev.auditworkbench.engine.report.FindingsJsonWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "findings", description = "List findings, most severe first.")
final class FindingsCommand implements Callable<Integer> {
  enum Format {
    table,
    json,
    csv
  }

  @Spec CommandSpec spec;

  @Mixin ProjectOption project;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--status",
      split = ",",
      paramLabel = "S",
      description = "inbox, confirmed, in_report, dismissed.")
  Set<Status> statuses = Set.of();

  @Option(
      names = "--category",
      split = ",",
      paramLabel = "C",
      description = "performance, security, architecture, maintainability, dependencies, testing.")
  Set<Category> categories = Set.of();

  @Option(
      names = "--severity",
      split = ",",
      paramLabel = "S",
      description = "critical, high, medium, low, info.")
  Set<Severity> severities = Set.of();

  @Option(
      names = "--tool",
      split = ",",
      paramLabel = "T",
      description = "Only findings reported by these tools.")
  Set<String> tools = Set.of();

  @Option(
      names = "--search",
      paramLabel = "TEXT",
      description = "Text in the title, rule, path or tool.")
  String search;

  @Override
  public Integer call() throws Exception {
    FindingQuery filter = new FindingQuery(statuses, categories, severities, tools, search);
    // Buffered, not flushed at each line: 500,000 lines were as many writes to the terminal.
    PrintWriter out =
        new PrintWriter(new java.io.BufferedWriter(spec.commandLine().getOut(), 1 << 16), false);
    // Streamed from the database in display order: a project of 500,000 findings is never held
    // whole.
    try (AuditProject audit = project.openForReading()) {
      each(audit, filter, out);
    } finally {
      out.flush();
    }
    return ExitCodes.OK;
  }

  private void each(AuditProject audit, FindingQuery filter, PrintWriter out) throws IOException {
    switch (format) {
      case json -> {
        try (FindingsJsonWriter.Streaming json = FindingsJsonWriter.open(out)) {
          audit.findings().forEach(filter, f -> unchecked(() -> json.add(f)));
        }
      }
      case csv -> {
        var csv = FindingsCsvWriter.open(out);
        audit.findings().forEach(filter, f -> unchecked(() -> FindingsCsvWriter.add(csv, f)));
        csv.flush();
      }
      case table -> {
        Table table = new Table(out);
        audit.findings().forEach(filter, table::add);
        table.end();
      }
    }
  }

  private interface IoStep {
    void run() throws IOException;
  }

  private static void unchecked(IoStep step) {
    try {
      step.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The table, a row as each finding comes, and the count at the end. */
  private static final class Table {
    private final PrintWriter out;
    private long count;
    private long gone;

    Table(PrintWriter out) {
      this.out = out;
      out.printf(
          "%-10s %-8s %-15s %-10s %3s %-3s %-40s %s%n",
          "ID", "SEVERITY", "CATEGORY", "STATUS", "IMP", "EFF", "LOCATION", "TITLE");
    }

    private final StringBuilder row = new StringBuilder(200);

    /** The header's columns by hand: a Formatter per row was a second of 500,000 findings. */
    void add(Finding f) {
      String status = f.gone() ? f.status().key() + "*" : f.status().key();
      row.setLength(0);
      left(row, f.fingerprint().substring(0, 10), 10).append(' ');
      left(row, f.severity().key(), 8).append(' ');
      left(row, f.category().key(), 15).append(' ');
      left(row, status, 10).append(' ');
      String impact = String.valueOf(f.impact().value());
      row.append(" ".repeat(Math.max(0, 3 - impact.length()))).append(impact).append(' ');
      left(row, String.valueOf(f.effort().size()), 3).append(' ');
      left(row, clip(f.location().display(), 40), 40).append(' ');
      row.append(clip(f.title(), 80));
      out.println(row);
      count++;
      gone += f.gone() ? 1 : 0;
    }

    void end() {
      out.printf(
          "%d findings%s%n",
          count, gone > 0 ? " (" + gone + " marked * are no longer reported by their tools)" : "");
    }
  }

  /** {@code s} padded with spaces to {@code width}, as %-Ns prints it. */
  private static StringBuilder left(StringBuilder b, String s, int width) {
    b.append(s);
    for (int i = s.length(); i < width; i++) {
      b.append(' ');
    }
    return b;
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : "..." + s.substring(s.length() - max + 3);
  }
}
