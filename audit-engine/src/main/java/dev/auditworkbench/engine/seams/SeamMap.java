package dev.auditworkbench.engine.seams;

import dev.auditworkbench.engine.django.AppUnits;
import dev.auditworkbench.engine.graph.GraphExport;
import dev.auditworkbench.engine.graph.ImportGraph;
import dev.auditworkbench.engine.history.GitHistory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.Pseudograph;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.nio.AttributeType;

/**
 * Where the monolith can be cut. Modules are collapsed to their top-level package (a Django app or
 * a project package: the app boundary is the prior, an app is never split), apps are joined by the
 * number of import statements between them plus the number of commits that changed both, a shared
 * kernel imported by most apps is set apart, and weighted label propagation groups the other apps
 * into clusters. For each pair of clusters the cut cost is the imports and co-changes that cross.
 */
public final class SeamMap {
  /** One app: its modules, imports inside it, and whether it holds a hotspot. */
  public record App(String name, int modules, int internalImports, boolean hotspot, int cluster) {}

  /** Imports (statements) and co-changing commits between two apps, both directions together. */
  public record Link(
      String a, String b, int imports, int coChanges, boolean aImportsB, boolean bImportsA) {
    public int weight() {
      return imports + coChanges;
    }
  }

  /** What cutting between two clusters costs. */
  public record Cut(int clusterA, int clusterB, int imports, int coChanges, int links) {}

  private final List<App> apps;
  private final List<Link> links;
  private final List<Set<String>> clusters;
  private final List<Cut> cuts;
  private final AppUnits units;

  private SeamMap(
      List<App> apps,
      List<Link> links,
      List<Set<String>> clusters,
      List<Cut> cuts,
      AppUnits units) {
    this.apps = apps;
    this.links = links;
    this.clusters = clusters;
    this.cuts = cuts;
    this.units = units;
  }

  /** The app (node of this map) of a dotted module name. */
  public String appOfModule(String module) {
    return units.ofModule(module);
  }

  /** The app (node of this map) of a repository path. */
  public String appOfFile(String path) {
    return units.ofPath(path);
  }

  /** The folder an app's files are in ("wger/core/"). */
  public String folderOf(String app) {
    return units.folderOf(app);
  }

  public List<App> apps() {
    return apps;
  }

  public List<Link> links() {
    return links;
  }

  /** Clusters, largest first; each a sorted set of app names. */
  public List<Set<String>> clusters() {
    return clusters;
  }

  /** Cut costs for every pair of clusters joined by at least one link, cheapest first. */
  public List<Cut> cuts() {
    return cuts;
  }

  /** The top-level package of a dotted module name (the app when no inventory says better). */
  public static String appOf(String module) {
    return AppUnits.topLevel().ofModule(module);
  }

  /**
   * Builds the map from the import graph, the history's change couplings (may be empty) and the
   * paths of hotspot files (may be empty).
   */
  public static SeamMap build(
      List<String> modules,
      List<ImportGraph.Edge> edges,
      List<GitHistory.Coupling> couplings,
      Set<String> hotspotPaths) {
    return build(modules, edges, couplings, hotspotPaths, AppUnits.topLevel());
  }

