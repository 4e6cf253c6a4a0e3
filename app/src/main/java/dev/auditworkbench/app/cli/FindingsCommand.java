package dev.auditworkbench.app.cli;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.report.FindingsCsvWriter;
import dev.auditworkbench.engine.report.FindingsJsonWriter;
import dev.auditworkbench.engine.store.FindingFilter;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import java.io.PrintWriter;
import java.util.List;
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

  @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--status", split = ",", paramLabel = "S", description = "inbox, confirmed, in_report, dismissed.")
  Set<Status> statuses = Set.of();

  @Option(names = "--category", split = ",", paramLabel = "C",
      description = "performance, security, architecture, maintainability, dependencies, testing.")
  Set<Category> categories = Set.of();

  @Option(names = "--severity", split = ",", paramLabel = "S", description = "critical, high, medium, low, info.")
  Set<Severity> severities = Set.of();

  @Option(names = "--tool", split = ",", paramLabel = "T", description = "Only findings reported by these tools.")
  Set<String> tools = Set.of();

  @Option(names = "--search", paramLabel = "TEXT", description = "Text in the title, rule, path or tool.")
  String search;

  @Override
  public Integer call() throws Exception {
    FindingFilter filter = new FindingFilter(statuses, categories, severities, tools, search);
    List<Finding> findings;
    try (ProjectStore store = project.open()) {
      findings = store.read(c -> new FindingRepository(c).all()).stream().filter(filter).toList();
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case json -> FindingsJsonWriter.write(findings, out);
      case csv -> FindingsCsvWriter.write(findings, out);
      case table -> table(findings, out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void table(List<Finding> findings, PrintWriter out) {
    out.printf("%-10s %-8s %-15s %-10s %3s %-3s %-40s %s%n",
        "ID", "SEVERITY", "CATEGORY", "STATUS", "IMP", "EFF", "LOCATION", "TITLE");
    for (Finding f : findings) {
      String status = f.gone() ? f.status().key() + "*" : f.status().key();
      out.printf("%-10s %-8s %-15s %-10s %3d %-3s %-40s %s%n",
          f.fingerprint().substring(0, 10), f.severity().key(), f.category().key(), status,
          f.impact().value(), f.effort().size(), clip(f.location().display(), 40), clip(f.title(), 80));
    }
    long gone = findings.stream().filter(Finding::gone).count();
    out.printf("%d findings%s%n", findings.size(),
        gone > 0 ? " (" + gone + " marked * are no longer reported by their tools)" : "");
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : "..." + s.substring(s.length() - max + 3);
  }
}
