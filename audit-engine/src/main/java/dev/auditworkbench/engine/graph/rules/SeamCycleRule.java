package dev.auditworkbench.engine.graph.rules;

import dev.auditworkbench.engine.django.AppUnits;
import dev.auditworkbench.engine.graph.ImportGraph;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.seams.SeamMap;
import dev.auditworkbench.engine.spi.RawFinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Clusters of the seam map that import each other: the cut between them cannot be made without
 * inverting a dependency first. Apps that import each other inside one cluster are
 * workbench.app-cycle's; this rule is about the seams.
 */
final class SeamCycleRule implements Rule {
  /**
   * A seam is reported when its lighter direction has at most this many imports: inverting them is
   * the step that opens the cut. Clusters tangled more heavily both ways are one knot (the app
   * cycle says so), not a seam to cut yet.
   */
  static final int MAX_TO_INVERT = 3;

  @Override
  public String id() {
    return "seams.cluster-cycle";
  }

  @Override
  public String description() {
    return "Clusters of the seam map that import each other (the cut needs a dependency inverted first)";
  }

  @Override
  public void check(RepoAnalysis a, Consumer<RawFinding> out) {
    SeamMap map =
        SeamMap.build(
            a.graph().modules(),
            a.graph().edges(),
            a.history().couplings(),
            Set.of(),
            AppUnits.of(a.inventory()));
    Map<String, Integer> cluster = map.clusterOf();
    // Crossing imports by ordered cluster pair, in one pass over the edges.
    Map<List<Integer>, List<ImportGraph.Edge>> crossing =
        new TreeMap<>(
            Comparator.<List<Integer>>comparingInt(k -> k.get(0)).thenComparingInt(k -> k.get(1)));
    for (ImportGraph.Edge e : a.graph().edges()) {
      Integer from = cluster.get(map.appOfModule(e.from()));
      Integer to = cluster.get(map.appOfModule(e.to()));
      if (from != null && to != null && !from.equals(to)) {
        crossing.computeIfAbsent(List.of(from, to), k -> new ArrayList<>()).add(e);
      }
    }
    crossing.forEach(
        (pair, forward) -> {
          List<ImportGraph.Edge> backward = crossing.get(List.of(pair.get(1), pair.get(0)));
          if (pair.get(0) < pair.get(1)
              && backward != null
              && Math.min(forward.size(), backward.size()) <= MAX_TO_INVERT) {
            out.accept(finding(map, pair.get(0), pair.get(1), forward, backward));
          }
        });
  }

  private RawFinding finding(
      SeamMap map, int i, int j, List<ImportGraph.Edge> forward, List<ImportGraph.Edge> backward) {
    String a = "cluster " + (i + 1) + " (" + String.join(", ", map.clusters().get(i)) + ")";
    String b = "cluster " + (j + 1) + " (" + String.join(", ", map.clusters().get(j)) + ")";
    // The lighter direction is the one to invert; the finding points at its first import.
    List<ImportGraph.Edge> lighter = backward.size() <= forward.size() ? backward : forward;
    ImportGraph.Edge first = lighter.get(0);
    String evidence =
        Stream.concat(forward.stream(), backward.stream())
            .map(ImportGraph.Edge::describe)
            .collect(Collectors.joining("\n"));
    return RawFinding.builder(id())
        .title("Seam with imports both ways: " + a + " <-> " + b)
        .description(
            forward.size()
                + " imports go from "
                + a
                + " to "
                + b
                + " and "
                + backward.size()
                + " come back. Before the two can be split, invert the "
                + lighter.size()
                + " import"
                + (lighter.size() == 1 ? "" : "s")
                + " of the lighter direction (a signal, an event or a service"
                + " interface owned by the lower cluster).")
        .category(Category.ARCHITECTURE)
        // Planning information for the cut (which imports to invert first), not a defect.
        .severity(Severity.LOW)
        .confidence(Confidence.HIGH)
        .path(first.path())
        .lines(first.lines().get(0), first.lines().get(0))
        .keyEvidence(
            String.join(",", map.clusters().get(i)) + "|" + String.join(",", map.clusters().get(j)))
        .evidence(Evidence.Kind.TEXT, evidence)
        .defaultEffort(Effort.of(Effort.Size.M))
        .build();
  }
}
