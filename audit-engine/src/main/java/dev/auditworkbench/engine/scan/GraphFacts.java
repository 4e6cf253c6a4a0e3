package dev.auditworkbench.engine.scan;

import dev.auditworkbench.engine.graph.ImportGraph;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The import graph as stored with a scan. */
public record GraphFacts(
    List<String> modules,
    List<ImportGraph.Edge> edges,
    Map<String, Set<String>> thirdParty,
    List<List<String>> cycles) {
  static GraphFacts of(ImportGraph g) {
    return new GraphFacts(g.modules(), g.edges(), g.thirdParty(), g.cycles());
  }
}
