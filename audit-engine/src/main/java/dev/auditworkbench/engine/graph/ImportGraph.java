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
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

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

  public String toDot() {
    StringBuilder sb =
        new StringBuilder(
            "digraph imports {\n  rankdir=LR;\n  node [shape=box, fontname=\"sans-serif\"];\n");
    for (String m : modules) {
      sb.append("  \"").append(m).append("\";\n");
    }
    for (Edge e : edges) {
      sb.append("  \"")
          .append(e.from())
          .append("\" -> \"")
          .append(e.to())
          .append("\" [label=\"")
          .append(e.lines().size())
          .append("\"];\n");
    }
    return sb.append("}\n").toString();
  }

  public String toGraphMl() {
    StringBuilder sb =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n")
            .append("  <key id=\"lines\" for=\"edge\" attr.name=\"lines\" attr.type=\"string\"/>\n")
            .append("  <graph id=\"imports\" edgedefault=\"directed\">\n");
    for (String m : modules) {
      sb.append("    <node id=\"").append(xml(m)).append("\"/>\n");
    }
    int i = 0;
    for (Edge e : edges) {
      sb.append("    <edge id=\"e")
          .append(i++)
          .append("\" source=\"")
          .append(xml(e.from()))
          .append("\" target=\"")
          .append(xml(e.to()))
          .append("\"><data key=\"lines\">")
          .append(e.lines())
          .append("</data></edge>\n");
    }
    return sb.append("  </graph>\n</graphml>\n").toString();
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
