package dev.auditworkbench.importers.otel;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.RawFinding;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The time a route's requests wait on outside hosts, from the HTTP client spans inside its traces:
 * per route and host the calls, their p95 and the share of the route's server time spent in them. A
 * pair under 2% of the route's time with a p95 under 20 ms is not reported.
 */
final class OutboundWaits {
  /** One client call of a trace. */
  record Call(String host, double ms) {}

  private OutboundWaits() {}

  /** The outside host of a client span, or null when it is not an HTTP call. */
  static String host(Map<String, String> attrs) {
    for (String key : List.of("server.address", "net.peer.name", "http.host")) {
      if (attrs.containsKey(key) && !attrs.get(key).isBlank()) {
        return attrs.get(key).strip();
      }
    }
    for (String key : List.of("url.full", "http.url")) {
      String url = attrs.get(key);
      if (url != null) {
        try {
          String h = URI.create(url.strip()).getHost();
          if (h != null) {
            return h;
          }
        } catch (IllegalArgumentException e) {
          // not a URL: no host
        }
      }
    }
    return null;
  }

  static void report(Collection<OtlpJsonImporter.Trace> traces, FindingSink sink) {
    Map<String, double[]> routeTime = new LinkedHashMap<>(); // route -> {server ms, requests}
    Map<String, Map<String, List<Double>>> waits = new LinkedHashMap<>(); // route -> host -> ms
    for (OtlpJsonImporter.Trace t : traces) {
      if (t.route == null || t.serverMs < 0) {
        continue;
      }
      double[] r = routeTime.computeIfAbsent(t.route, k -> new double[2]);
      r[0] += t.serverMs;
      r[1]++;
      for (Call c : t.outbound) {
        waits
            .computeIfAbsent(t.route, k -> new LinkedHashMap<>())
            .computeIfAbsent(c.host(), k -> new ArrayList<>())
            .add(c.ms());
      }
    }
    waits.forEach(
        (route, hosts) ->
            hosts.forEach(
                (host, ms) -> {
                  double total = ms.stream().mapToDouble(Double::doubleValue).sum();
                  double share = total / Math.max(1e-9, routeTime.get(route)[0]);
                  List<Double> sorted = ms.stream().sorted().toList();
                  double p95 = sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
                  if (share < 0.02 && p95 < 20) {
                    return;
                  }
                  sink.accept(
                      finding(route, host, sorted, total, share, p95, routeTime.get(route)));
                }));
  }

  private static RawFinding finding(
      String route,
      String host,
      List<Double> sorted,
      double total,
      double share,
      double p95,
      double[] routeTime) {
    long requests = (long) routeTime[1];
    String text =
        String.format(
            Locale.ROOT,
            "%s waited on %s %,d times in %,d requests: p50 %.0f ms, p95 %.0f ms, max %.0f ms;"
                + " %.0f%% of the route's time in these traces (%.0f of %.0f ms).",
            route,
            host,
            sorted.size(),
            requests,
            sorted.get((sorted.size() - 1) / 2),
            p95,
            sorted.get(sorted.size() - 1),
            100 * share,
            total,
            routeTime[0]);
    return RawFinding.builder("outbound.measured")
        .nativeRuleId("outbound.measured")
        .title(
            String.format(
                Locale.ROOT, "%s waits on %s (%.0f%% of its time)", route, host, 100 * share))
        .description(
            text
                + " Moving the call off the request path (a task, or a cached answer) takes that"
                + " share off the route's latency; if the response needs it, set a timeout and a"
                + " circuit breaker so a slow "
                + host
                + " cannot hold every worker.")
        .category(Category.PERFORMANCE)
        .severity(share >= 0.5 ? Severity.HIGH : share >= 0.2 ? Severity.MEDIUM : Severity.LOW)
        .confidence(Confidence.HIGH)
        .symbol(route)
        .keyEvidence(route + " -> " + host)
        .evidence(Evidence.Kind.TEXT, text)
        .defaultImpact(Impact.of(share >= 0.5 ? 5 : share >= 0.2 ? 4 : 2))
        .defaultEffort(Effort.hours(4))
        .build();
  }
}
