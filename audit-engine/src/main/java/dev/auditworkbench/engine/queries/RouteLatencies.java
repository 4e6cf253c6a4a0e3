package dev.auditworkbench.engine.queries;

import dev.auditworkbench.engine.django.RouteResolver;
import dev.auditworkbench.engine.spi.HttpEvent;
import dev.auditworkbench.engine.store.QueryRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Latency per route and day from the captured requests (access logs, traces): p50/p95/p99 overall
 * and per day, the day a route's p95 changed level, and the view serving it.
 */
final class RouteLatencies {
  private final RouteResolver resolver;
  private final Function<HttpEvent, String> routeOf;

  RouteLatencies(RouteResolver resolver, Function<HttpEvent, String> routeOf) {
    this.resolver = resolver;
    this.routeOf = routeOf;
  }

  List<QueryAnalysis.RouteLatency> of(List<QueryRepository.RequestRow> requests) {
    Map<String, TreeMap<LocalDate, LatencyHistogram>> byRoute = new TreeMap<>();
    for (QueryRepository.RequestRow r : requests) {
      HttpEvent e = r.event();
      if (e.durationMs() < 0) {
        continue;
      }
      LocalDate day = Instant.ofEpochMilli(e.endMs()).atZone(ZoneOffset.UTC).toLocalDate();
      byRoute
          .computeIfAbsent(e.method() + " " + routeOf.apply(e), k -> new TreeMap<>())
          .computeIfAbsent(day, d -> new LatencyHistogram())
          .add(e.durationMs());
    }
    List<QueryAnalysis.RouteLatency> out = new ArrayList<>();
    for (Map.Entry<String, TreeMap<LocalDate, LatencyHistogram>> route : byRoute.entrySet()) {
      LatencyHistogram all = new LatencyHistogram();
      List<QueryAnalysis.RouteDay> days = new ArrayList<>();
      for (Map.Entry<LocalDate, LatencyHistogram> d : route.getValue().entrySet()) {
        all.addAll(d.getValue());
        LatencyHistogram h = d.getValue();
        days.add(
            new QueryAnalysis.RouteDay(
                d.getKey(), h.count(), h.quantile(0.5), h.quantile(0.95), h.quantile(0.99)));
      }
      ChangePoint cp = ChangePoint.of(days.stream().map(QueryAnalysis.RouteDay::p95).toList());
      String path = route.getKey().substring(route.getKey().indexOf(' ') + 1);
      Optional<RouteResolver.Match> view =
          resolver == null ? Optional.empty() : resolver.resolve(RouteSamples.samplePath(path));
      out.add(
          new QueryAnalysis.RouteLatency(
              route.getKey(),
              all.count(),
              all.quantile(0.5),
              all.quantile(0.95),
              all.quantile(0.99),
              days,
              cp == null ? null : days.get(cp.index()).day(),
              cp == null ? Double.NaN : cp.before(),
              cp == null ? Double.NaN : cp.after(),
              view.map(RouteResolver.Match::viewPath).orElse(null),
              view.map(RouteResolver.Match::viewLine).orElse(0)));
    }
    out.sort(
        Comparator.comparingDouble(QueryAnalysis.RouteLatency::p95)
            .reversed()
            .thenComparing(QueryAnalysis.RouteLatency::route));
    return out;
  }
}
