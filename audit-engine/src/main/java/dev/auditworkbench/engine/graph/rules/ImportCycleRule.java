package dev.auditworkbench.engine.graph.rules;

import dev.auditworkbench.engine.graph.ImportGraph;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.spi.RawFinding;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Modules that import each other, directly or around a loop (a strongly connected component of the
 * import graph). In Django this is the payments app importing the ledger and the ledger importing
 * payments: neither can be extracted, tested or deployed alone, and import order bugs appear at
 * start-up. Severity rises when the cycle crosses app boundaries. False positives: imports inside
 * functions that exist precisely to break a cycle at run time (still a coupling).
 */
final class ImportCycleRule implements Rule {
  @Override
  public String id() {
    return "workbench.import-cycle";
  }

  @Override
  public String description() {
    return "Import cycles (strongly connected modules), naming every module and import line";
  }

  @Override
  public void check(RepoAnalysis a, Consumer<RawFinding> out) {
    for (List<String> cycle : a.graph().cycles()) {
      List<ImportGraph.Edge> edges = a.graph().edgesWithin(cycle);
      ImportGraph.Edge first = edges.get(0);
      long apps =
          cycle.stream()
              .map(m -> m.contains(".") ? m.substring(0, m.indexOf('.')) : m)
              .distinct()
              .count();
      String evidence =
          edges.stream().map(ImportGraph.Edge::describe).collect(Collectors.joining("\n"));
      out.accept(
          RawFinding.builder(id())
              .title("Import cycle between " + String.join(", ", cycle))
              .description(
                  cycle.size()
                      + " modules import each other"
                      + (apps > 1 ? " across " + apps + " apps" : "")
                      + ". Break the cycle by moving the shared piece down or inverting one dependency (an event or a"
                      + " callback).")
              .category(Category.ARCHITECTURE)
              .severity(apps > 1 ? Severity.MEDIUM : Severity.LOW)
              .confidence(Confidence.HIGH)
              .path(first.path())
              .lines(first.lines().get(0), first.lines().get(0))
              .keyEvidence(String.join(",", cycle))
              .evidence(Evidence.Kind.TEXT, evidence)
              .defaultEffort(Effort.of(apps > 1 ? Effort.Size.M : Effort.Size.S))
              .build());
    }
  }
}
