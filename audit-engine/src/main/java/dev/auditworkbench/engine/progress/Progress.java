package dev.auditworkbench.engine.progress;

import dev.auditworkbench.engine.deps.Requirement;
import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.model.Round;
import dev.auditworkbench.engine.queries.QueryAnalysis;
import dev.auditworkbench.engine.store.QueryRepository;
import dev.auditworkbench.engine.store.RoundRepository;
import dev.auditworkbench.engine.store.ScanRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Two rounds of an engagement side by side: the findings fixed, new and still open; each route's
 * p50 and p95 before and after; the N+1 patterns gone; the statements that got faster or slower;
 * the dependencies upgraded.
 *
 * <p>A finding is present at the end of a round when one of its tools reported it in an import up
 * to the round's last one and did not, in a later import up to there, stop reporting it. Dismissed
 * and informational findings are left out, and so are untriaged low-confidence places, as the
 * report counts ({@link dev.auditworkbench.engine.model.Finding#counted()}). A finding whose tools
 * were not run again in the later round stays open and is counted as "not re-checked". Latency is
 * compared per route only where both rounds captured at least {@value #MIN_REQUESTS} requests of
 * it; statements where both ran one at least {@value #MIN_CALLS} times and its mean time changed by
 * {@value #MIN_CHANGE_PERCENT}% or more.
 */
public final class Progress {
  public static final int MIN_REQUESTS = 20;
  public static final int MIN_CALLS = 5;
  public static final int MIN_CHANGE_PERCENT = 20;

  private Progress() {}

  /** One finding's fate between the rounds. */
  public record FindingChange(
      long id, String title, String severity, String category, String tools) {}

  /** Counts by severity and category, and the findings themselves. */
  public record Findings(
      List<FindingChange> fixed,
      List<FindingChange> added,
      List<FindingChange> open,
      List<String> notRechecked) {
    /** Severity (in the usual order) to {fixed, new, open}. */
    public Map<String, int[]> bySeverity() {
      Map<String, int[]> out = new LinkedHashMap<>();
      for (String s : List.of("CRITICAL", "HIGH", "MEDIUM", "LOW")) {
        out.put(s, new int[3]);
      }
      count(out, fixed, 0, FindingChange::severity);
      count(out, added, 1, FindingChange::severity);
      count(out, open, 2, FindingChange::severity);
      return out;
    }

    /** Category to {fixed, new, open}. */
    public Map<String, int[]> byCategory() {
      Map<String, int[]> out = new TreeMap<>();
      count(out, fixed, 0, FindingChange::category);
      count(out, added, 1, FindingChange::category);
      count(out, open, 2, FindingChange::category);
      return out;
    }

    private static void count(
        Map<String, int[]> out,
        List<FindingChange> list,
        int column,
        java.util.function.Function<FindingChange, String> key) {
      list.forEach(f -> out.computeIfAbsent(key.apply(f), k -> new int[3])[column]++);
    }
  }

  /**
   * A route's latency in both rounds; {@code enough} is false when either round captured fewer than
   * {@link #MIN_REQUESTS} of its requests (the figures are shown, not compared).
   */
  public record RouteChange(
      String route,
      long requestsBefore,
      double p50Before,
      double p95Before,
      long requestsAfter,
      double p50After,
      double p95After,
      boolean enough) {
    /** The p95's change in percent (negative: faster); NaN when not compared. */
    public double p95ChangePercent() {
      return enough && p95Before > 0 ? 100 * (p95After - p95Before) / p95Before : Double.NaN;
    }
  }

  /** An N+1 pattern of the earlier round and what became of it. */
  public record NPlusOneChange(
      String route, String table, int repeatsBefore, int repeatsAfter, boolean measuredAfter) {
    public boolean gone() {
      return measuredAfter && repeatsAfter == 0;
    }
  }

  /** A statement whose mean time changed by {@link #MIN_CHANGE_PERCENT}% or more. */
  public record StatementChange(
      String fingerprint,
      String example,
      long callsBefore,
      double meanBefore,
      long callsAfter,
      double meanAfter) {
    public double changePercent() {
      return meanBefore > 0 ? 100 * (meanAfter - meanBefore) / meanBefore : Double.NaN;
    }
  }

  /** A dependency whose pinned version differs between the rounds' last scans. */
  public record DependencyChange(String name, String before, String after) {}

  /** Everything compared. */
  public record Comparison(
      Round from,
      Round to,
      Findings findings,
      List<RouteChange> routes,
      List<NPlusOneChange> nPlusOnes,
      List<StatementChange> statements,
      List<DependencyChange> dependencies,
      boolean trafficBefore,
      boolean trafficAfter,
      int minRequests) {}

  /** The rounds of a project, the baseline first. */
  public static List<Round> rounds(Connection c) throws SQLException {
    return new RoundRepository(c).all();
  }

  /**
   * Compares two rounds (by number or name); null {@code from} is the baseline, null {@code to} the
   * last round.
   *
   * @throws IllegalArgumentException naming a round that does not exist
   */
  public static Comparison compare(Connection c, String from, String to) throws SQLException {
    return compare(c, from, to, MIN_REQUESTS);
  }

  /** The same, comparing routes with at least {@code minRequests} requests in both rounds. */
  public static Comparison compare(Connection c, String from, String to, int minRequests)
      throws SQLException {
    if (minRequests < 1) {
      throw new IllegalArgumentException("the least requests to compare a route is 1");
    }
    RoundRepository repo = new RoundRepository(c);
    List<Round> all = repo.all();
    Round a = from == null ? all.get(0) : find(repo, from, all);
    Round b = to == null ? all.get(all.size() - 1) : find(repo, to, all);
    return compare(c, a, b, minRequests);
  }

  private static Round find(RoundRepository repo, String key, List<Round> all) throws SQLException {
    return repo.find(key)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no round '"
                        + key
                        + "'; the rounds are "
                        + String.join(
                            ", ", all.stream().map(r -> r.number() + " " + r.name()).toList())));
  }

  public static Comparison compare(Connection c, Round from, Round to, int minRequests)
      throws SQLException {
    Findings findings = findings(c, from, to);
    DjangoInventory inventory =
        new ScanRepository(c).latestFacts("inventory", DjangoInventory.class).orElse(null);
    QueryAnalysis.Result before;
    QueryAnalysis.Result after;
    try (QueryRepository q = new QueryRepository(c)) {
      before = new QueryAnalysis(q, inventory, QueryAnalysis.DEFAULT_N_PLUS_ONE, from::holds).run();
      after = new QueryAnalysis(q, inventory, QueryAnalysis.DEFAULT_N_PLUS_ONE, to::holds).run();
    }
    return new Comparison(
        from,
        to,
        findings,
        routes(before, after, minRequests),
        nPlusOnes(before, after),
        statements(before, after),
        dependencies(c, from, to),
        !before.routes().isEmpty() || !before.statements().isEmpty(),
        !after.routes().isEmpty() || !after.statements().isEmpty(),
        minRequests);
  }

  private static Findings findings(Connection c, Round from, Round to) throws SQLException {
    // Per finding: present at the end of each round through any of its tools.
    Map<Long, boolean[]> present = new LinkedHashMap<>();
    Map<Long, FindingChange> info = new HashMap<>();
    Map<Long, Set<String>> tools = new HashMap<>();
    try (var ps =
            c.prepareStatement(
                "SELECT f.id, f.title, f.severity, f.category, s.tool, s.first_import_id,"
                    + " s.gone_since_import FROM findings f JOIN finding_sources s ON s.finding_id"
                    + " = f.id WHERE f.status <> 'DISMISSED' AND f.severity <> 'INFO'"
                    // as the report counts: an untriaged low-confidence place is not a finding yet
                    + " AND NOT (f.confidence = 'LOW' AND f.status = 'INBOX')"
                    + " ORDER BY f.id");
        var rs = ps.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong(1);
        long first = rs.getLong(6);
        long gone = rs.getObject(7) == null ? Long.MAX_VALUE : rs.getLong(7);
        boolean[] p = present.computeIfAbsent(id, k -> new boolean[2]);
        p[0] |= first <= from.lastImportId() && gone > from.lastImportId();
        p[1] |= first <= to.lastImportId() && gone > to.lastImportId();
        tools.computeIfAbsent(id, k -> new TreeSet<>()).add(rs.getString(5));
        info.putIfAbsent(
            id, new FindingChange(id, rs.getString(2), rs.getString(3), rs.getString(4), ""));
      }
    }
    Set<String> toolsRunInTo = new TreeSet<>();
    try (var ps = c.prepareStatement("SELECT id, tool FROM imports");
        var rs = ps.executeQuery()) {
      while (rs.next()) {
        if (to.holds(rs.getLong(1))) {
          toolsRunInTo.add(rs.getString(2));
        }
      }
    }
    List<FindingChange> fixed = new ArrayList<>();
    List<FindingChange> added = new ArrayList<>();
    List<FindingChange> open = new ArrayList<>();
    Set<String> notRechecked = new TreeSet<>();
    for (var e : present.entrySet()) {
      FindingChange base = info.get(e.getKey());
      FindingChange f =
          new FindingChange(
              base.id(),
              base.title(),
              base.severity(),
              base.category(),
              String.join(", ", tools.get(e.getKey())));
      boolean[] p = e.getValue();
      if (p[0] && !p[1]) {
        fixed.add(f);
      } else if (!p[0] && p[1]) {
        added.add(f);
      } else if (p[0]) {
        open.add(f);
        if (from.number() != to.number()) {
          for (String t : tools.get(e.getKey())) {
            if (!toolsRunInTo.contains(t)) {
              notRechecked.add(t);
            }
          }
        }
      }
    }
    return new Findings(
        List.copyOf(fixed), List.copyOf(added), List.copyOf(open), List.copyOf(notRechecked));
  }

  static List<RouteChange> routes(
      QueryAnalysis.Result before, QueryAnalysis.Result after, int minRequests) {
    Map<String, QueryAnalysis.RouteLatency> a = new TreeMap<>();
    before.routes().forEach(r -> a.put(r.route(), r));
    Map<String, QueryAnalysis.RouteLatency> b = new TreeMap<>();
    after.routes().forEach(r -> b.put(r.route(), r));
    Set<String> routes = new TreeSet<>(a.keySet());
    routes.addAll(b.keySet());
    List<RouteChange> out = new ArrayList<>();
    for (String route : routes) {
      QueryAnalysis.RouteLatency x = a.get(route);
      QueryAnalysis.RouteLatency y = b.get(route);
      long n0 = x == null ? 0 : x.requests();
      long n1 = y == null ? 0 : y.requests();
      out.add(
          new RouteChange(
              route,
              n0,
              x == null ? Double.NaN : x.p50(),
              x == null ? Double.NaN : x.p95(),
              n1,
              y == null ? Double.NaN : y.p50(),
              y == null ? Double.NaN : y.p95(),
              n0 >= minRequests && n1 >= minRequests));
    }
    out.sort(
        Comparator.comparing((RouteChange r) -> !r.enough())
            .thenComparingLong(r -> -(r.requestsBefore() + r.requestsAfter()))
            .thenComparing(RouteChange::route));
    return List.copyOf(out);
  }

  static List<NPlusOneChange> nPlusOnes(QueryAnalysis.Result before, QueryAnalysis.Result after) {
    // An N+1 is measured only where the later round's query logs or traces hold request windows
    // of its route: an access log alone shows no statements.
    Set<String> measured = new TreeSet<>(after.dbMsByRoute().keySet());
    Map<String, Integer> afterRepeats = new HashMap<>();
    for (QueryAnalysis.NPlusOne n : after.nPlusOnes()) {
      afterRepeats.merge(key(n), n.repeats(), Math::max);
      measured.add(routeOnly(n.route()));
    }
    List<NPlusOneChange> out = new ArrayList<>();
    for (QueryAnalysis.NPlusOne n : before.nPlusOnes()) {
      out.add(
          new NPlusOneChange(
              n.route(),
              n.table(),
              n.repeats(),
              afterRepeats.getOrDefault(key(n), 0),
              measured.contains(routeOnly(n.route()))));
    }
    return List.copyOf(out);
  }

  private static String key(QueryAnalysis.NPlusOne n) {
    return n.route() + "\u0000" + n.fingerprint();
  }

  /** "/invoices/" of "GET /invoices/". */
  private static String routeOnly(String route) {
    int space = route.indexOf(' ');
    return space > 0 && route.startsWith("/", space + 1) ? route.substring(space + 1) : route;
  }

  static List<StatementChange> statements(QueryAnalysis.Result before, QueryAnalysis.Result after) {
    Map<String, QueryAnalysis.Statement> a = new HashMap<>();
    before.statements().forEach(s -> a.put(s.fingerprint(), s));
    List<StatementChange> out = new ArrayList<>();
    for (QueryAnalysis.Statement y : after.statements()) {
      QueryAnalysis.Statement x = a.get(y.fingerprint());
      if (x == null || x.calls() < MIN_CALLS || y.calls() < MIN_CALLS || x.meanMs() <= 0) {
        continue;
      }
      double change = 100 * (y.meanMs() - x.meanMs()) / x.meanMs();
      if (Math.abs(change) >= MIN_CHANGE_PERCENT) {
        out.add(
            new StatementChange(
                y.fingerprint(), y.example(), x.calls(), x.meanMs(), y.calls(), y.meanMs()));
      }
    }
    out.sort(Comparator.comparingDouble(StatementChange::changePercent));
    return List.copyOf(out);
  }

  private static List<DependencyChange> dependencies(Connection c, Round from, Round to)
      throws SQLException {
    ScanRepository scans = new ScanRepository(c);
    Optional<Requirement[]> a =
        scans.factsUpTo("dependencies", from.lastImportId(), Requirement[].class);
    Optional<Requirement[]> b =
        scans.factsUpTo("dependencies", to.lastImportId(), Requirement[].class);
    if (a.isEmpty() || b.isEmpty()) {
      return List.of();
    }
    Map<String, String> before = pins(a.get());
    Map<String, String> after = pins(b.get());
    List<DependencyChange> out = new ArrayList<>();
    Set<String> names = new TreeSet<>(before.keySet());
    names.addAll(after.keySet());
    for (String n : names) {
      String x = before.get(n);
      String y = after.get(n);
      if (x == null ? y != null : !x.equals(y)) {
        out.add(new DependencyChange(n, x, y));
      }
    }
    return List.copyOf(out);
  }

  private static Map<String, String> pins(Requirement[] all) {
    Map<String, String> out = new TreeMap<>();
    for (Requirement r : all) {
      if (r.pinned() != null) {
        out.putIfAbsent(Requirement.canonical(r.name()), r.pinned());
      }
    }
    return out;
  }
}
