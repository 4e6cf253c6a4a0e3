package dev.auditworkbench.engine.strangler;

import dev.auditworkbench.engine.seams.SeamMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The seam map's clusters ranked as strangler-fig candidates: the part of the monolith to move
 * behind a routing layer first. Each cluster is joined with the traffic of the routes whose views
 * live in it, the N+1 patterns and plan problems inside it, the imports and co-changes that cross
 * its cut, its test coverage and its churn.
 *
 * <p>Score, 0 to 100: the weighted mean ({@link StranglerSettings}) of value, its share of requests
 * and of database time (their mean; requests alone when no log measured the database), relative to
 * the busiest cluster; ease, 1 / (1 + crossing imports / halving imports), so 10 imports halve it
 * by default; and safety, the share of its statements tests cover (one half when no coverage was
 * imported). High value, low cut cost and good coverage rank first.
 */
public final class StranglerCandidates {
  private StranglerCandidates() {}

  /**
   * One route's captured traffic.
   *
   * @param app the app its view lives in (null when its view is not known)
   * @param durationsMs every request's duration, for the cluster's percentiles
   */
  public record RouteTraffic(
      String route,
      String view,
      String app,
      long requests,
      double p95Ms,
      double dbMs,
      long errors,
      List<String> methods,
      double[] durationsMs) {
    public RouteTraffic {
      methods = List.copyOf(methods);
    }
  }

  /** What the code and the imports say about one app, besides its traffic. */
  public record AppFacts(
      String app, long statements, long covered, int churn, int nPlusOnes, int planIssues) {}

  /** One cluster as a candidate, with its figures and the reasons for its rank in words. */
  public record Candidate(
      int rank,
      int cluster,
      List<String> apps,
      List<RouteTraffic> routes,
      long requests,
      double requestShare,
      double dbMs,
      double dbShare,
      double p95Ms,
      long errors,
      int nPlusOnes,
      int planIssues,
      int cutImports,
      int cutCoChanges,
      long statements,
      long covered,
      int churn,
      int modules,
      double moduleShare,
      double score,
      List<String> reasons) {
    /** Share of its statements tests run, 0 to 1; NaN when no coverage was imported for it. */
    public double coverage() {
      return statements == 0 ? Double.NaN : (double) covered / statements;
    }

    /** "billing, invoices" (its apps, the first three then how many more). */
    public String name() {
      return apps.size() <= 3
          ? String.join(", ", apps)
          : String.join(", ", apps.subList(0, 3)) + " and " + (apps.size() - 3) + " more";
    }
  }

  /**
   * The ranking.
   *
   * @param totalRequests every captured request, routed or not
   * @param totalDbMs the database time of every routed request window (0: none measured)
   * @param statusKnown whether the captures carry status codes (access logs do; traces may not)
   */
  /**
   * The candidates, best first, and the clusters that are not candidates with why: one no route
   * reaches (nothing to put behind a routing layer), or the core, holding more than {@value
   * #CORE_SHARE_PERCENT}% of the modules (what is strangled around, not moved first).
   */
  public record Ranking(List<Candidate> candidates, List<String> notCandidates) {}

  /** A cluster with more than this share of the modules is the monolith's core. */
  public static final int CORE_SHARE_PERCENT = 50;

