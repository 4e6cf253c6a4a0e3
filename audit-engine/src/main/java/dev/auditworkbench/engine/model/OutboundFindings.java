package dev.auditworkbench.engine.model;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the outbound findings say what they are about, written by the scan's rule (a blocking call's
 * chain from the route, in its evidence) and by the trace importer (a route waiting on a host, in
 * its title), and read back by the import's confirmation and the Queries page: one place for the
 * wording both sides rely on.
 */
public final class OutboundFindings {
  /** A blocking call found in the code (outbound.blocking-call). */
  public static final String BLOCKING = "outbound.blocking-call";

  /** A route measured waiting on an outside host in traces (outbound.measured). */
  public static final String MEASURED = "outbound.measured";

  /** An HTTP call found in the code without a timeout (outbound.no-timeout). */
  public static final String NO_TIMEOUT = "outbound.no-timeout";

  private static final String CHAIN = "Call chain: ";
  private static final Pattern MEASURED_TITLE =
      Pattern.compile("^(.+) waits on (\\S+) \\(\\d+% of its time\\)$");

  private OutboundFindings() {}

  /** The evidence text of a blocking call: its chain from where the request enters. */
  public static String chainEvidence(List<String> chain) {
    return CHAIN + String.join(" -> ", chain);
  }

  /** A blocking call's chain from its evidence, route (or entry point) first; empty for others. */
  public static List<String> chain(Finding f) {
    return f.evidence().stream()
        .map(Evidence::text)
        .filter(t -> t.startsWith(CHAIN))
        .findFirst()
        .map(t -> List.of(t.substring(CHAIN.length()).split(" -> ")))
        .orElse(List.of());
  }

  /** The title of a measured wait: "POST /checkout/ waits on api.stripe.com (84% of its time)". */
  public static String measuredTitle(String route, String host, double share) {
    return String.format(
        Locale.ROOT, "%s waits on %s (%.0f%% of its time)", route, host, 100 * share);
  }

  /** The share of its route's time a measured wait takes (0 to 1), from its title. */
  public static Optional<Double> measuredShare(Finding f) {
    Matcher m = SHARE.matcher(f.title());
    return f.ruleId().equals(MEASURED) && m.find()
        ? Optional.of(Double.parseDouble(m.group(1)) / 100)
        : Optional.empty();
  }

  private static final Pattern SHARE = Pattern.compile("\\((\\d+)% of its time\\)$");

  private static final Pattern P95 = Pattern.compile("p95 ([0-9,]+) ms");

  /** A measured wait's p95 per call in milliseconds as its description gives it ("558"). */
  public static Optional<String> measuredP95(Finding f) {
    Matcher m = P95.matcher(f.description() == null ? "" : f.description());
    return f.ruleId().equals(MEASURED) && m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * The route path an outside-call finding is about ("/checkout/", without the method a trace
   * names): a measured wait's route, a blocking call's or missing timeout's first link when it is a
   * route; null otherwise (a call reached from middleware or a signal).
   */
  public static String routePath(Finding f) {
    Optional<String[]> m = measured(f);
    if (m.isPresent()) {
      return m.get()[0].replaceFirst("^[A-Z]+ ", "");
    }
    List<String> chain = chain(f);
    return chain.isEmpty() || !chain.get(0).startsWith("/") ? null : chain.get(0);
  }

  /**
   * Outside-call findings as the report and the Queries page list them: the routes whose waits were
   * measured first, the longest wait first; then by route; each route's measure above the calls in
   * its code.
   */
  public static List<Finding> inRouteOrder(List<Finding> outbound) {
    Map<String, Double> waited = new HashMap<>();
    for (Finding f : outbound) {
      measuredShare(f).ifPresent(s -> waited.merge(routePath(f), s, Double::sum));
    }
    Comparator<Finding> order =
        Comparator.comparing((Finding f) -> -waited.getOrDefault(routeKey(f), 0.0))
            .thenComparing(OutboundFindings::routeKey)
            .thenComparing(f -> !f.ruleId().equals(MEASURED))
            .thenComparing(OutboundFindings::target);
    return outbound.stream().sorted(order).toList();
  }

  /** The route path, else where the chain enters (a middleware, a signal receiver). */
  private static String routeKey(Finding f) {
    String path = routePath(f);
    if (path != null) {
      return path;
    }
    List<String> chain = chain(f);
    return chain.isEmpty() ? "" : chain.get(0);
  }

  /** What a finding waits on: the host a trace measured, else the last link of the chain. */
  public static String target(Finding f) {
    Optional<String[]> m = measured(f);
    if (m.isPresent()) {
      return m.get()[1];
    }
    List<String> chain = chain(f);
    return chain.isEmpty() ? "" : chain.get(chain.size() - 1);
  }

  /** The route and host of a measured wait, from its title. */
  public static Optional<String[]> measured(Finding f) {
    Matcher m = MEASURED_TITLE.matcher(f.title());
    return f.ruleId().equals(MEASURED) && m.matches()
        ? Optional.of(new String[] {m.group(1), m.group(2)})
        : Optional.empty();
  }
}