  /**
   * The same, with the codebase's own apps as nodes ({@link AppUnits#of} the scan's inventory):
   * "wger.core", not the whole "wger" package.
   */
  public static SeamMap build(
      List<String> modules,
      List<ImportGraph.Edge> edges,
      List<GitHistory.Coupling> couplings,
      Set<String> hotspotPaths,
      AppUnits units) {
    java.util.function.Function<String, String> appOf = units::ofModule;
    java.util.function.Function<String, String> appOfPath = units::ofPath;
    Map<String, int[]> moduleCount = new TreeMap<>(); // app -> {modules, internal imports}
    for (String m : modules) {
      moduleCount.computeIfAbsent(appOf.apply(m), k -> new int[2])[0]++;
    }
    Map<String, int[]> pair = new TreeMap<>(); // "a\0b" (a<b) -> {imports, coChanges, a->b, b->a}
    for (ImportGraph.Edge e : edges) {
      String from = appOf.apply(e.from());
      String to = appOf.apply(e.to());
      if (!moduleCount.containsKey(from) || !moduleCount.containsKey(to)) {
        continue;
      }
      int statements = Math.max(1, e.lines().size());
      if (from.equals(to)) {
        moduleCount.get(from)[1] += statements;
        continue;
      }
      boolean forward = from.compareTo(to) < 0;
      int[] p =
          pair.computeIfAbsent(forward ? from + "\0" + to : to + "\0" + from, k -> new int[4]);
      p[0] += statements;
      p[forward ? 2 : 3] = 1;
    }
    for (GitHistory.Coupling c : couplings) {
      String a = appOfPath.apply(c.a());
      String b = appOfPath.apply(c.b());
      if (!a.equals(b) && moduleCount.containsKey(a) && moduleCount.containsKey(b)) {
        pair.computeIfAbsent(a.compareTo(b) < 0 ? a + "\0" + b : b + "\0" + a, k -> new int[4])[
                1] +=
            c.together();
      }
    }
    Graph<String, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    moduleCount.keySet().forEach(g::addVertex);
    List<Link> links = new ArrayList<>();
    pair.forEach(
        (key, p) -> {
          String[] ab = key.split("\0");
          links.add(new Link(ab[0], ab[1], p[0], p[1], p[2] == 1, p[3] == 1));
          g.setEdgeWeight(g.addEdge(ab[0], ab[1]), p[0] + p[1]);
        });
    Set<String> kernel = sharedKernel(links, moduleCount.keySet());
    List<Set<String>> clusters = communities(g, kernel, moduleCount);
    clusters.sort(
        Comparator.<Set<String>>comparingInt(Set::size)
            .reversed()
            .thenComparing(c -> c.iterator().next()));
    Map<String, Integer> clusterOf = new TreeMap<>();
    for (int i = 0; i < clusters.size(); i++) {
      for (String app : clusters.get(i)) {
        clusterOf.put(app, i);
      }
    }
    Set<String> hotApps = new TreeSet<>();
    hotspotPaths.forEach(p -> hotApps.add(appOfPath.apply(p)));
    List<App> apps = new ArrayList<>();
    moduleCount.forEach(
        (name, n) ->
            apps.add(new App(name, n[0], n[1], hotApps.contains(name), clusterOf.get(name))));
    Map<String, int[]> cutAcc = new TreeMap<>();
    for (Link l : links) {
      int ca = clusterOf.get(l.a());
      int cb = clusterOf.get(l.b());
      if (ca != cb) {
        int[] c =
            cutAcc.computeIfAbsent(Math.min(ca, cb) + "\0" + Math.max(ca, cb), k -> new int[3]);
        c[0] += l.imports();
        c[1] += l.coChanges();
        c[2]++;
      }
    }
    List<Cut> cuts = new ArrayList<>();
    cutAcc.forEach(
        (key, c) -> {
          String[] ab = key.split("\0");
          cuts.add(new Cut(Integer.parseInt(ab[0]), Integer.parseInt(ab[1]), c[0], c[1], c[2]));
        });
    cuts.sort(
        Comparator.comparingInt((Cut c) -> c.imports() + c.coChanges())
            .thenComparingInt(Cut::clusterA)
            .thenComparingInt(Cut::clusterB));
    return new SeamMap(
        List.copyOf(apps), List.copyOf(links), List.copyOf(clusters), List.copyOf(cuts), units);
  }

  /**
   * Apps imported by at least two thirds of the other apps (and at least three): a shared kernel
   * (tenancy, core models, utilities) that every cluster depends on. Left in the clustering, it
   * glues every community into one; kept apart, it becomes its own cluster, which is how a split
   * would treat it (a library every service uses).
   */
  static Set<String> sharedKernel(List<Link> links, Set<String> apps) {
    Map<String, Integer> importedBy = new TreeMap<>();
    for (Link l : links) {
      if (l.bImportsA()) {
        importedBy.merge(l.a(), 1, Integer::sum);
      }
      if (l.aImportsB()) {
        importedBy.merge(l.b(), 1, Integer::sum);
      }
    }
    Set<String> kernel = new TreeSet<>();
    importedBy.forEach(
        (app, n) -> {
          if (n >= 3 && n * 3 >= 2 * (apps.size() - 1)) {
            kernel.add(app);
          }
        });
    return kernel;
  }

