package dev.auditworkbench.engine.strangler;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.graph.ImportGraph;
import dev.auditworkbench.engine.history.FileHistory;
import dev.auditworkbench.engine.history.GitHistory;
import dev.auditworkbench.engine.queries.QueryAnalysis;
import dev.auditworkbench.engine.scan.GraphFacts;
import dev.auditworkbench.engine.scan.SeamMaps;
import dev.auditworkbench.engine.seams.SeamMap;
import dev.auditworkbench.engine.spi.HttpEvent;
import dev.auditworkbench.engine.store.CoverageRepository;
import dev.auditworkbench.engine.store.ProjectRepository;
import dev.auditworkbench.engine.store.QueryRepository;
import dev.auditworkbench.engine.store.ScanRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Gathers what the strangler-fig ranking joins, from a project: the latest scan's seam map, routes
 * and import graph, the captured traffic (routes, durations, status codes, database time per route,
 * N+1 patterns, plan problems), the coverage imported and the history's commits.
 */
public final class Stranglers {
  private Stranglers() {}

  /** What one route's captured requests were: by method, status class and path. */
  public record RouteRequests(
      String route,
      long requests,
      Map<String, Long> methods,
      Map<String, Long> statuses,
      Map<String, Long> paths) {}

  /** An import that crosses a cluster's cut, where it is written. */
  public record Crossing(String from, String to, String path, List<Integer> lines, boolean out) {}

  /**
   * The candidates, best first, with what the routing rules and the replay list are made from.
   *
   * @param notCandidates the clusters set apart, with why
   * @param allRoutes every route of the inventory, for routing rules that catch only a candidate's
   *     routes
   */
  public record Analysis(
      List<StranglerCandidates.Candidate> candidates,
      List<String> notCandidates,
      long totalRequests,
      double totalDbMs,
      boolean statusKnown,
      StranglerSettings settings,
      Map<String, RouteRequests> requests,
      Map<Integer, List<Crossing>> crossings,
      List<DjangoInventory.Route> allRoutes,
      List<StranglerCandidates.RouteTraffic> routes) {
    /**
     * One app's share of the captured traffic in words ("traffic: 60 requests (33%) on 2 of its 3
     * routes, p95 96 ms, 23% of database time"), or why there is none.
     */
    public String appTraffic(String app) {
      List<StranglerCandidates.RouteTraffic> mine =
          routes.stream().filter(r -> app.equals(r.app())).toList();
      if (mine.isEmpty()) {
        return "traffic: no route's view lives in " + app;
      }
      if (totalRequests == 0) {
        return "traffic: not captured ("
            + mine.size()
            + (mine.size() == 1 ? " route)" : " routes)");
      }
      long requests = mine.stream().mapToLong(StranglerCandidates.RouteTraffic::requests).sum();
      long reached = mine.stream().filter(r -> r.requests() > 0).count();
      double db = mine.stream().mapToDouble(StranglerCandidates.RouteTraffic::dbMs).sum();
      double p95 =
          StranglerCandidates.percentile(
              mine.stream()
                  .flatMapToDouble(r -> java.util.Arrays.stream(r.durationsMs()))
                  .toArray(),
              0.95);
      return "traffic: "
          + requests
          + " requests ("
          + StranglerCandidates.percent((double) requests / totalRequests)
          + ") on "
          + reached
          + " of its "
          + mine.size()
          + (mine.size() == 1 ? " route" : " routes")
          + (Double.isNaN(p95) ? "" : String.format(java.util.Locale.ROOT, ", p95 %.0f ms", p95))
          + (totalDbMs > 0
              ? ", " + StranglerCandidates.percent(db / totalDbMs) + " of database time"
              : "");
    }

    /** The candidate of a rank (1 is the first), if there is one. */
    public Optional<StranglerCandidates.Candidate> rank(int rank) {
      return candidates.stream().filter(k -> k.rank() == rank).findFirst();
    }
  }

  /** The analysis of the project's latest scan and imports; empty before the first scan. */
  public static Optional<Analysis> of(Connection c) throws SQLException {
    return of(c, null);
  }

  /**
   * The same, with the traffic analysis a caller already ran on this connection (the report's), or
   * null to run it here.
   */
  public static Optional<Analysis> of(Connection c, QueryAnalysis.Result alreadyRun)
      throws SQLException {
    Optional<SeamMap> map = SeamMaps.ofLatestScan(c);
    return map.isEmpty() ? Optional.empty() : Optional.of(of(c, map.get(), alreadyRun));
  }

