package dev.auditworkbench.engine.priority;

import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.queries.QueryAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What fixing a performance work item should buy, from the trace data, so the report can promise a
 * measurable outcome:
 *
 * <ul>
 *   <li>N+1: each request to the route runs {@code repeats - 1} fewer statements, saving their
 *       database time (the statement's time per request, less the one query that replaces them) and
 *       their application time (the per-statement overhead the traces show). The route's p95 drops
 *       by that, to no less than a tenth of itself.
 *   <li>Missing index: the statement's time scales with the rows it reads: from the plan's time to
 *       that time x (rows kept + 1) / (rows read + 1), shown as "under 1 ms" below that.
 *   <li>Slow statement: at most its share of all captured database time is freed.
 *   <li>Latency change: the route's p95 goes back to its level before the change.
 *   <li>A call to an outside host measured in traces: moved off the request path (a task, or
 *       on_commit), the route's p95 drops by the share of its time spent waiting on it (the item's
 *       hosts together, to no less than a tenth of itself).
 * </ul>
 */
final class ExpectedGain {
  private ExpectedGain() {}

  static Optional<String> of(List<Finding> members, QueryAnalysis.Result q) {
    if (q == null) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    nPlusOne(members, q).ifPresent(out::add);
    outbound(members, q).ifPresent(out::add);
    for (Finding f : members) {
      switch (f.ruleId()) {
        case "queries.seq-scan", "queries.filter-after-index" -> index(f, q).ifPresent(out::add);
        case "queries.slow" -> slow(f, q).ifPresent(out::add);
        case "routes.latency-change" ->
            q.routes().stream()
                .filter(r -> r.route().equals(f.location().symbol()) && r.changedOn() != null)
                .findFirst()
                .ifPresent(
                    r ->
                        out.add(
                            String.format(
                                Locale.ROOT,
                                "p95 of %s back from %s to about %s",
                                r.route(),
                                ms(r.p95After()),
                                ms(r.p95Before()))));
        default -> {}
      }
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", out));
  }

  /** The gain of taking measured outside calls off the request path, per route. */
  static Optional<String> outbound(List<Finding> members, QueryAnalysis.Result q) {
    Map<String, double[]> share = new LinkedHashMap<>();
    Map<String, List<String>> hosts = new LinkedHashMap<>();
    for (Finding f : members) {
      Optional<String[]> m = dev.auditworkbench.engine.model.OutboundFindings.measured(f);
      Optional<Double> s = dev.auditworkbench.engine.model.OutboundFindings.measuredShare(f);
      if (m.isPresent() && s.isPresent()) {
        share.computeIfAbsent(m.get()[0], k -> new double[1])[0] += s.get();
        hosts.computeIfAbsent(m.get()[0], k -> new ArrayList<>()).add(m.get()[1]);
      }
    }
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, double[]> e : share.entrySet()) {
      // Work stays behind (enqueueing a task, reading a cache): a gain of at most 90% is claimed.
      double measured = e.getValue()[0];
      double waited = Math.min(0.9, measured);
      String wait =
          measured > waited
              ? String.format(
                  Locale.ROOT, "the wait was %.0f%% of its time; counted as 90%%", 100 * measured)
              : String.format(Locale.ROOT, "the wait was %.0f%% of its time", 100 * measured);
      String calls = "the calls to " + String.join(" and ", hosts.get(e.getKey()));
      Optional<QueryAnalysis.RouteLatency> latency =
          q.routes().stream().filter(r -> r.route().equals(e.getKey())).findFirst();
      if (latency.isPresent()) {
        double p95 = latency.get().p95();
        out.add(
            String.format(
                Locale.ROOT,
                "p95 of %s from %s to about %s with %s off the request path (%s)",
                e.getKey(),
                ms(p95),
                ms(p95 * (1 - waited)),
                calls,
                wait));
      } else {
        out.add(
            String.format(
                Locale.ROOT,
                "about %.0f%% of %s's time with %s off the request path",
                100 * waited,
                e.getKey(),
                calls));
      }
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", out));
  }

  /** The N+1 gain per route: fewer statements, their database and application time. */
  static Optional<String> nPlusOne(List<Finding> members, QueryAnalysis.Result q) {
    Map<String, double[]> byRoute =
        new LinkedHashMap<>(); // route -> {statements saved, database ms saved}
    for (Finding f : members) {
      if (!f.ruleId().equals("queries.n-plus-one")) {
        continue;
      }
      Optional<String> fp = Planner.statementOf(f);
      String route = f.location().symbol();
      q.nPlusOnes().stream()
          .filter(
              n -> n.route().equals(route) && fp.isPresent() && n.fingerprint().equals(fp.get()))
          .findFirst()
          .ifPresent(
              n -> {
                double[] acc = byRoute.computeIfAbsent(route, r -> new double[2]);
                acc[0] += n.repeats() - 1;
                acc[1] += n.msPerRequest() * (n.repeats() - 1) / n.repeats();
              });
    }
    List<String> out = new ArrayList<>();
    double overhead = Double.isNaN(q.perQueryOverheadMs()) ? 0 : q.perQueryOverheadMs();
    for (Map.Entry<String, double[]> e : byRoute.entrySet()) {
      double statements = e.getValue()[0];
      double saved = e.getValue()[1] + statements * overhead;
      String how =
          String.format(
              Locale.ROOT,
              "%,.0f fewer statements per %s: %s of database time%s",
              statements,
              e.getKey().startsWith("(") ? "run" : "request",
              ms(e.getValue()[1]),
              overhead > 0
                  ? String.format(
                      Locale.ROOT,
                      " and %s at %.2f ms of application" + " time each",
                      ms(statements * overhead),
                      overhead)
                  : "");
      Optional<QueryAnalysis.RouteLatency> latency =
          q.routes().stream().filter(r -> r.route().equals(e.getKey())).findFirst();
      if (latency.isPresent()) {
        double p95 = latency.get().p95();
        double after = Math.max(p95 / 10, p95 - saved);
        out.add(
            String.format(
                Locale.ROOT,
                "p95 of %s from %s to about %s (%s)",
                e.getKey(),
                ms(p95),
                ms(after),
                how));
      } else {
        out.add(
            String.format(
                Locale.ROOT,
                "about %s less per %s (%s)",
                ms(saved),
                e.getKey().startsWith("(") ? "run" : "request to " + e.getKey(),
                how));
      }
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", out));
  }

  private static Optional<String> index(Finding f, QueryAnalysis.Result q) {
    String suggestion =
        f.evidence().stream()
            .filter(e -> e.kind() == Evidence.Kind.SQL)
            .map(Evidence::text)
            .filter(t -> t.startsWith("CREATE INDEX"))
            .findFirst()
            .orElse(null);
    return q.planIssues().stream()
        .filter(p -> p.suggestion().equals(suggestion) && p.rowsRead() > 0)
        .findFirst()
        .map(
            p -> {
              double after = p.durationMs() * (p.rowsKept() + 1) / (p.rowsRead() + 1);
              return String.format(
                  Locale.ROOT,
                  "%s from %s to %s (reads about %,d rows instead of %,d)",
                  p.example().startsWith("/*")
                      ? "the planned statement"
                      : "the statement on " + p.relation(),
                  ms(p.durationMs()),
                  after < 1 ? "under 1 ms" : "about " + ms(after),
                  p.rowsKept(),
                  p.rowsRead());
            });
  }

  private static Optional<String> slow(Finding f, QueryAnalysis.Result q) {
    String symbol = f.location().symbol();
    return q.statements().stream()
        .filter(s -> ("SQL " + s.fingerprint()).equals(symbol))
        .findFirst()
        .map(
            s ->
                String.format(
                    Locale.ROOT,
                    "up to %.0f%% of the captured database time (%s of %s)",
                    100 * s.share(),
                    ms(s.totalMs()),
                    ms(q.totalMs())));
  }

  /** "850 ms", "1.4 s", "12.5 ms", "0.3 ms". */
  static String ms(double millis) {
    if (millis >= 1000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000);
    }
    if (millis >= 100) {
      return String.format(Locale.ROOT, "%.0f ms", millis);
    }
    return String.format(Locale.ROOT, "%.1f ms", millis);
  }
}
