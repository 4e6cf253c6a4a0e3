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
 * Django apps (the inventory's local apps, else top-level packages: {@link AppUnits}) that depend
 * on each other in a loop, even when no single module cycle exists: payments.signals imports
 * ledger.services, which imports payments.models. Apps in a loop cannot be extracted, owned or
 * migrated apart; a healthy monolith's apps form a layering. False positives: imports made only for
 * type hints.
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

  @Override
  public void check(RepoAnalysis a, Consumer<RawFinding> out) {
    AppUnits units = AppUnits.of(a.inventory());
    java.util.function.Function<String, String> appOf = units::ofModule;
    Graph<String, DefaultEdge> apps = new DefaultDirectedGraph<>(DefaultEdge.class);
    List<ImportGraph.Edge> crossing = new ArrayList<>();
    for (ImportGraph.Edge e : a.graph().edges()) {
      String from = appOf.apply(e.from());
      String to = appOf.apply(e.to());
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
      if (members.size() == 2) {
        out.accept(
            finding(
                members, crossingWithin(crossing, members, appOf), "import each other directly"));
        continue;
      }
      // One finding per tangle, its direct pairs named in it: on a real monolith (ralph, 40+ apps)
      // a finding per pair was dozens of findings about one knot.
      List<String> pairs =
          mutualPairs(apps, members).stream().map(p -> String.join(" <-> ", p)).toList();
      out.accept(
          finding(
              members,
              crossingWithin(crossing, members, appOf),
              "depend on each other around a loop"
                  + (pairs.isEmpty()
                      ? ""
                      : "; of them, "
                          + (pairs.size() <= 8
                              ? String.join(", ", pairs)
                              : String.join(", ", pairs.subList(0, 8))
                                  + " and "
                                  + (pairs.size() - 8)
                                  + " more pairs")
                          + " import each other directly")));
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
      List<ImportGraph.Edge> crossing,
      List<String> apps,
      java.util.function.Function<String, String> appOf) {
    Set<String> members = Set.copyOf(apps);
    return crossing.stream()
        .filter(
            e -> members.contains(appOf.apply(e.from())) && members.contains(appOf.apply(e.to())))
        .toList();
  }

  private RawFinding finding(List<String> cycle, List<ImportGraph.Edge> edges, String how) {
    ImportGraph.Edge first = edges.get(0);
    String evidence =
        edges.stream().map(ImportGraph.Edge::describe).collect(Collectors.joining("\n"));
    boolean pair = cycle.size() == 2;
    return RawFinding.builder(id())
        .title(
            pair
                ? "Apps import each other: " + String.join(" <-> ", cycle)
                : cycle.size()
                    + " apps tangled in a dependency loop: "
                    + (cycle.size() <= 5
                        ? String.join(", ", cycle)
                        : String.join(", ", cycle.subList(0, 4))
                            + " and "
                            + (cycle.size() - 4)
                            + " more"))
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
        .severity(Severity.MEDIUM)
        .confidence(Confidence.HIGH)
        .path(first.path())
        .lines(first.lines().get(0), first.lines().get(0))
        .keyEvidence(String.join(",", cycle))
        .evidence(Evidence.Kind.TEXT, evidence)
        .defaultEffort(Effort.of(pair ? Effort.Size.M : Effort.Size.L))
        .build();
  }
}
