package dev.auditworkbench.engine.graph;

import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.repo.ModuleNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.AttributeType;

/**
 * Which in-repo module imports which, with the lines of every import; imports leaving the repo
 * grouped by top-level package (standard library apart). Cycles are the strongly connected
 * components with more than one module.
 */
public final class ImportGraph {
  /** One module importing another, at these lines of {@code path}. */
  /**
   * An import of {@code to} by {@code from}, at these lines. {@code deferred}: every one of them is
   * made inside a function (at call time), so it couples the modules but closes no import cycle.
   */
  public record Edge(String from, String to, String path, List<Integer> lines, boolean deferred) {
    public Edge(String from, String to, String path, List<Integer> lines) {
      this(from, to, path, lines, false);
    }

    /** "a.views -> b.models (a/views.py:3,7)": the import as findings quote it. */
    public String describe() {
      return from
          + " -> "
          + to
          + "  ("
          + path
          + ":"
          + lines.stream().map(String::valueOf).collect(Collectors.joining(","))
          + ")";
    }
  }

  private static final Set<String> STDLIB = loadStdlib();

  private final List<String> modules;
  private final List<Edge> edges;
  private final Map<String, Set<String>> thirdParty;

  private ImportGraph(List<String> modules, List<Edge> edges, Map<String, Set<String>> thirdParty) {
    this.modules = modules;
    this.edges = edges;
    this.thirdParty = thirdParty;
  }

  /** A graph as stored with a scan. */
  public static ImportGraph of(
      List<String> modules, List<Edge> edges, Map<String, Set<String>> thirdParty) {
    return new ImportGraph(List.copyOf(modules), List.copyOf(edges), thirdParty);
  }

  public static ImportGraph build(List<ModuleFacts> facts, ModuleNames names) {
    Map<String, Map<String, TreeSet<Integer>>> lines = new TreeMap<>();
    Set<String> moduleLevel = new HashSet<>();
    Map<String, String> paths = new TreeMap<>();
    Map<String, Set<String>> thirdParty = new TreeMap<>();
    List<String> modules = new ArrayList<>();
    for (ModuleFacts m : facts) {
      if (m.module() == null) {
        continue;
      }
      modules.add(m.module());
      paths.put(m.module(), m.path());
      for (ModuleFacts.ImportRef ref : m.imports()) {
        String target = names.resolve(m.module(), ref);
        if (target != null) {
          if (!target.equals(m.module())) {
            lines
                .computeIfAbsent(m.module(), k -> new TreeMap<>())
                .computeIfAbsent(target, k -> new TreeSet<>())
                .add(ref.line());
            if (!ref.deferred()) {
              moduleLevel.add(m.module() + " " + target);
            }
          }
        } else if (ref.level() == 0 && !ref.module().isEmpty()) {
          String top = ModuleNames.topLevel(ref.module());
          if (!STDLIB.contains(top) && !names.exists(top) && !names.isPackage(top)) {
            thirdParty.computeIfAbsent(top, k -> new TreeSet<>()).add(m.module());
          }
        }
      }
    }
    List<Edge> edges = new ArrayList<>();
    lines.forEach(
        (from, targets) ->
            targets.forEach(
                (to, ls) ->
                    edges.add(
                        new Edge(
                            from,
                            to,
                            paths.get(from),
                            List.copyOf(ls),
                            !moduleLevel.contains(from + " " + to)))));
    modules.sort(null);
    return new ImportGraph(List.copyOf(modules), List.copyOf(edges), thirdParty);
  }

  private static Set<String> loadStdlib() {
    try (InputStream in = ImportGraph.class.getResourceAsStream("python-stdlib.txt")) {
      return Set.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\s+"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<String> modules() {
    return modules;
  }

  public List<Edge> edges() {
    return edges;
  }

  /** Third-party top-level packages and the in-repo modules importing them. */
  public Map<String, Set<String>> thirdParty() {
    return thirdParty;
  }

  public Graph<String, DefaultEdge> toJGraphT() {
    Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
    modules.forEach(g::addVertex);
    for (Edge e : edges) {
      g.addVertex(e.from());
      g.addVertex(e.to());
      g.addEdge(e.from(), e.to());
    }
    return g;
  }

  /** Import cycles: each a sorted list of modules; sorted by their first module. */
  /**
   * Import-time cycles: strongly connected modules over module-level imports (deferred ones close
   * none).
   */
  public List<List<String>> cycles() {
    List<List<String>> out = new ArrayList<>();
    Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
    modules.forEach(g::addVertex);
    for (Edge e : edges) {
      if (!e.deferred()) {
        g.addVertex(e.from());
        g.addVertex(e.to());
        g.addEdge(e.from(), e.to());
      }
    }
    for (Set<String> scc : new KosarajuStrongConnectivityInspector<>(g).stronglyConnectedSets()) {
      if (scc.size() > 1) {
        out.add(List.copyOf(new TreeSet<>(scc)));
      }
    }
    out.sort(Comparator.comparing(c -> c.get(0)));
    return out;
  }

  /** The edges among the modules of one cycle. */
  public List<Edge> edgesWithin(List<String> cycle) {
    Set<String> members = new HashSet<>(cycle);
    return edges.stream()
        .filter(e -> !e.deferred() && members.contains(e.from()) && members.contains(e.to()))
        .toList();
  }

  /** Graphviz DOT: one box per module, one arrow per import with its count of lines. */
  public String toDot() {
    Graph<String, Integer> g = exportGraph();
    return GraphExport.dot(
        g,
        "imports",
        m -> m,
        Map.of("rankdir", "LR"),
        m -> Map.of("shape", "box", "fontname", "sans-serif"),
        i -> Map.of("label", String.valueOf(edges.get(i).lines().size())));
  }

  /** GraphML: modules, and imports with their lines. */
  public String toGraphMl() {
    return GraphExport.graphMl(
        exportGraph(),
        m -> m,
        List.of(),
        m -> Map.of(),
        List.of(new GraphExport.Key("lines", AttributeType.STRING)),
        i -> Map.of("lines", edges.get(i).lines().toString()));
  }

  /** The modules and imports as a graph whose edges are indexes into {@code edges}. */
  private Graph<String, Integer> exportGraph() {
    Graph<String, Integer> g = new DirectedPseudograph<>(null, null, false);
    modules.forEach(g::addVertex);
    for (int i = 0; i < edges.size(); i++) {
      Edge e = edges.get(i);
      g.addVertex(e.from());
      g.addVertex(e.to());
      g.addEdge(e.from(), e.to(), i);
    }
    return g;
  }
}