  /**
   * Weighted label propagation (Raghavan, Albert and Kumara 2007, with edge weights): every app
   * starts in its own community and repeatedly joins the community its links weigh most towards,
   * its own internal imports counting for staying. Apps are visited in name order and ties keep the
   * current label, else take the smallest: no randomness, so a re-scan draws the same map.
   */
  private static List<Set<String>> communities(
      Graph<String, DefaultWeightedEdge> g, Set<String> kernel, Map<String, int[]> moduleCount) {
    Map<String, String> label = new TreeMap<>();
    g.vertexSet().stream().filter(v -> !kernel.contains(v)).forEach(v -> label.put(v, v));
    for (int round = 0; round < 100; round++) {
      boolean changed = false;
      for (String v : label.keySet()) {
        Map<String, Double> weight = new TreeMap<>();
        weight.merge(label.get(v), (double) moduleCount.get(v)[1], Double::sum);
        for (DefaultWeightedEdge e : g.edgesOf(v)) {
          String other = Graphs.getOppositeVertex(g, e, v);
          if (!kernel.contains(other)) {
            weight.merge(label.get(other), g.getEdgeWeight(e), Double::sum);
          }
        }
        double best = weight.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        String current = label.get(v);
        if (best > 0 && weight.getOrDefault(current, 0.0) < best) {
          String next =
              weight.entrySet().stream()
                  .filter(en -> en.getValue() == best)
                  .map(Map.Entry::getKey)
                  .findFirst()
                  .orElseThrow();
          label.put(v, next);
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
    Map<String, Set<String>> byLabel = new TreeMap<>();
    label.forEach((v, l) -> byLabel.computeIfAbsent(l, k -> new TreeSet<>()).add(v));
    List<Set<String>> clusters = new ArrayList<>(byLabel.values());
    if (!kernel.isEmpty()) {
      clusters.add(new TreeSet<>(kernel));
    }
    return clusters;
  }

  /** Graphviz: one subgraph per cluster, edges weighted by imports + co-changes. */
  public String toDot() {
    StringBuilder sb = new StringBuilder("digraph seams {\n  rankdir=LR;\n  node [shape=box];\n");
    for (int i = 0; i < clusters.size(); i++) {
      sb.append("  subgraph cluster_")
          .append(i)
          .append(" {\n    label=\"cluster ")
          .append(i + 1)
          .append("\";\n");
      for (String app : clusters.get(i)) {
        App a = app(app);
        sb.append("    ")
            .append(GraphExport.quoted(app))
            .append(" [label=\"")
            .append(GraphExport.escaped(app))
            .append("\\n")
            .append(a.modules())
            .append(" modules\"")
            .append(a.hotspot() ? ", color=red, penwidth=3" : "")
            .append("];\n");
      }
      sb.append("  }\n");
    }
    for (Link l : links) {
      String attrs =
          String.format(
              Locale.ROOT,
              "label=\"%d imports, %d co-changes\", penwidth=%.1f%s",
              l.imports(),
              l.coChanges(),
              1 + Math.log1p(l.weight()),
              l.aImportsB() && l.bImportsA()
                  ? ", dir=both, color=red"
                  : !l.aImportsB() && !l.bImportsA() ? ", dir=none, style=dashed" : "");
      String from = l.bImportsA() && !l.aImportsB() ? l.b() : l.a();
      String to = from.equals(l.a()) ? l.b() : l.a();
      sb.append("  ")
          .append(GraphExport.quoted(from))
          .append(" -> ")
          .append(GraphExport.quoted(to))
          .append(" [")
          .append(attrs)
          .append("];\n");
    }
    return sb.append("}\n").toString();
  }

  /** GraphML with cluster, modules and hotspot attributes on nodes and weights on edges. */
  public String toGraphMl() {
    Graph<String, Integer> g = new Pseudograph<>(null, null, false);
    apps.forEach(a -> g.addVertex(a.name()));
    for (int i = 0; i < links.size(); i++) {
      g.addEdge(links.get(i).a(), links.get(i).b(), i);
    }
    return GraphExport.graphMl(
        g,
        name -> name,
        List.of(
            new GraphExport.Key("cluster", AttributeType.INT),
            new GraphExport.Key("modules", AttributeType.INT),
            new GraphExport.Key("hotspot", AttributeType.BOOLEAN)),
        name -> {
          App a = app(name);
          return Map.of("cluster", a.cluster() + 1, "modules", a.modules(), "hotspot", a.hotspot());
        },
        List.of(
            new GraphExport.Key("imports", AttributeType.INT),
            new GraphExport.Key("coChanges", AttributeType.INT)),
        i -> Map.of("imports", links.get(i).imports(), "coChanges", links.get(i).coChanges()));
  }

  /** Every app's record, in name order. */
  public App app(String name) {
    return apps.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
  }

  /** Cluster index per app name. */
  public Map<String, Integer> clusterOf() {
    Map<String, Integer> m = new LinkedHashMap<>();
    apps.forEach(a -> m.put(a.name(), a.cluster()));
    return m;
  }
}