  public static Ranking rank(
      SeamMap map,
      List<RouteTraffic> routes,
      Map<String, AppFacts> facts,
      long totalRequests,
      double totalDbMs,
      boolean statusKnown,
      StranglerSettings settings) {
    Map<String, Integer> clusterOf = map.clusterOf();
    int allModules = map.apps().stream().mapToInt(SeamMap.App::modules).sum();
    List<Candidate> unranked = new ArrayList<>();
    double[] values = new double[map.clusters().size()];
    for (int c = 0; c < map.clusters().size(); c++) {
      int cluster = c;
      Set<String> apps = map.clusters().get(c);
      List<RouteTraffic> mine =
          routes.stream()
              .filter(r -> r.app() != null && clusterOf.getOrDefault(r.app(), -1) == cluster)
              .sorted(Comparator.comparingLong(RouteTraffic::requests).reversed())
              .toList();
      long requests = mine.stream().mapToLong(RouteTraffic::requests).sum();
      double dbMs = mine.stream().mapToDouble(RouteTraffic::dbMs).sum();
      long errors = mine.stream().mapToLong(RouteTraffic::errors).sum();
      double p95 =
          percentile(
              mine.stream().flatMapToDouble(r -> Arrays.stream(r.durationsMs())).toArray(), 0.95);
      int cutImports = 0;
      int cutCoChanges = 0;
      for (SeamMap.Cut cut : map.cuts()) {
        if (cut.clusterA() == c || cut.clusterB() == c) {
          cutImports += cut.imports();
          cutCoChanges += cut.coChanges();
        }
      }
      int modules =
          map.apps().stream()
              .filter(a -> apps.contains(a.name()))
              .mapToInt(SeamMap.App::modules)
              .sum();
      long statements = 0;
      long covered = 0;
      int churn = 0;
      int nPlusOnes = 0;
      int planIssues = 0;
      for (String app : apps) {
        AppFacts f = facts.get(app);
        if (f != null) {
          statements += f.statements();
          covered += f.covered();
          churn += f.churn();
          nPlusOnes += f.nPlusOnes();
          planIssues += f.planIssues();
        }
      }
      double requestShare = totalRequests == 0 ? 0 : (double) requests / totalRequests;
      double dbShare = totalDbMs <= 0 ? 0 : dbMs / totalDbMs;
      values[c] = totalDbMs > 0 ? (requestShare + dbShare) / 2 : requestShare;
      unranked.add(
          new Candidate(
              0,
              c,
              List.copyOf(apps),
              mine,
              requests,
              requestShare,
              dbMs,
              dbShare,
              p95,
              errors,
              nPlusOnes,
              planIssues,
              cutImports,
              cutCoChanges,
              statements,
              covered,
              churn,
              modules,
              allModules == 0 ? 0 : (double) modules / allModules,
              0,
              List.of()));
    }
    double weights = settings.valueWeight() + settings.easeWeight() + settings.coverageWeight();
    List<Candidate> eligible = new ArrayList<>();
    List<String> notCandidates = new ArrayList<>();
    for (Candidate k : unranked) {
      if (k.routes().isEmpty()) {
        notCandidates.add(
            k.name() + " (cluster " + (k.cluster() + 1) + "): no route reaches its views");
      } else if (k.moduleShare() * 100 > CORE_SHARE_PERCENT) {
        notCandidates.add(
            k.name()
                + " (cluster "
                + (k.cluster() + 1)
                + "): the core, "
                + percent(k.moduleShare())
                + " of the modules; strangle around it");
      } else {
        eligible.add(k);
      }
    }
    double maxValue = eligible.stream().mapToDouble(k -> values[k.cluster()]).max().orElse(0);
    List<Candidate> scored = new ArrayList<>();
    for (Candidate k : eligible) {
      double value = maxValue == 0 ? 0 : values[k.cluster()] / maxValue;
      double ease = 1.0 / (1.0 + (double) k.cutImports() / settings.halvingImports());
      double safety = Double.isNaN(k.coverage()) ? 0.5 : k.coverage();
      double score =
          100
              * (settings.valueWeight() * value
                  + settings.easeWeight() * ease
                  + settings.coverageWeight() * safety)
              / weights;
      scored.add(copy(k, 0, score, reasons(k, totalRequests, totalDbMs, statusKnown)));
    }
    scored.sort(
        Comparator.comparingDouble(Candidate::score)
            .reversed()
            .thenComparingInt(Candidate::cluster));
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < scored.size(); i++) {
      Candidate k = scored.get(i);
      out.add(copy(k, i + 1, k.score(), k.reasons()));
    }
    return new Ranking(List.copyOf(out), List.copyOf(notCandidates));
  }

  private static Candidate copy(Candidate k, int rank, double score, List<String> reasons) {
    return new Candidate(
        rank,
        k.cluster(),
        k.apps(),
        k.routes(),
        k.requests(),
        k.requestShare(),
        k.dbMs(),
        k.dbShare(),
        k.p95Ms(),
        k.errors(),
        k.nPlusOnes(),
        k.planIssues(),
        k.cutImports(),
        k.cutCoChanges(),
        k.statements(),
        k.covered(),
        k.churn(),
        k.modules(),
        k.moduleShare(),
        score,
        reasons);
  }

  /** Why it ranks where it does, in words, value first. */
  static List<String> reasons(
      Candidate k, long totalRequests, double totalDbMs, boolean statusKnown) {
    List<String> out = new ArrayList<>();
    if (totalRequests == 0) {
      out.add("no traffic imported: its value is not measured (import an access log or traces)");
    } else if (k.requests() == 0) {
      out.add("no captured request reaches its views");
    } else {
      out.add(
          percent(k.requestShare())
              + " of requests ("
              + k.requests()
              + " on "
              + k.routes().size()
              + (k.routes().size() == 1 ? " route" : " routes")
              + ")"
              + (totalDbMs > 0 ? " and " + percent(k.dbShare()) + " of database time" : "")
              + (Double.isNaN(k.p95Ms())
                  ? ""
                  : String.format(Locale.ROOT, "; p95 %.0f ms", k.p95Ms())));
      if (statusKnown && k.errors() > 0) {
        out.add(
            percent((double) k.errors() / k.requests())
                + " of its requests failed (5xx): replaying them shows whether the new service"
                + " does better");
      }
    }
    out.add(
        k.apps().size()
            + (k.apps().size() == 1 ? " app, " : " apps, ")
            + k.modules()
            + (k.modules() == 1 ? " module" : " modules")
            + " ("
            + percent(k.moduleShare())
            + " of the code's modules) move");
    out.add(
        k.cutImports() == 0 && k.cutCoChanges() == 0
            ? "nothing crosses its cut: it can move as it is"
            : k.cutImports()
                + (k.cutImports() == 1 ? " import" : " imports")
                + " and "
                + k.cutCoChanges()
                + (k.cutCoChanges() == 1 ? " co-change" : " co-changes")
                + " cross its cut");
    if (Double.isNaN(k.coverage())) {
      out.add("no coverage imported for its modules");
    } else {
      out.add(
          "tests cover "
              + percent(k.coverage())
              + " of its statements"
              + (k.coverage() < 0.5 ? ": add tests (or replay traffic) before moving it" : ""));
    }
    if (k.nPlusOnes() > 0 || k.planIssues() > 0) {
      out.add(
          k.nPlusOnes()
              + (k.nPlusOnes() == 1 ? " N+1 pattern" : " N+1 patterns")
              + " and "
              + k.planIssues()
              + (k.planIssues() == 1 ? " plan problem" : " plan problems")
              + " inside: fix them on the way");
    }
    if (k.churn() > 0) {
      out.add(
          "changed in "
              + k.churn()
              + (k.churn() == 1 ? " commit" : " commits")
              + " of the history window");
    }
    return List.copyOf(out);
  }

  /** "18%", or "under 1%" for a share above 0 that rounds to 0. */
  public static String percent(double share) {
    double p = 100 * share;
    return p > 0 && p < 1 ? "under 1%" : String.format(Locale.ROOT, "%.0f%%", p);
  }

  /** The value at {@code q} (0 to 1) by nearest rank; NaN for no values. */
  static double percentile(double[] values, double q) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