  /**
   * The analysis of a seam map the caller already drew (the report, the Seams page) and, when not
   * null, its traffic analysis.
   */
  public static Analysis of(Connection c, SeamMap seams, QueryAnalysis.Result alreadyRun)
      throws SQLException {
    ScanRepository scans = new ScanRepository(c);
    DjangoInventory inventory = scans.latestFacts("inventory", DjangoInventory.class).orElse(null);
    Map<String, String> project = new ProjectRepository(c).all();
    StranglerSettings settings = StranglerSettings.from(project);
    int threshold = QueryAnalysis.DEFAULT_N_PLUS_ONE;
    QueryAnalysis.Result traffic;
    Map<String, List<Double>> durations = new HashMap<>();
    Map<String, long[]> errors = new HashMap<>();
    Map<String, RouteRequests> byRoute = new TreeMap<>();
    long total;
    boolean statusKnown;
    try (QueryRepository repo = new QueryRepository(c)) {
      QueryAnalysis analysis = new QueryAnalysis(repo, inventory, threshold);
      traffic = alreadyRun != null ? alreadyRun : analysis.run();
      List<QueryRepository.RequestRow> rows = repo.requests();
      total = rows.size();
      statusKnown = rows.stream().anyMatch(r -> r.event().status() > 0);
      Map<String, Map<String, Long>> methods = new HashMap<>();
      Map<String, Map<String, Long>> statuses = new HashMap<>();
      Map<String, Map<String, Long>> paths = new HashMap<>();
      for (QueryRepository.RequestRow row : rows) {
        HttpEvent e = row.event();
        String route = analysis.routeOf(e);
        durations.computeIfAbsent(route, k -> new ArrayList<>()).add(e.durationMs());
        if (e.status() >= 500) {
          errors.computeIfAbsent(route, k -> new long[1])[0]++;
        }
        methods.computeIfAbsent(route, k -> new TreeMap<>()).merge(e.method(), 1L, Long::sum);
        statuses
            .computeIfAbsent(route, k -> new TreeMap<>())
            .merge(e.status() <= 0 ? "unknown" : (e.status() / 100) + "xx", 1L, Long::sum);
        paths.computeIfAbsent(route, k -> new HashMap<>()).merge(e.path(), 1L, Long::sum);
      }
      for (String route : methods.keySet()) {
        byRoute.put(
            route,
            new RouteRequests(
                route,
                durations.get(route).size(),
                methods.get(route),
                statuses.get(route),
                mostFirst(paths.get(route))));
      }
    }
    double totalDb = traffic.dbMsByRoute().values().stream().mapToDouble(Double::doubleValue).sum();

    // Every route of the inventory, with its traffic; captured routes no pattern names come after.
    List<StranglerCandidates.RouteTraffic> routes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<DjangoInventory.Route> allRoutes = new ArrayList<>();
    if (inventory != null) {
      for (DjangoInventory.Route r : inventory.routes()) {
        String route = "/" + r.pattern();
        allRoutes.add(r);
        if (seen.add(route)) {
          routes.add(
              traffic(
                  route,
                  r.view(),
                  seams.appOfModule(r.view()),
                  durations,
                  errors,
                  byRoute,
                  traffic));
        }
      }
    }
    for (String route : byRoute.keySet()) {
      if (seen.add(route)) {
        routes.add(traffic(route, null, null, durations, errors, byRoute, traffic));
      }
    }

    Map<String, StranglerCandidates.AppFacts> facts = appFacts(c, scans, seams, traffic);
    StranglerCandidates.Ranking ranking =
        StranglerCandidates.rank(seams, routes, facts, total, totalDb, statusKnown, settings);
    return new Analysis(
        ranking.candidates(),
        ranking.notCandidates(),
        total,
        totalDb,
        statusKnown,
        settings,
        byRoute,
        crossings(scans, seams),
        List.copyOf(allRoutes),
        List.copyOf(routes));
  }

