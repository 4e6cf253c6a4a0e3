package dev.auditworkbench.engine.scan;

import dev.auditworkbench.engine.graph.ImportGraph;
import dev.auditworkbench.engine.history.FileHistory;
import dev.auditworkbench.engine.history.GitHistory;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.seams.SeamMap;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ScanRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What is behind one app of the seam map: its modules, its hotspots, who changes it, and every
 * import that crosses to another cluster with the file and lines it is written on.
 *
 * @param crossing "from -> to (path:lines)" for each import leaving or entering the app's cluster
 */
public record SeamDetails(
    String app,
    int cluster,
    List<String> modules,
    List<String> hotspots,
    List<String> owners,
    List<String> crossing) {

  public static Optional<SeamDetails> of(Connection c, SeamMap map, String app)
      throws SQLException {
    ScanRepository scans = new ScanRepository(c);
    Optional<GraphFacts> graph = scans.latestFacts("graph", GraphFacts.class);
    Optional<SeamMap.App> found = map.apps().stream().filter(a -> a.name().equals(app)).findFirst();
    if (graph.isEmpty() || found.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Integer> clusterOf = map.clusterOf();
    int cluster = clusterOf.get(app);
    List<String> modules =
        graph.get().modules().stream()
            .filter(m -> map.appOfModule(m).equals(app))
            .sorted()
            .toList();
    List<String> hotspots = new ArrayList<>();
    try (FindingRepository findings = new FindingRepository(c)) {
      for (Finding f : findings.all()) {
        if (f.ruleId().equals("history.hotspot")
            && !f.gone()
            && f.location().path() != null
            && map.appOfFile(f.location().path()).equals(app)) {
          hotspots.add(f.title());
        }
      }
    }
    hotspots.sort(Comparator.naturalOrder());
    List<String> owners =
        scans
            .latestFacts("history", GitHistory.Result.class)
            .map(h -> owners(h, map, app))
            .orElse(List.of());
    List<String> crossing = new ArrayList<>();
    Set<String> mine = Set.copyOf(modules);
    for (ImportGraph.Edge e : graph.get().edges()) {
      boolean out =
          mine.contains(e.from())
              && !clusterOf.getOrDefault(map.appOfModule(e.to()), cluster).equals(cluster);
      boolean in =
          mine.contains(e.to())
              && !clusterOf.getOrDefault(map.appOfModule(e.from()), cluster).equals(cluster);
      if (out || in) {
        crossing.add(
            e.from()
                + " -> "
                + e.to()
                + " ("
                + e.path()
                + ":"
                + String.join(",", e.lines().stream().map(String::valueOf).toList())
                + ")");
      }
    }
    crossing.sort(Comparator.naturalOrder());
    return Optional.of(new SeamDetails(app, cluster, modules, hotspots, owners, crossing));
  }

  /** Authors by commits to the app's files in the history window, most first. */
  private static List<String> owners(GitHistory.Result h, SeamMap map, String app) {
    Map<String, Integer> byAuthor = new TreeMap<>();
    int total = 0;
    for (FileHistory f : h.files().values()) {
      if (map.appOfFile(f.path()).equals(app)) {
        for (Map.Entry<String, Integer> e : f.commitsByAuthor().entrySet()) {
          byAuthor.merge(e.getKey(), e.getValue(), Integer::sum);
          total += e.getValue();
        }
      }
    }
    int all = total;
    return byAuthor.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .map(
            e ->
                String.format(
                    Locale.ROOT,
                    "%s: %d file change%s (%.0f%%)",
                    e.getKey(),
                    e.getValue(),
                    e.getValue() == 1 ? "" : "s",
                    100.0 * e.getValue() / all))
        .toList();
  }
}
