package dev.auditworkbench.engine.queries;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.django.RouteResolver;
import dev.auditworkbench.engine.store.QueryRepository.RepeatRow;
import dev.auditworkbench.engine.store.QueryRepository.StatsRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * N+1s in the captured traffic: one statement repeated within the requests of a route, grouped by
 * route and statement, with the model of its table and the view serving the route.
 */
final class NPlusOnes {
  private final RouteResolver resolver;
  private final Function<String, Optional<DjangoInventory.Model>> modelOf;

  NPlusOnes(RouteResolver resolver, Function<String, Optional<DjangoInventory.Model>> modelOf) {
    this.resolver = resolver;
    this.modelOf = modelOf;
  }

  List<QueryAnalysis.NPlusOne> find(
      List<RepeatRow> repeats,
      Map<Long, String> routes,
      String unrouted,
      Map<String, StatsRow> stats) {
    Map<String, List<RepeatRow>> groups = new LinkedHashMap<>();
    for (RepeatRow r : repeats) {
      if (r.example() != null
          && SqlFingerprint.isSessionControl(SqlFingerprint.normalize(r.example()))) {
        continue; // BEGIN, SET, SAVEPOINT... repeat in every unit of work by design
      }
      String route = routes.getOrDefault(r.windowId(), unrouted);
      groups.computeIfAbsent(route + "\u0000" + r.fingerprint(), k -> new ArrayList<>()).add(r);
    }
    List<QueryAnalysis.NPlusOne> out = new ArrayList<>();
    for (Map.Entry<String, List<RepeatRow>> g : groups.entrySet()) {
      String route = g.getKey().substring(0, g.getKey().indexOf('\u0000'));
      List<RepeatRow> rows = g.getValue();
      RepeatRow first = rows.get(0);
      int typical = mode(rows);
      double ms = rows.stream().mapToDouble(RepeatRow::totalMs).sum() / rows.size();
      StatsRow s = stats.get(first.fingerprint());
      String table = s == null || s.tables().isEmpty() ? null : s.tables().split(",")[0];
      String model =
          table == null
              ? null
              : modelOf.apply(table).map(DjangoInventory.Model::qualname).orElse(null);
      String path = route.contains(" ") ? route.substring(route.indexOf(' ') + 1) : route;
      Optional<RouteResolver.Match> view =
          resolver == null || route.startsWith("(")
              ? Optional.empty()
              : resolver.resolve(RouteSamples.samplePath(path));
      out.add(
          new QueryAnalysis.NPlusOne(
              route,
              first.fingerprint(),
              first.example(),
              table,
              model,
              typical,
              rows.size(),
              ms,
              view.map(RouteResolver.Match::viewPath).orElse(null),
              view.map(RouteResolver.Match::viewLine).orElse(0),
              view.map(m -> m.route().view()).orElse(null)));
    }
    out.sort(
        Comparator.comparingDouble((QueryAnalysis.NPlusOne n) -> n.msPerRequest() * n.requests())
            .reversed()
            .thenComparing(QueryAnalysis.NPlusOne::route)
            .thenComparing(QueryAnalysis.NPlusOne::fingerprint));
    return out;
  }

  private static int mode(List<RepeatRow> rows) {
    Map<Integer, Integer> counts = new TreeMap<>();
    rows.forEach(r -> counts.merge(r.count(), 1, Integer::sum));
    return counts.entrySet().stream()
        .max(
            Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey()))
        .orElseThrow()
        .getKey();
  }
}
