package dev.auditworkbench.engine.graph.rules;

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
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/**
 * Django apps (top-level packages) that depend on each other in a loop, even when no single module
 * cycle exists: payments.signals imports ledger.services, which imports payments.models. Apps in a
 * loop cannot be extracted, owned or migrated apart; a healthy monolith's apps form a layering.
 * False positives: imports made only for type hints.
 */
final class AppCycleRule implements Rule {
  @Override
  public String id() {
    return "workbench.app-cycle";
  }

  @Override
  public String description() {
    return "Django apps (top-level packages) importing each other, pair by pair, and larger loops";
  }

  private static String appOf(String module) {
    return SeamMap.appOf(module);
  }

  @Override
  public void check(RepoAnalysis a, Consumer<RawFinding> out) {
    Graph<String, DefaultEdge> apps = new DefaultDirectedGraph<>(DefaultEdge.class);
    List<ImportGraph.Edge> crossing = new ArrayList<>();
    for (ImportGraph.Edge e : a.graph().edges()) {
      String from = appOf(e.from());
      String to = appOf(e.to());
      if (!from.equals(to)) {
        apps.addVertex(from);
        apps.addVertex(to);
        apps.addEdge(from, to);
        crossing.add(e);
      }
    }
    for (Set<String> scc :
        new KosarajuStrongConnectivityInspector<>(apps).stronglyConnectedSets()) {
      if (scc.size() < 2) {
        continue;
      }
      List<String> members = List.copyOf(new TreeSet<>(scc));
      List<List<String>> pairs = mutualPairs(apps, members);
      for (List<String> pair : pairs) {
        out.accept(finding(pair, crossingWithin(crossing, pair), "import each other directly"));
      }
      if (members.size() > 2) {
        out.accept(
            finding(
                members, crossingWithin(crossing, members), "depend on each other around a loop"));
      }
    }
  }

  private static List<List<String>> mutualPairs(
      Graph<String, DefaultEdge> apps, List<String> members) {
    List<List<String>> pairs = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      for (int j = i + 1; j < members.size(); j++) {
        if (apps.containsEdge(members.get(i), members.get(j))
            && apps.containsEdge(members.get(j), members.get(i))) {
          pairs.add(List.of(members.get(i), members.get(j)));
        }
      }
    }
    pairs.sort(Comparator.comparing((List<String> p) -> p.get(0)).thenComparing(p -> p.get(1)));
    return pairs;
  }

  private static List<ImportGraph.Edge> crossingWithin(
      List<ImportGraph.Edge> crossing, List<String> apps) {
    Set<String> members = Set.copyOf(apps);
    return crossing.stream()
        .filter(e -> members.contains(appOf(e.from())) && members.contains(appOf(e.to())))
        .toList();
  }

  private RawFinding finding(List<String> cycle, List<ImportGraph.Edge> edges, String how) {
    ImportGraph.Edge first = edges.get(0);
    String evidence =
        edges.stream().map(ImportGraph.Edge::describe).collect(Collectors.joining("\n"));
    boolean pair = cycle.size() == 2;
    return RawFinding.builder(id())
        .title(
            (pair ? "Apps import each other: " : "Apps tangled in a dependency loop: ")
                + String.join(" <-> ", cycle))
        .description(
            "The apps "
                + String.join(", ", cycle)
                + " "
                + how
                + " ("
                + edges.size()
                + " crossing imports). Decide which app is lower and invert the other dependencies, for example with"
                + " a signal or a service interface in the lower app.")
        .category(Category.ARCHITECTURE)
        .severity(pair ? Severity.MEDIUM : Severity.LOW)
        .confidence(Confidence.HIGH)
        .path(first.path())
        .lines(first.lines().get(0), first.lines().get(0))
        .keyEvidence(String.join(",", cycle))
        .evidence(Evidence.Kind.TEXT, evidence)
        .defaultEffort(Effort.of(pair ? Effort.Size.M : Effort.Size.L))
        .build();
  }
}
