package dev.auditworkbench.engine.strangler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Strangler-fig candidates in words: `workbench seams --candidates`, the app and the report. */
public final class StranglerText {
  private StranglerText() {}

  /** "Strangle first: billing, 18% of traffic, cut cost 4 imports" (the report's roadmap line). */
  public static String first(StranglerCandidates.Candidate k, long totalRequests) {
    return "Strangle first: "
        + k.name()
        + (totalRequests > 0
            ? ", " + StranglerCandidates.percent(k.requestShare()) + " of traffic"
            : "")
        + ", cut cost "
        + k.cutImports()
        + (k.cutImports() == 1 ? " import" : " imports");
  }

  /** One line per candidate's headline: rank, apps, cluster and score. */
  public static String headline(StranglerCandidates.Candidate k) {
    return String.format(
        Locale.ROOT,
        "%d. %s (cluster %d): score %.0f",
        k.rank(),
        k.name(),
        k.cluster() + 1,
        k.score());
  }

  /** The ranking with each candidate's reasons. */
  public static String candidates(Stranglers.Analysis a) {
    StringBuilder out = new StringBuilder();
    StranglerSettings s = a.settings();
    out.append("Strangler-fig candidates, best first (score 0-100: value ")
        .append(s.valueWeight())
        .append(", ease ")
        .append(s.easeWeight())
        .append(", coverage ")
        .append(s.coverageWeight())
        .append("; 'workbench config strangler.*' changes the weights)\n");
    if (a.totalRequests() == 0) {
      out.append(
          "No traffic imported: ranked by cut cost and coverage only. Import an access log or"
              + " traces for the routes' share of requests and database time.\n");
    }
    for (StranglerCandidates.Candidate k : a.candidates()) {
      out.append('\n').append(headline(k)).append('\n');
      for (String r : k.reasons()) {
        out.append("   - ").append(r).append('\n');
      }
      long routed = k.routes().size();
      if (routed > 0) {
        out.append("   routes: ");
        List<String> names = new ArrayList<>();
        k.routes().stream()
            .limit(6)
            .forEach(
                t -> names.add(t.route() + (t.requests() > 0 ? " (" + t.requests() + ")" : "")));
        out.append(String.join(", ", names));
        if (routed > 6) {
          out.append(" and ").append(routed - 6).append(" more");
        }
        out.append('\n');
      }
    }
    if (a.candidates().isEmpty()) {
      out.append("\nNo candidate: no cluster outside the core has a route.\n");
    }
    if (!a.notCandidates().isEmpty()) {
      out.append("\nNot candidates:\n");
      a.notCandidates().forEach(n -> out.append("   ").append(n).append('\n'));
    }
    if (!a.candidates().isEmpty()) {
      out.append(
          "\nFor the routes, the imports to cut and the replay list of one: 'workbench seams <file>"
              + " --candidate 1 [--replay replay.toml]'.\n");
    }
    return out.toString();
  }

  /** A candidate's plan: routing rules, crossing imports, replay list. */
  public static String plan(StranglerRouting.Plan p) {
    StringBuilder out = new StringBuilder();
    StranglerCandidates.Candidate k = p.candidate();
    out.append(headline(k)).append('\n');
    k.reasons().forEach(r -> out.append("   - ").append(r).append('\n'));
    out.append("\n1. Routes to put behind the routing layer (")
        .append(p.rules().size())
        .append(")\n");
    for (StranglerRouting.Rule r : p.rules()) {
      out.append(String.format(Locale.ROOT, "   %-44s %s", r.route(), r.regex()));
      if (r.requests() > 0) {
        out.append("  (").append(r.requests()).append(" requests: ");
        out.append(String.join(", ", r.methods())).append(')');
      }
      out.append('\n');
    }
    out.append("\n   nginx:\n");
    p.nginx().lines().forEach(l -> out.append("   ").append(l).append('\n'));
    out.append("\n2. Imports crossing the cut (").append(p.crossings().size()).append(")");
    out.append(
        p.crossings().isEmpty()
            ? ": none, it moves as it is\n"
            : ": move these modules with it, or put what they use behind an interface\n");
    for (Stranglers.Crossing c : p.crossings()) {
      out.append("   ")
          .append(c.out() ? "out: " : "in:  ")
          .append(c.from())
          .append(" -> ")
          .append(c.to())
          .append("  (")
          .append(c.path())
          .append(':')
          .append(String.join(",", c.lines().stream().map(String::valueOf).toList()))
          .append(")\n");
    }
    out.append("\n3. Replay list: ")
        .append(p.samples())
        .append(" captured requests to replay against the old and the new service\n");
    for (StranglerRouting.Replay r : p.replay()) {
      if (r.requests() == 0) {
        out.append(
            String.format(
                Locale.ROOT, "   %-44s no captured request: test it by hand%n", r.route()));
        continue;
      }
      out.append(
          String.format(
              Locale.ROOT,
              "   %-44s %d of %d (%s; %s; %d distinct paths)%n",
              r.route(),
              r.samples(),
              r.requests(),
              counts(r.methods()),
              counts(r.statuses()),
              r.distinctPaths()));
    }
    return out.toString();
  }

  private static String counts(Map<String, Long> m) {
    List<String> out = new ArrayList<>();
    m.forEach((k, v) -> out.add(k + " " + v));
    return String.join(", ", out);
  }

  /** The ranking as JSON-ready maps. */
  public static Map<String, Object> json(Stranglers.Analysis a) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("settings", a.settings().asMap());
    out.put("totalRequests", a.totalRequests());
    out.put("totalDbMs", Math.round(a.totalDbMs()));
    List<Map<String, Object>> list = new ArrayList<>();
    for (StranglerCandidates.Candidate k : a.candidates()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rank", k.rank());
      m.put("cluster", k.cluster() + 1);
      m.put("apps", k.apps());
      m.put("score", Math.round(k.score() * 10) / 10.0);
      m.put("requests", k.requests());
      m.put("requestShare", round(k.requestShare()));
      m.put("dbMs", Math.round(k.dbMs()));
      m.put("dbShare", round(k.dbShare()));
      m.put("p95Ms", Double.isNaN(k.p95Ms()) ? null : Math.round(k.p95Ms()));
      m.put("errors", k.errors());
      m.put("nPlusOnes", k.nPlusOnes());
      m.put("planIssues", k.planIssues());
      m.put("cutImports", k.cutImports());
      m.put("cutCoChanges", k.cutCoChanges());
      m.put("coverage", Double.isNaN(k.coverage()) ? null : round(k.coverage()));
      m.put("churn", k.churn());
      m.put("reasons", k.reasons());
      List<Map<String, Object>> routes = new ArrayList<>();
      for (StranglerCandidates.RouteTraffic t : k.routes()) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("route", t.route());
        r.put("view", t.view());
        r.put("requests", t.requests());
        r.put("p95Ms", Double.isNaN(t.p95Ms()) ? null : Math.round(t.p95Ms()));
        r.put("dbMs", Math.round(t.dbMs()));
        r.put("errors", t.errors());
        routes.add(r);
      }
      m.put("routes", routes);
      list.add(m);
    }
    out.put("candidates", list);
    out.put("notCandidates", a.notCandidates());
    return out;
  }

  private static double round(double share) {
    return Math.round(share * 1000) / 1000.0;
  }
}
