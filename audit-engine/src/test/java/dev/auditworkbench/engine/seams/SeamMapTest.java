package dev.auditworkbench.engine.seams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.graph.ImportGraph;
import dev.auditworkbench.engine.history.GitHistory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** Clusters and cut costs on generated graphs whose communities are known by construction. */
class SeamMapTest {
  private static final List<String> BILLING = List.of("invoices", "payments", "ledger", "tax");
  private static final List<String> PEOPLE = List.of("accounts", "customers", "teams", "profiles");

  /**
   * Two dense communities (every app imports every other app of its group, twice) and one bridge.
   */
  private static SeamMap twoCommunities(List<GitHistory.Coupling> couplings) {
    List<String> modules = new ArrayList<>();
    List<ImportGraph.Edge> edges = new ArrayList<>();
    for (List<String> group : List.of(BILLING, PEOPLE)) {
      for (String app : group) {
        modules.add(app + ".models");
        modules.add(app + ".views");
        edges.add(
            new ImportGraph.Edge(app + ".views", app + ".models", app + "/views.py", List.of(1)));
        for (String other : group) {
          if (app.compareTo(other) < 0) {
            edges.add(
                new ImportGraph.Edge(
                    app + ".views", other + ".models", app + "/views.py", List.of(2, 3)));
          }
        }
      }
    }
    edges.add(
        new ImportGraph.Edge(
            "invoices.models", "customers.models", "invoices/models.py", List.of(5)));
    return SeamMap.build(modules, edges, couplings, Set.of("invoices/models.py"));
  }

  @Test
  void findsTheTwoCommunitiesAndTheCheapCutBetweenThem() {
    SeamMap map = twoCommunities(List.of());
    assertEquals(
        Set.of(Set.copyOf(BILLING), Set.copyOf(PEOPLE)),
        Set.copyOf(map.clusters().stream().map(Set::copyOf).toList()));
    assertEquals(1, map.cuts().size());
    SeamMap.Cut cut = map.cuts().get(0);
    assertEquals(1, cut.imports(), "one import statement crosses");
    assertEquals(1, cut.links());
    SeamMap.App invoices = map.app("invoices");
    assertEquals(2, invoices.modules());
    assertEquals(1, invoices.internalImports());
    assertTrue(invoices.hotspot());
  }

  @Test
  void coChangesAddToTheCutCostAndTheSameInputGivesTheSameMap() {
    SeamMap map =
        twoCommunities(
            List.of(new GitHistory.Coupling("tax/rules.py", "profiles/models.py", 3, 0.9)));
    assertEquals(
        Set.of(Set.copyOf(BILLING), Set.copyOf(PEOPLE)),
        Set.copyOf(map.clusters().stream().map(Set::copyOf).toList()));
    assertEquals(3, map.cuts().get(0).coChanges());
    assertEquals(2, map.cuts().get(0).links(), "the co-change is a second link across the seam");
    assertEquals(
        map.toDot(),
        twoCommunities(
                List.of(new GitHistory.Coupling("tax/rules.py", "profiles/models.py", 3, 0.9)))
            .toDot());
  }

  @Test
  void strongCoChangesPullAnAppIntoTheCommunityItChangesWith() {
    // tax: 6 import statements to billing apps + 1 inside, against 10 commits shared with profiles
    SeamMap map =
        twoCommunities(
            List.of(new GitHistory.Coupling("tax/rules.py", "profiles/models.py", 10, 0.9)));
    assertEquals(map.clusterOf().get("profiles"), map.clusterOf().get("tax"));
  }

  @Test
  void anAppImportedByMostOthersIsASharedKernelOfItsOwn() {
    List<String> modules = List.of("core.models", "a.x", "b.x", "c.x", "d.x");
    List<ImportGraph.Edge> edges =
        List.of("a", "b", "c", "d").stream()
            .map(app -> new ImportGraph.Edge(app + ".x", "core.models", app + "/x.py", List.of(1)))
            .toList();
    SeamMap map = SeamMap.build(modules, edges, List.of(), Set.of());
    assertTrue(map.clusters().contains(Set.of("core")), map.clusters().toString());
  }

  @Test
  void mutualImportsAreDrawnAsCyclesAndTheSvgIsWellFormed() throws Exception {
    List<ImportGraph.Edge> edges =
        List.of(
            new ImportGraph.Edge("a.x", "b.y", "a/x.py", List.of(1)),
            new ImportGraph.Edge("b.y", "a.x", "b/y.py", List.of(4)));
    SeamMap map = SeamMap.build(List.of("a.x", "b.y", "c.z"), edges, List.of(), Set.of());
    SeamMap.Link link = map.links().get(0);
    assertTrue(link.aImportsB() && link.bImportsA());
    assertEquals(2, link.imports());
    assertTrue(
        map.toDot()
            .contains(
                "\"a\" -> \"b\" [label=\"2 imports, 0 co-changes\", penwidth=2.1, dir=both, color=red]"),
        map.toDot());
    String svg = SeamSvg.render(map);
    DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertEquals(3, svg.split("<g class=\"app\"", -1).length - 1);
    assertTrue(svg.contains("stroke=\"#d62728\""), "the cycle is red");
  }

  @Test
  void eachClusterIsDrawnAsAGroupOfItsOwnAndNothingOverlaps() {
    SeamMap map = twoCommunities(List.of());
    SeamLayout layout = SeamLayout.of(map);
    var at = layout.positions();
    for (SeamMap.App app : map.apps()) {
      double[] p = at.get(app.name());
      double[] own = layout.clusterCentres().get(app.name());
      // Nearer its own cluster's centre than any other cluster's.
      for (SeamMap.App other : map.apps()) {
        double[] c = layout.clusterCentres().get(other.name());
        if (other.cluster() != app.cluster()) {
          assertTrue(
              Math.hypot(p[0] - own[0], p[1] - own[1]) < Math.hypot(p[0] - c[0], p[1] - c[1]),
              app.name() + " sits with its cluster");
        }
        if (other != app) {
          double[] q = at.get(other.name());
          assertTrue(
              Math.hypot(p[0] - q[0], p[1] - q[1])
                  > SeamLayout.radius(app) + SeamLayout.radius(other),
              app.name() + " and " + other.name() + " overlap");
        }
      }
      double r = SeamLayout.radius(app);
      assertTrue(
          p[0] - r > 0 && p[1] - r > 0 && p[0] + r < layout.size() && p[1] + r < layout.size());
    }
    // Labels point away from their cluster's middle.
    for (String app : at.keySet()) {
      double[] p = at.get(app);
      double[] c = layout.clusterCentres().get(app);
      if (Math.abs(p[0] - c[0]) > 1) {
        assertEquals(p[0] > c[0], layout.labelOnRight(app), app);
      }
    }
  }
}