  private static StranglerCandidates.RouteTraffic traffic(
      String route,
      String view,
      String app,
      Map<String, List<Double>> durations,
      Map<String, long[]> errors,
      Map<String, RouteRequests> byRoute,
      QueryAnalysis.Result traffic) {
    double[] d =
        durations.getOrDefault(route, List.of()).stream()
            .mapToDouble(Double::doubleValue)
            .toArray();
    RouteRequests r = byRoute.get(route);
    return new StranglerCandidates.RouteTraffic(
        route,
        view,
        app,
        d.length,
        StranglerCandidates.percentile(d, 0.95),
        traffic.dbMsByRoute().getOrDefault(route, 0.0),
        errors.containsKey(route) ? errors.get(route)[0] : 0,
        r == null ? List.of() : List.copyOf(r.methods().keySet()),
        d);
  }

  private static Map<String, Long> mostFirst(Map<String, Long> counts) {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** Coverage, churn, N+1 patterns and plan problems per app (the first part of a path). */
  private static Map<String, StranglerCandidates.AppFacts> appFacts(
      Connection c, ScanRepository scans, SeamMap map, QueryAnalysis.Result traffic)
      throws SQLException {
    Map<String, long[]> coverage = new HashMap<>();
    for (CoverageRepository.FileCoverage f : new CoverageRepository(c).latest()) {
      if (f.inRepo() && f.path() != null) {
        long[] sc = coverage.computeIfAbsent(map.appOfFile(f.path()), k -> new long[2]);
        sc[0] += f.statements();
        sc[1] += f.covered();
      }
    }
    Map<String, Set<String>> commits = new HashMap<>();
    Optional<GitHistory.Result> history = scans.latestFacts("history", GitHistory.Result.class);
    if (history.isPresent()) {
      for (FileHistory f : history.get().files().values()) {
        commits
            .computeIfAbsent(map.appOfFile(f.path()), k -> new HashSet<>())
            .addAll(f.commitIds() == null ? List.of() : f.commitIds());
      }
    }
    Map<String, Integer> nPlusOnes = new HashMap<>();
    for (QueryAnalysis.NPlusOne n : traffic.nPlusOnes()) {
      if (n.viewPath() != null) {
        nPlusOnes.merge(map.appOfFile(n.viewPath()), 1, Integer::sum);
      }
    }
    Map<String, Integer> plans = new HashMap<>();
    for (QueryAnalysis.PlanIssue p : traffic.planIssues()) {
      if (p.modelPath() != null) {
        plans.merge(map.appOfFile(p.modelPath()), 1, Integer::sum);
      }
    }
    Map<String, StranglerCandidates.AppFacts> out = new HashMap<>();
    for (SeamMap.App app : map.apps()) {
      String a = app.name();
      long[] sc = coverage.getOrDefault(a, new long[2]);
      out.put(
          a,
          new StranglerCandidates.AppFacts(
              a,
              sc[0],
              sc[1],
              commits.getOrDefault(a, Set.of()).size(),
              nPlusOnes.getOrDefault(a, 0),
              plans.getOrDefault(a, 0)));
    }
    return out;
  }

  /** Every import crossing each cluster's cut, leaving or entering it. */
  private static Map<Integer, List<Crossing>> crossings(ScanRepository scans, SeamMap map)
      throws SQLException {
    Map<Integer, List<Crossing>> out = new TreeMap<>();
    Optional<GraphFacts> graph = scans.latestFacts("graph", GraphFacts.class);
    if (graph.isEmpty()) {
      return out;
    }
    Map<String, Integer> clusterOf = map.clusterOf();
    for (ImportGraph.Edge e : graph.get().edges()) {
      Integer from = clusterOf.get(map.appOfModule(e.from()));
      Integer to = clusterOf.get(map.appOfModule(e.to()));
      if (from == null || to == null || from.equals(to)) {
        continue;
      }
      out.computeIfAbsent(from, k -> new ArrayList<>())
          .add(new Crossing(e.from(), e.to(), e.path(), e.lines(), true));
      out.computeIfAbsent(to, k -> new ArrayList<>())
          .add(new Crossing(e.from(), e.to(), e.path(), e.lines(), false));
    }
    out.values()
        .forEach(
            l ->
                l.sort(
                    Comparator.comparing(Crossing::from)
                        .thenComparing(Crossing::to)
                        .thenComparing(Crossing::path)));
    return out;
  }

  /** The names of the apps, sorted, as one set (for tests). */
  static Set<String> apps(StranglerCandidates.Candidate k) {
    return new TreeSet<>(k.apps());
  }
}
