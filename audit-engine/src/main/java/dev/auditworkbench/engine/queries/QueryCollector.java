package dev.auditworkbench.engine.queries;

import dev.auditworkbench.engine.spi.HttpEvent;
import dev.auditworkbench.engine.spi.QueryEvent;
import dev.auditworkbench.engine.store.QueryRepository;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates one import's statements while it streams: statistics per fingerprint (in memory,
 * bounded by the number of distinct statements) and per-request windows, written as each window
 * closes. A window is a session the importer names; it closes when the importer says so, after
 * {@link #IDLE_SPLIT_MS} without a statement (a reused pid, a persistent connection serving the
 * next request) or when more than {@link #MAX_OPEN} sessions are open. Memory stays flat whatever
 * the size of the input.
 */
public final class QueryCollector {
  /** A session idle this long starts a new window. */
  public static final long IDLE_SPLIT_MS = 2000;

  /** Open sessions kept before the least recently active one is closed. */
  static final int MAX_OPEN = 5000;

  /** Repeats kept per window; N+1 thresholds below this cannot be applied later. */
  public static final int MIN_REPEAT_KEPT = 3;

  private static final int MAX_EXAMPLE = 4000;

  private final QueryRepository repo;
  private final long importId;
  private final Map<String, Stats> stats = new HashMap<>();
  private final Map<String, Plan> plans = new HashMap<>();
  private final LinkedHashMap<String, Window> open = new LinkedHashMap<>(256, 0.75f, true);
  private final Map<String, String> routes = new HashMap<>();

  /**
   * Statement texts of up to 512 characters to their normalised form, the least recently used
   * dropped beyond {@value #NORMALIZED_KEPT}: at most about 40 MB. An application's distinct texts
   * come round in cycles (a request's statements, a job's), and a cycle longer than the cache
   * misses every time with LRU: the demo's 4,414 texts did against 4,096.
   */
  private static final int NORMALIZED_KEPT = 32_768;

  private final Map<String, String> normalizedCache =
      new LinkedHashMap<>(4096, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > NORMALIZED_KEPT;
        }
      };
  private long events;

  public QueryCollector(QueryRepository repo, long importId) {
    this.repo = repo;
    this.importId = importId;
  }

  public long events() {
    return events;
  }

  public void query(QueryEvent e) throws SQLException {
    events++;
    String normalized = normalize(e.sql());
    if (normalized.isEmpty()) {
      return;
    }
    Stats s = stats.computeIfAbsent(normalized, n -> new Stats(n, example(e.sql())));
    s.calls++;
    s.totalMs += e.durationMs();
    s.maxMs = Math.max(s.maxMs, e.durationMs());
    if (e.rows() >= 0) {
      s.rows = Math.max(0, s.rows) + e.rows();
    }
    s.histogram.add(e.durationMs());
    if (s.lines.size() < Stats.LINES_KEPT && e.line() > 0) {
      s.lines.add(e.line());
    }
    if (e.session() == null || e.endMs() < 0) {
      return;
    }
    Window w = open.get(e.session());
    if (w != null && e.endMs() - (long) e.durationMs() - w.endMs > IDLE_SPLIT_MS) {
      close(e.session());
      w = null;
    }
    if (w == null) {
      w = new Window(e.session(), e.endMs() - Math.round(e.durationMs()));
      open.put(e.session(), w);
      if (open.size() > MAX_OPEN) {
        Iterator<String> eldest = open.keySet().iterator();
        close(eldest.next());
      }
    }
    w.endMs = Math.max(w.endMs, e.endMs());
    w.queries++;
    w.totalMs += e.durationMs();
    Repeat r = w.repeats.computeIfAbsent(s.fingerprint, k -> new Repeat(s.example));
    r.count++;
    r.totalMs += e.durationMs();
  }

  public void sessionRoute(String session, String route) {
    routes.put(session, route);
  }

  public void endSession(String session) throws SQLException {
    close(session);
  }

  public void plan(String sql, double durationMs, String planJson, long line) {
    events++;
    String normalized = normalize(sql);
    // A saved EXPLAIN has no statement text: such plans are told apart by their own content.
    String fp = SqlFingerprint.id(normalized.isEmpty() ? planJson : normalized);
    Plan p = plans.get(fp);
    if (p == null || durationMs > p.durationMs) {
      plans.put(fp, new Plan(fp, example(sql), durationMs, planJson, line));
    }
  }

  public void statementStats(String sql, long calls, double totalMs, double maxMs, long rows) {
    events++;
    String normalized = normalize(sql);
    Stats s = stats.computeIfAbsent(normalized, n -> new Stats(n, example(sql)));
    s.calls += calls;
    s.totalMs += totalMs;
    s.maxMs = Math.max(s.maxMs, maxMs);
    s.rows = Math.max(0, s.rows) + Math.max(0, rows);
    s.fromCounters = true;
  }

  public void request(HttpEvent e) throws SQLException {
    events++;
    repo.insertRequest(importId, e);
  }

  /** Closes every window and writes statistics and plans. */
  public void finish() throws SQLException {
    while (!open.isEmpty()) {
      close(open.keySet().iterator().next());
    }
    for (Stats s : stats.values()) {
      repo.insertStats(
          importId,
          s.fingerprint,
          s.normalized,
          s.example,
          String.join(",", SqlFingerprint.tables(s.normalized)),
          s.calls,
          s.totalMs,
          s.maxMs,
          s.rows,
          s.fromCounters ? null : s.histogram.encode(),
          String.join(",", s.lines.stream().map(String::valueOf).toList()));
    }
    for (Plan p : plans.values()) {
      repo.insertPlan(importId, p.fingerprint, p.example, p.durationMs, p.json, p.line);
    }
    repo.flush();
  }

  private void close(String session) throws SQLException {
    Window w = open.remove(session);
    if (w == null) {
      return;
    }
    long id =
        repo.insertWindow(
            importId, w.session, w.startMs, w.endMs, w.queries, w.totalMs, routes.get(session));
    for (Map.Entry<String, Repeat> r : w.repeats.entrySet()) {
      if (r.getValue().count >= MIN_REPEAT_KEPT) {
        repo.insertRepeat(
            id, r.getKey(), r.getValue().count, r.getValue().totalMs, r.getValue().example);
      }
    }
  }

  private String normalize(String sql) {
    if (sql.length() > 512) {
      return SqlFingerprint.normalize(sql);
    }
    return normalizedCache.computeIfAbsent(sql, SqlFingerprint::normalize);
  }

  /**
   * Tables whose rows are credentials (session keys, API tokens, OAuth tokens) and columns holding
   * password hashes: an example of a statement on them keeps its shape, never its values, since a
   * session key or a token in a WHERE clause would let whoever reads the report act as that user.
   */
  private static final java.util.regex.Pattern CREDENTIALS =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:django_session|authtoken_token|knox_authtoken|oauth2_provider_\\w*(?:token|grant)"
              + "|\\w*password\\w*|session_key|api_key|secret\\w*)\\b");

  private static final java.util.regex.Pattern STRING_LITERAL =
      java.util.regex.Pattern.compile("'(?:[^']|'')*'");

  /** A statement's example as shown and stored: credential values masked, length capped. */
  static String example(String sql) {
    String s = sql.strip();
    if (CREDENTIALS.matcher(s).find()) {
      s = STRING_LITERAL.matcher(s).replaceAll("'(masked)'");
      int args = s.indexOf("; args=");
      if (args >= 0) {
        s = s.substring(0, args); // Django's log repeats the values after the statement
      }
    }
    return s.length() > MAX_EXAMPLE ? s.substring(0, MAX_EXAMPLE) + " ..." : s;
  }

  private static final class Stats {
    final String normalized;
    final String fingerprint;
    final String example;
    final LatencyHistogram histogram = new LatencyHistogram();
    long calls;
    double totalMs;
    double maxMs;
    long rows = -1;
    boolean fromCounters;
    static final int LINES_KEPT = 5;
    final List<Long> lines = new ArrayList<>(LINES_KEPT);

    Stats(String normalized, String example) {
      this.normalized = normalized;
      this.fingerprint = SqlFingerprint.id(normalized);
      this.example = example;
    }
  }

  private static final class Window {
    final String session;
    final long startMs;
    long endMs;
    int queries;
    double totalMs;
    final Map<String, Repeat> repeats = new HashMap<>();

    Window(String session, long startMs) {
      this.session = session;
      this.startMs = startMs;
      this.endMs = startMs;
    }
  }

  private static final class Repeat {
    final String example;
    int count;
    double totalMs;

    Repeat(String example) {
      this.example = example;
    }
  }

  private record Plan(
      String fingerprint, String example, double durationMs, String json, long line) {}
}
