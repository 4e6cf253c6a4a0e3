package dev.auditworkbench.engine.model;

import java.util.List;
import java.util.Locale;
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

  /** The route and host of a measured wait, from its title. */
  public static Optional<String[]> measured(Finding f) {
    Matcher m = MEASURED_TITLE.matcher(f.title());
    return f.ruleId().equals(MEASURED) && m.matches()
        ? Optional.of(new String[] {m.group(1), m.group(2)})
        : Optional.empty();
  }
}
