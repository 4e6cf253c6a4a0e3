package dev.auditworkbench.engine.queries;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.django.RouteResolver;
import dev.auditworkbench.engine.spi.HttpEvent;
import dev.auditworkbench.engine.store.QueryRepository;
import dev.auditworkbench.engine.store.QueryRepository.RepeatRow;
import dev.auditworkbench.engine.store.QueryRepository.Source;
import dev.auditworkbench.engine.store.QueryRepository.StatsRow;
import dev.auditworkbench.engine.store.QueryRepository.WindowRow;
import dev.auditworkbench.engine.store.ScanRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the imported traces say about the database and the web tier: statements ranked by total
 * time, N+1 patterns per route, plan problems with index suggestions, and route latency per day
 * with the day it changed level. Recomputed from the stored aggregates whenever asked; the repo
 * scan's inventory (when there is one) maps tables to models and routes to views.
 *
 * <p>Sources: one capture gives statistics and request windows, so the same traffic captured
 * several ways (stderr, csvlog and jsonlog of one server, Django's log of it) is counted once: the
 * most precise log (a server log over traces over Django's millisecond-rounded log; then the one
 * with most windows); pg_stat_statements when no log is there. Traces that name their routes are
 * preferred for windows.
 */
public final class QueryAnalysis {
  /** The route of windows when no access log or trace says which request they served. */
  public static final String NO_ROUTE =
      "(in one session; an access log or trace would name the route)";

  /** The route of windows no captured request holds: background jobs, shells, scripts. */
  public static final String OUTSIDE_REQUESTS = "(outside any captured request)";

  /**
   * Formats with request windows, least precise first: the last one present gives the statistics.
   */
  static final List<String> LOG_PRECISION =
      List.of(
          "django-sql-log", "otlp-json", "postgres-stderr", "postgres-csvlog", "postgres-jsonlog");

  /** Default: the same statement this many times in one request is an N+1. */
  public static final int DEFAULT_N_PLUS_ONE = 5;

  /** Statistics of one statement. */
  public record Statement(
      String fingerprint,
      String normalized,
      String example,
      List<String> tables,
      String model,
      long calls,
      double totalMs,
      double meanMs,
      double p95Ms,
      double maxMs,
      long rows,
      double share,
      long importId,
      String lines) {}

  /** An N+1: one statement repeated within requests of one route. */
  public record NPlusOne(
      String route,
      String fingerprint,
      String example,
      String table,
      String model,
      int repeats,
      int requests,
      double msPerRequest,
      String viewPath,
      int viewLine,
      String view) {}

  /** A problem an execution plan shows. */
  public record PlanIssue(
      String kind,
      String relation,
      String model,
      String detail,
      String suggestion,
      String modelPath,
      int line,
      double durationMs,
      String example,
      long rowsRead,
      long rowsKept,
      String djangoIndex) {}

  /** Latency of one route on one day. */
  public record RouteDay(LocalDate day, long requests, double p50, double p95, double p99) {}

  /** One route's latency, per day and overall, and the day its p95 changed level (or null). */
  public record RouteLatency(
      String route,
      long requests,
      double p50,
      double p95,
      double p99,
      List<RouteDay> days,
      LocalDate changedOn,
      double p95Before,
      double p95After,
      String viewPath,
      int viewLine) {}

  /** Everything at once. */
  /**
   * Everything at once. {@code perQueryOverheadMs} is what one statement costs the application
   * beyond the database's own time (ORM, driver, round trip), estimated from the requests matched
   * to their windows: the slope of (request time - database time) over the number of statements, by
   * least squares; NaN with fewer than 10 matched requests. {@code dbMsByRoute} is the database
   * time of the request windows matched to each route ("/invoices/<int:pk>/", as {@link
   * RouteLatency} names them), for the routes' share of the database.
   */
  public record Result(
      String statementSource,
      double totalMs,
      List<Statement> statements,
      List<NPlusOne> nPlusOnes,
      List<PlanIssue> planIssues,
      List<RouteLatency> routes,
      int windows,
      int windowsWithRoute,
      double perQueryOverheadMs,
      Map<String, Double> dbMsByRoute) {
    public Result {
      dbMsByRoute = dbMsByRoute == null ? Map.of() : Map.copyOf(dbMsByRoute);
    }

    /** The same result with only the first {@code n} statements. */
    public Result top(int n) {
      return statements.size() <= n
          ? this
          : new Result(
              statementSource,
              totalMs,
              statements.subList(0, n),
              nPlusOnes,
              planIssues,
              routes,
              windows,
              windowsWithRoute,
              perQueryOverheadMs,
              dbMsByRoute);
    }

    public Result(
        String statementSource,
        double totalMs,
        List<Statement> statements,
        List<NPlusOne> nPlusOnes,
        List<PlanIssue> planIssues,
        List<RouteLatency> routes,
        int windows,
        int windowsWithRoute,
        double perQueryOverheadMs) {
      this(
          statementSource,
          totalMs,
          statements,
          nPlusOnes,
          planIssues,
          routes,
          windows,
          windowsWithRoute,
          perQueryOverheadMs,
          Map.of());
    }
  }

  private final QueryRepository repo;
  private final DjangoInventory inventory;
  private final RouteResolver resolver;
  private final int threshold;

  public QueryAnalysis(QueryRepository repo, DjangoInventory inventory, int threshold) {
    this(repo, inventory, threshold, id -> true);
  }

  /**
   * The analysis of the imports {@code imports} accepts only (one round of an engagement: its
   * captures, not the others').
   */
  public QueryAnalysis(
      QueryRepository repo,
      DjangoInventory inventory,
      int threshold,
      java.util.function.LongPredicate imports) {
    this.repo = repo;
    this.inventory = inventory;
    this.resolver = inventory == null ? null : new RouteResolver(inventory);
    this.threshold = threshold;
    this.imports = imports;
  }

  private final java.util.function.LongPredicate imports;

  /** Analyses what a project holds, with the latest scan's inventory when there is one. */
  public static Result of(Connection c, int threshold) throws SQLException {
    DjangoInventory inventory =
        new ScanRepository(c).latestFacts("inventory", DjangoInventory.class).orElse(null);
    try (QueryRepository repo = new QueryRepository(c)) {
      return new QueryAnalysis(repo, inventory, threshold).run();
    }
  }

  public Result run() throws SQLException {
    List<Source> sources =
        repo.sources().stream().filter(src -> imports.test(src.importId())).toList();
    // Server logs time statements in microseconds; Django's log rounds to milliseconds.
    Comparator<Source> precision =
        Comparator.comparingInt((Source s) -> LOG_PRECISION.indexOf(s.format()))
            .thenComparingLong(Source::windows)
            .thenComparingLong(Source::importId);
    Map<Long, List<WindowRow>> windowsByImport = new HashMap<>();
    List<Source> logs =
        captures(
            windowsByImport,
            sources.stream()
                .filter(s -> s.windows() > 0 && LOG_PRECISION.contains(s.format()))
                .sorted(precision.reversed())
                .toList());
    Optional<Source> counters =
        sources.stream()
            .filter(s -> s.statements() > 0 && s.windows() == 0)
            .max(Comparator.comparingLong(Source::importId));
    List<Source> statSources = !logs.isEmpty() ? logs : counters.map(List::of).orElse(List.of());
    StatementStats statementStats = new StatementStats(repo, this::modelOf);
    List<StatsRow> stats = statementStats.merged(statSources);
    List<Statement> statements = statementStats.statements(stats);
    double total = statements.stream().mapToDouble(Statement::totalMs).sum();

    List<QueryRepository.RequestRow> requests =
        repo.requests().stream().filter(r -> imports.test(r.importId())).toList();
    // Traces name their routes; otherwise the logs' windows are matched to the access log.
    Optional<Source> traced =
        sources.stream()
            .filter(s -> s.windows() > 0 && "otlp-json".equals(s.format()))
            .max(Comparator.comparingLong(Source::windows));
    // ...unless the logs hold more requests: a small trace sample imported beside a day of logs
    // must not hide the logs' windows (and their N+1 patterns).
    List<Source> untraced = logs.stream().filter(s -> !"otlp-json".equals(s.format())).toList();
    long logWindows = untraced.stream().mapToLong(Source::windows).sum();
    List<Source> windowSources =
        traced.isPresent() && traced.get().windows() >= logWindows
            ? List.of(traced.get())
            : untraced;
    if (!windowSources.contains(traced.orElse(null))) {
      traced = Optional.empty();
    }
    List<NPlusOne> nPlusOnes = new ArrayList<>();
    Map<String, Double> dbMsByRoute = new HashMap<>();
    int windowCount = 0;
    int routed = 0;
    double overhead = Double.NaN;
    if (!windowSources.isEmpty()) {
      List<WindowRow> windows = new ArrayList<>();
      List<RepeatRow> repeats = new ArrayList<>();
      for (Source s : windowSources) {
        windows.addAll(windowsOf(windowsByImport, s));
        repeats.addAll(repo.repeats(s.importId(), threshold));
      }
      windows.sort(Comparator.comparingLong(WindowRow::startMs).thenComparingLong(WindowRow::id));
      Map<Long, Double> requestMs = new HashMap<>();
      Map<Long, String> routes = attributeRoutes(windows, requests, requestMs);
      overhead = perQueryOverhead(windows, requestMs);
      windowCount = windows.size();
      routed = routes.size();
      String unrouted = requests.isEmpty() ? NO_ROUTE : OUTSIDE_REQUESTS;
      for (WindowRow w : windows) {
        String r = routes.get(w.id());
        if (r != null) {
          int space = r.indexOf(' ');
          String route = space > 0 && r.startsWith("/", space + 1) ? r.substring(space + 1) : r;
          dbMsByRoute.merge(route, w.totalMs(), Double::sum);
        }
      }
      Map<String, StatsRow> byFingerprint = new HashMap<>();
      (traced.isPresent() ? statementStats.merged(windowSources) : stats)
          .forEach(r -> byFingerprint.put(r.fingerprint(), r));
      nPlusOnes =
          new NPlusOnes(resolver, this::modelOf).find(repeats, routes, unrouted, byFingerprint);
    }
    String source =
        statSources.isEmpty()
            ? null
            : String.join(" + ", statSources.stream().map(Source::fileName).toList());
    return new Result(
        source,
        total,
        statements,
        nPlusOnes,
        new PlanIssues(repo, this::modelOf).all(),
        new RouteLatencies(resolver, this::routeOf).of(requests),
        windowCount,
        routed,
        overhead,
        dbMsByRoute);
  }

  /**
   * The logs to count, most precise first: each capture of different traffic once. A log is the
   * same traffic as one already taken (the same server log imported again, as stderr, csvlog or
   * jsonlog, or Django's log of the same requests) when at least half of its time span lies in the
   * other's, it holds between half and twice as many statements there, and, for two PostgreSQL
   * logs, half of its server processes are the other's; rotated logs of other hours or days, and
   * logs of other servers, are added.
   */
  List<Source> captures(Map<Long, List<WindowRow>> windows, List<Source> byPrecision)
      throws SQLException {
    List<Source> out = new ArrayList<>();
    for (Source s : byPrecision) {
      List<WindowRow> mine = windowsOf(windows, s);
      boolean same = false;
      for (Source taken : out) {
        if (sameTraffic(mine, windows.get(taken.importId()))) {
          same = true;
          break;
        }
      }
      if (!same) {
        out.add(s);
      }
    }
    return out;
  }

  /** A source's windows, read once per analysis. */
  private List<WindowRow> windowsOf(Map<Long, List<WindowRow>> read, Source s) throws SQLException {
    List<WindowRow> w = read.get(s.importId());
    if (w == null) {
      w = repo.windows(s.importId());
      read.put(s.importId(), w);
    }
    return w;
  }

  static boolean sameTraffic(List<WindowRow> a, List<WindowRow> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    long aStart = a.stream().mapToLong(WindowRow::startMs).min().orElse(0);
    long aEnd = a.stream().mapToLong(WindowRow::endMs).max().orElse(0);
    long bStart = b.stream().mapToLong(WindowRow::startMs).min().orElse(0);
    long bEnd = b.stream().mapToLong(WindowRow::endMs).max().orElse(0);
    long from =
        Math.max(aStart, bStart) - 1000; // a second of slack: %t logs are stamped to the second
    long to = Math.min(aEnd, bEnd) + 1000;
    if (to <= from || (to - from) * 2 < (aEnd - aStart)) {
      return false;
    }
    List<WindowRow> overA =
        a.stream().filter(w -> w.startMs() >= from && w.startMs() <= to).toList();
    List<WindowRow> overB =
        b.stream().filter(w -> w.startMs() >= from && w.startMs() <= to).toList();
    long inA = overA.stream().mapToLong(WindowRow::queries).sum();
    long inB = overB.stream().mapToLong(WindowRow::queries).sum();
    if (inA == 0 || inB == 0 || inA > 2 * inB || inB > 2 * inA) {
      return false;
    }
    // Two PostgreSQL logs name their sessions by server process: the same traffic has the same
    // processes (a csvlog's session id 6b143817.7418 is process 0x7418 of a stderr log's [29720]).
    Set<String> pidsA = pids(overA);
    Set<String> pidsB = pids(overB);
    if (pidsA == null || pidsB == null) {
      return true; // Django's or a trace's windows: time and volume are all there is to compare
    }
    long shared = pidsA.stream().filter(pidsB::contains).count();
    return shared * 2 >= Math.min(pidsA.size(), pidsB.size());
  }

  /**
   * The server process ids of PostgreSQL windows, or null when the windows are not named by
   * process.
   */
  private static Set<String> pids(List<WindowRow> windows) {
    Set<String> out = new HashSet<>();
    for (WindowRow w : windows) {
      String session = w.session();
      if (session == null) {
        return null;
      }
      if (session.matches("\\d+")) {
        out.add(session);
      } else if (session.matches("[0-9a-f]+\\.[0-9a-f]+")) {
        out.add(String.valueOf(Long.parseLong(session.substring(session.indexOf('.') + 1), 16)));
      } else {
        return null;
      }
    }
    return out;
  }

  /**
   * Least-squares slope of (request ms - database ms) over statements per request; NaN when too
   * few.
   */
  static double perQueryOverhead(List<WindowRow> windows, Map<Long, Double> requestMs) {
    double n = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (WindowRow w : windows) {
      Double ms = requestMs.get(w.id());
      if (ms == null) {
        continue;
      }
      double x = w.queries();
      double y = ms - w.totalMs();
      n++;
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    double denominator = n * sxx - sx * sx;
    if (n < 10 || denominator <= 0) {
      return Double.NaN;
    }
    return Math.max(0, (n * sxy - sx * sy) / denominator);
  }

  /** Routes of windows that do not carry one, from access-log requests matched by time. */
  Map<Long, String> attributeRoutes(
      List<WindowRow> windows,
      List<QueryRepository.RequestRow> requests,
      Map<Long, Double> requestMs) {
    Map<Long, String> out = new HashMap<>();
    List<WindowRow> open = new ArrayList<>();
    for (WindowRow w : windows) {
      if (w.route() != null) {
        out.put(w.id(), windowRoute(w.route()));
      } else {
        open.add(w);
      }
    }
    // Requests that name their own route (trace server spans) have their windows already; every
    // access-log request is matched, stamped to the second or to the millisecond ($msec).
    List<HttpEvent> timed =
        requests.stream()
            .map(QueryRepository.RequestRow::event)
            .filter(e -> e.durationMs() >= 0 && e.route() == null)
            .toList();
    if (open.isEmpty() || timed.isEmpty()) {
      return out;
    }
    List<RequestMatcher.Span> spans =
        open.stream().map(w -> new RequestMatcher.Span(w.startMs(), w.endMs())).toList();
    RequestMatcher.match(spans, timed)
        .forEach(
            (wi, ri) -> {
              HttpEvent e = timed.get(ri);
              out.put(open.get(wi).id(), e.method() + " " + routeOf(e));
              requestMs.put(open.get(wi).id(), e.durationMs());
            });
    return out;
  }

  /**
   * The route a window was named with: a trace's route template as it is; a concrete request (the
   * development server's "GET /authors/3/") as the repo scan's URL pattern, else with ids as {id}.
   */
  String windowRoute(String named) {
    int space = named.indexOf(' ');
    if (space < 0 || space + 1 >= named.length() || named.charAt(space + 1) != '/') {
      return named;
    }
    String path = named.substring(space + 1);
    if (resolver != null) {
      Optional<RouteResolver.Match> m = resolver.resolve(path);
      if (m.isPresent()) {
        return named.substring(0, space) + " /" + m.get().route().pattern();
      }
    }
    return named.substring(0, space) + " " + path.replaceAll("/\\d+(?=/|$)", "/{id}");
  }

  /**
   * A request's route: the source's, else the URL pattern of the repo scan, else the path with ids
   * as {id}.
   */
  public String routeOf(HttpEvent e) {
    if (e.route() != null) {
      return e.route().startsWith("/") ? e.route() : "/" + e.route();
    }
    if (resolver != null) {
      Optional<RouteResolver.Match> m = resolver.resolve(e.path());
      if (m.isPresent()) {
        return "/" + m.get().route().pattern();
      }
    }
    return e.path().replaceAll("/\\d+(?=/|$)", "/{id}");
  }

  private Optional<DjangoInventory.Model> modelOf(String table) {
    if (inventory == null) {
      return Optional.empty();
    }
    return inventory.models().stream().filter(m -> table.equals(m.table())).findFirst();
  }
}
