package dev.auditworkbench.engine.queries;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.Words;
import dev.auditworkbench.engine.spi.RawFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the query analysis into findings (tool {@value #TOOL}); {@code ingest.QueryFindingsRefresh}
 * recomputes them in full after every trace or access-log import and after every scan, so a finding
 * the data no longer supports goes "not seen since". Rules and their default scores are in
 * docs/analysis.md.
 */
public final class QueryFindings {
  public static final String TOOL = "workbench-queries";

  /** A statement with at least this share of all database time is reported. */
  static final double SLOW_SHARE = 0.05;

  /**
   * A statement is slow only when it also costs something in absolute terms: at least this much
   * time in the capture, or {@link #SLOW_FLOOR_MEAN_MS} per call.
   */
  static final double SLOW_FLOOR_TOTAL_MS = 250;

  static final double SLOW_FLOOR_MEAN_MS = 100;

  /** A route with at least this share of the captured requests is hot: its N+1s weigh one more. */
  static final double HOT_ROUTE_SHARE = 0.10;

  /** Database sessions are reported when read on at least this share of requests. */
  static final double SESSION_READ_SHARE = 0.25;

  /** ... and at least this many times in the capture. */
  static final long SESSION_MIN_READS = 20;

  /** A route whose p95 is at least this is reported as slow. */
  static final double SLOW_ROUTE_P95_MS = 1000;

  private QueryFindings() {}

  /** The findings an analysis result supports. */
  public static List<RawFinding> of(QueryAnalysis.Result r, List<Finding> hints) {
    List<RawFinding> out = new ArrayList<>();
    long requests = r.routes().stream().mapToLong(QueryAnalysis.RouteLatency::requests).sum();
    for (QueryAnalysis.NPlusOne n : r.nPlusOnes()) {
      long traffic =
          r.routes().stream()
              .filter(x -> x.route().equals(n.route()))
              .mapToLong(QueryAnalysis.RouteLatency::requests)
              .sum();
      out.add(nPlusOne(n, hints, requests > 0 && traffic >= HOT_ROUTE_SHARE * requests));
    }
    int rank = 0;
    for (QueryAnalysis.Statement s : r.statements()) {
      rank++;
      if (rank > 10 || s.share() < SLOW_SHARE) {
        break;
      }
      if (s.totalMs() < SLOW_FLOOR_TOTAL_MS && s.meanMs() < SLOW_FLOOR_MEAN_MS) {
        continue; // a large share of very little: in a 37 ms capture nothing is slow
      }
      out.add(slow(s, rank, r.statementSource()));
    }
    for (QueryAnalysis.PlanIssue p : r.planIssues()) {
      out.add(plan(p));
    }
    // Without an access log or traces (a Django SQL log alone), the requests that ran SQL.
    databaseSessions(r, requests, r.windows()).ifPresent(out::add);
    for (QueryAnalysis.RouteLatency route : r.routes()) {
      if (route.changedOn() != null && route.p95After() > route.p95Before()) {
        out.add(latencyChange(route));
      } else if (route.p95() >= SLOW_ROUTE_P95_MS) {
        out.add(slowRoute(route));
      }
    }
    return out;
  }

  private static RawFinding nPlusOne(QueryAnalysis.NPlusOne n, List<Finding> hints, boolean hot) {
    String what =
        n.model() != null
            ? n.model() + " (" + n.table() + ")"
            : n.table() != null ? n.table() : "a statement";
    StringBuilder code = new StringBuilder();
    if (n.view() != null) {
      code.append("The route is served by ")
          .append(n.view())
          .append(n.viewPath() == null ? "" : " (" + n.viewPath() + ":" + n.viewLine() + ")")
          .append('.');
    }
    // The scan's hints for this view: in its template (the hint's symbol is the rendering view) or
    // its code.
    List<String> near =
        hints.stream()
            .filter(
                h ->
                    n.view() != null
                        && h.location().path() != null
                        && (n.view().equals(h.location().symbol())
                            || String.valueOf(h.location().symbol()).startsWith(n.view() + ".")))
            .map(h -> h.location().path() + ":" + h.location().startLine() + " " + h.title())
            .limit(6)
            .toList();
    if (!near.isEmpty()) {
      code.append(
              " Confirmed both ways: the traces show the repeats, and the repo scan flagged the loop: ")
          .append(String.join("; ", near))
          .append('.');
    }
    // A web request's repeats are an N+1 the traffic confirms: high. Outside requests (a worker, a
    // batch job, a benchmark loop, a shell) nobody waits on them: low. Without an access log or a
    // trace the unit cannot be told: medium at most.
    boolean outside = n.route().equals(QueryAnalysis.OUTSIDE_REQUESTS);
    boolean unnamed = n.route().startsWith("(");
    Severity severity = outside ? Severity.LOW : unnamed ? Severity.MEDIUM : Severity.HIGH;
    String title;
    if (outside) {
      title =
          String.format(
              Locale.ROOT,
              "Repeated statement outside web requests: %d x %s in one database session",
              n.repeats(),
              what);
    } else if (unnamed) {
      title =
          String.format(
              Locale.ROOT,
              "Repeated statement in one database session: %d x %s (request not known)",
              n.repeats(),
              what);
    } else {
      title =
          String.format(
              Locale.ROOT,
              "N+1 on %s%s: %d x %s per request",
              n.route(),
              near.isEmpty() ? "" : " (static + runtime)",
              n.repeats(),
              what);
    }
    String unit =
        outside
            ? " No user waits on this unit of work (a background job, a management command, a benchmark loop or a shell),"
                + " but each repeat is a round trip: batch it if the job is slow."
            : unnamed
                ? " The capture does not say which request or job this session served: import the access log or"
                    + " traces of the same period to tell a web request (an N+1 users wait on) from a long-lived worker."
                : "";
    return RawFinding.builder("queries.n-plus-one")
        .nativeRuleId("n-plus-one")
        .title(title)
        .description(
            String.format(
                        Locale.ROOT,
                        "%s ran the same statement on %s %d times (%.1f ms each time)."
                            + " Load the related rows with select_related/prefetch_related (or one aggregate query) instead of one"
                            + " query per item. %s",
                        who(n),
                        what,
                        n.repeats(),
                        n.msPerRequest(),
                        code)
                    .strip()
                + (hot ? " A hot route: 10% or more of the captured requests." : "")
                + unit)
        .category(Category.PERFORMANCE)
        .severity(severity)
        .confidence(Confidence.HIGH)
        .path(n.viewPath())
        .lines(n.viewLine(), n.viewLine())
        .symbol(n.route())
        .keyEvidence(n.route() + " " + n.fingerprint())
        .evidence(Evidence.Kind.SQL, n.example())
        .evidence(
            Evidence.Kind.TRACE,
            String.format(
                Locale.ROOT,
                "%s: %d repeats per request in %s; fingerprint %s",
                n.route(),
                n.repeats(),
                Words.count(n.requests(), "request"),
                n.fingerprint()))
        .defaultImpact(Impact.of(outside ? 2 : (n.repeats() >= 20 ? 4 : 3) + (hot ? 1 : 0)))
        .defaultEffort(Effort.of(Effort.Size.S))
        .build();
  }

  private static String who(QueryAnalysis.NPlusOne n) {
    if (n.route().equals(QueryAnalysis.OUTSIDE_REQUESTS)) {
      return String.format(
          Locale.ROOT,
          "%d database session(s) outside any captured HTTP request (a background job,"
              + " a command or a shell)",
          n.requests());
    }
    if (n.route().startsWith("(")) {
      return String.format(
          Locale.ROOT,
          "%s (import an access log or traces to name the route)",
          Words.count(n.requests(), "database session"));
    }
    return Words.count(n.requests(), "captured request") + " to " + n.route();
  }

  private static RawFinding slow(QueryAnalysis.Statement s, int rank, String source) {
    int impact = s.share() >= 0.3 ? 5 : s.share() >= 0.15 ? 4 : 3;
    String p95 =
        Double.isNaN(s.p95Ms()) ? "" : String.format(Locale.ROOT, ", p95 %.1f ms", s.p95Ms());
    return RawFinding.builder("queries.slow")
        .nativeRuleId("slow-statement")
        .title(
            String.format(
                Locale.ROOT,
                "Slow statement #%d: %.0f%% of database time on %s",
                rank,
                100 * s.share(),
                s.tables().isEmpty() ? "(no table)" : String.join(", ", s.tables())))
        .description(
            String.format(
                Locale.ROOT,
                "%,d calls, %.0f ms in total (%.0f%% of all statement time in %s),"
                    + " mean %.1f ms%s, max %.1f ms.%s",
                s.calls(),
                s.totalMs(),
                100 * s.share(),
                source,
                s.meanMs(),
                p95,
                s.maxMs(),
                s.model() == null ? "" : " Model: " + s.model() + "."))
        .category(Category.PERFORMANCE)
        .severity(impact >= 4 ? Severity.HIGH : Severity.MEDIUM)
        .confidence(Confidence.HIGH)
        .symbol("SQL " + s.fingerprint())
        .keyEvidence(s.fingerprint())
        .evidence(Evidence.Kind.SQL, s.normalized())
        .evidence(Evidence.Kind.SQL, s.example())
        .evidence(
            Evidence.Kind.TEXT,
            source.contains(" + ") && !s.lines().isEmpty()
                // figures added up from several captures; the lines are those of one import
                ? String.format(
                    Locale.ROOT,
                    "Figures from %s; first read at lines %s of import #%d%s.",
                    source,
                    s.lines().replace(",", ", "),
                    s.importId(),
                    s.calls() > 5 ? " (5 of " + s.calls() + " calls)" : "")
                : String.format(
                    Locale.ROOT,
                    "Figures from %s (import #%d)%s.",
                    source,
                    s.importId(),
                    s.lines().isEmpty()
                        ? " (cumulative statistics: no lines)"
                        : ", first read at lines "
                            + s.lines().replace(",", ", ")
                            + (s.calls() > 5 ? " (5 of " + s.calls() + " calls)" : "")))
        .defaultImpact(Impact.of(impact))
        .defaultEffort(Effort.of(Effort.Size.M))
        .build();
  }

  private static RawFinding plan(QueryAnalysis.PlanIssue p) {
    boolean index = p.kind().equals("seq-scan") || p.kind().equals("filter-after-index");
    String title =
        switch (p.kind()) {
          case "seq-scan" -> "Missing index: sequential scan of " + p.relation() + " with a filter";
          case "filter-after-index" ->
              "Missing composite index: " + p.relation() + " filtered after its index";
          case "misestimate" ->
              "Row misestimate" + (p.relation() == null ? "" : " on " + p.relation());
          default ->
              "Sort or hash spilled to disk" + (p.relation() == null ? "" : " on " + p.relation());
        };
    RawFinding.Builder b =
        RawFinding.builder("queries." + p.kind())
            .nativeRuleId(p.kind())
            .title(title)
            .description(
                p.detail()
                    + ". Suggested: "
                    + p.suggestion()
                    + (p.model() == null ? "" : " (model " + p.model() + ")")
                    + (p.model() == null && p.suggestion().strip().endsWith(";") ? "" : ".")
                    + (index
                        ? " An index speeds these reads up and adds work to every INSERT and UPDATE of the table: worth it"
                            + " where reads dominate, as the plan shows here."
                        : ""))
            .category(Category.PERFORMANCE)
            .severity(
                index && p.durationMs() >= 10
                    ? Severity.HIGH
                    : index ? Severity.MEDIUM : Severity.LOW)
            .confidence(index ? Confidence.HIGH : Confidence.MEDIUM)
            .symbol(p.relation() == null ? "plan" : p.relation())
            .keyEvidence(p.relation() + " " + p.suggestion())
            .evidence(Evidence.Kind.TEXT, p.detail())
            .evidence(
                Evidence.Kind.SQL,
                p.suggestion().startsWith("CREATE") ? p.suggestion() : p.example());
    if (p.djangoIndex() != null) {
      b.evidence(Evidence.Kind.CODE, p.djangoIndex());
    }
    b.defaultImpact(Impact.of(index ? 4 : 2)).defaultEffort(Effort.of(Effort.Size.S));
    if (p.modelPath() != null) {
      b.path(p.modelPath()).lines(p.line(), p.line());
    }
    return b.build();
  }

  /**
   * Sessions kept in the database (Django's default engine) read on most captured requests: each
   * such request waits for a django_session lookup, and every change to a session writes the row.
   * Reported when session reads are at least {@link #SESSION_READ_SHARE} of the captured requests
   * (of all statements, without requests: pg_stat_statements) and at least {@link
   * #SESSION_MIN_READS} in all. Evidence is the normalized SQL only: an example would quote a
   * session key.
   */
  static java.util.Optional<RawFinding> databaseSessions(
      QueryAnalysis.Result r, long captured, long windows) {
    boolean counted = captured > 0;
    long requests = counted ? captured : windows;
    long reads = 0;
    long writes = 0;
    long allCalls = 0;
    double ms = 0;
    List<String> statements = new ArrayList<>();
    for (QueryAnalysis.Statement s : r.statements()) {
      allCalls += s.calls();
      if (!s.tables().contains("django_session")) {
        continue;
      }
      // A load (SessionStore.load: the row's session_data, once per request that touches the
      // session) is a read; the rest (the existence check before a save, INSERT, UPDATE,
      // DELETE) comes with writes.
      if (s.normalized().regionMatches(true, 0, "SELECT", 0, 6)
          && s.normalized().contains("session_data")) {
        reads += s.calls();
      } else {
        writes += s.calls();
      }
      ms += s.totalMs();
      statements.add(s.normalized());
    }
    long base = requests > 0 ? requests : allCalls;
    if (reads < SESSION_MIN_READS || reads < SESSION_READ_SHARE * base) {
      return java.util.Optional.empty();
    }
    double dbShare = r.totalMs() > 0 ? ms / r.totalMs() : 0;
    boolean heavy = writes >= SESSION_READ_SHARE * base || dbShare >= SLOW_SHARE;
    String per =
        requests > 0
            ? String.format(
                Locale.ROOT,
                "%,d session reads and %,d writes over %s (%.0f%% of them read it)",
                reads,
                writes,
                counted
                    ? Words.count(requests, "captured request")
                    : String.format(Locale.ROOT, "%,d requests running SQL", requests),
                100.0 * Math.min(reads, requests) / requests)
            : String.format(
                Locale.ROOT,
                "%,d session reads and %,d writes, %.0f%% of all statements",
                reads,
                writes,
                100.0 * (reads + writes) / Math.max(1, allCalls));
    return java.util.Optional.of(
        RawFinding.builder("queries.db-sessions")
            .nativeRuleId("db-sessions")
            .title(
                String.format(
                    Locale.ROOT,
                    "Sessions are read from the database on %s",
                    requests > 0
                        ? String.format(
                            Locale.ROOT,
                            counted ? "%.0f%% of requests" : "%.0f%% of requests running SQL",
                            100.0 * Math.min(reads, requests) / requests)
                        : "a hot path"))
            .description(
                "Sessions live in the database (the session engine is Django's default,"
                    + " django.contrib.sessions.backends.db): "
                    + per
                    + (r.totalMs() > 0
                        ? String.format(
                            Locale.ROOT,
                            ", %.0f ms in all (%.1f%% of database time)",
                            ms,
                            100 * dbShare)
                        : "")
                    + ". Every request that touches request.session or request.user waits for a"
                    + " django_session lookup, and every change writes the row. With a shared"
                    + " cache (Redis, Memcached) set SESSION_ENGINE ="
                    + " \"django.contrib.sessions.backends.cached_db\" (reads from the cache,"
                    + " writes through) or \"...backends.cache\"; small sessions fit"
                    + " \"...backends.signed_cookies\". Run clearsessions daily so the table"
                    + " does not grow.")
            .category(Category.PERFORMANCE)
            .severity(heavy ? Severity.MEDIUM : Severity.LOW)
            .confidence(Confidence.HIGH)
            .symbol("django_session")
            .keyEvidence("django_session")
            .evidence(Evidence.Kind.SQL, String.join("\n", statements))
            .evidence(Evidence.Kind.TEXT, "Figures from " + r.statementSource() + ": " + per + ".")
            .defaultImpact(Impact.of(heavy ? 3 : 2))
            .defaultEffort(Effort.hours(2))
            .build());
  }

  private static RawFinding latencyChange(QueryAnalysis.RouteLatency r) {
    return RawFinding.builder("routes.latency-change")
        .nativeRuleId("latency-change")
        .title(
            String.format(
                Locale.ROOT,
                "%s got slower on %s: p95 %.0f ms -> %.0f ms",
                r.route(),
                r.changedOn(),
                r.p95Before(),
                r.p95After()))
        .description(
            String.format(
                Locale.ROOT,
                "Daily p95 of %s moved from about %.0f ms to about %.0f ms from %s on"
                    + " (%,d requests captured). Look at what was deployed that day.",
                r.route(),
                r.p95Before(),
                r.p95After(),
                r.changedOn(),
                r.requests()))
        .category(Category.PERFORMANCE)
        .severity(Severity.MEDIUM)
        .confidence(Confidence.MEDIUM)
        .path(r.viewPath())
        .lines(r.viewLine(), r.viewLine())
        .symbol(r.route())
        .keyEvidence(r.route() + " changed")
        .evidence(Evidence.Kind.TRACE, days(r))
        .defaultImpact(Impact.of(4))
        .defaultEffort(Effort.of(Effort.Size.M))
        .build();
  }

  private static RawFinding slowRoute(QueryAnalysis.RouteLatency r) {
    return RawFinding.builder("routes.slow")
        .nativeRuleId("slow-route")
        .title(String.format(Locale.ROOT, "Slow route %s: p95 %.0f ms", r.route(), r.p95()))
        .description(
            String.format(
                Locale.ROOT,
                "%s: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms over %,d requests.",
                r.route(),
                r.p50(),
                r.p95(),
                r.p99(),
                r.requests()))
        .category(Category.PERFORMANCE)
        .severity(r.p95() >= 3 * SLOW_ROUTE_P95_MS ? Severity.HIGH : Severity.MEDIUM)
        .confidence(Confidence.HIGH)
        .path(r.viewPath())
        .lines(r.viewLine(), r.viewLine())
        .symbol(r.route())
        .keyEvidence(r.route() + " slow")
        .evidence(Evidence.Kind.TRACE, days(r))
        .defaultImpact(Impact.of(r.p95() >= 3 * SLOW_ROUTE_P95_MS ? 4 : 3))
        .defaultEffort(Effort.of(Effort.Size.M))
        .build();
  }

  private static String days(QueryAnalysis.RouteLatency r) {
    StringBuilder sb = new StringBuilder("day: requests p50/p95/p99 ms\n");
    r.days()
        .forEach(
            d ->
                sb.append(
                    String.format(
                        Locale.ROOT,
                        "%s: %d %.0f/%.0f/%.0f%n",
                        d.day(),
                        d.requests(),
                        d.p50(),
                        d.p95(),
                        d.p99())));
    return sb.toString().strip();
  }
}
