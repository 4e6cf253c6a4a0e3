package dev.auditworkbench.engine.report;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.excerpt.CodeExcerpts;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.ImportRecord;
import dev.auditworkbench.engine.model.OutboundFindings;
import dev.auditworkbench.engine.model.OwaspTop10;
import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.model.ScanRecord;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.model.Words;
import dev.auditworkbench.engine.priority.Planner;
import dev.auditworkbench.engine.priority.Quadrant;
import dev.auditworkbench.engine.progress.Progress;
import dev.auditworkbench.engine.progress.ProgressText;
import dev.auditworkbench.engine.queries.QueryAnalysis;
import dev.auditworkbench.engine.scan.SeamMaps;
import dev.auditworkbench.engine.seams.SeamMap;
import dev.auditworkbench.engine.seams.SeamSvg;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ImportRepository;
import dev.auditworkbench.engine.store.ProjectRepository;
import dev.auditworkbench.engine.store.ScanRepository;
import dev.auditworkbench.engine.strangler.StranglerCandidates;
import dev.auditworkbench.engine.strangler.StranglerText;
import dev.auditworkbench.engine.strangler.Stranglers;
import dev.auditworkbench.engine.upgrade.Removals;
import dev.auditworkbench.engine.upgrade.UpgradePlan;
import dev.auditworkbench.engine.upgrade.UpgradePlanText;
import dev.auditworkbench.engine.upgrade.UpgradePlans;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the report shows, computed once from the project: the templates only lay it out. Only
 * findings "In report" are shown in detail; the rest are counted (triaged out by reason,
 * untriaged). Texts are plain: the template engine escapes them; the SVG charts are built here with
 * their text escaped.
 */
public record ReportModel(
    Meta meta,
    Summary summary,
    ProgressSection progress,
    List<Planner.WorkItem> quickWins,
    String matrixSvg,
    List<PhaseRow> roadmap,
    String roadmapTotals,
    String seamSvg,
    List<String> seamClusters,
    Strangler strangler,
    Performance performance,
    List<OwaspRow> owasp,
    List<DependencyRow> dependencies,
    String upgradePath,
    Upgrade upgrade,
    List<Section> sections,
    List<ImportRecord> inputs,
    Inventory inventory) {

  /**
   * One open dependency finding, whatever its triage; {@code detail} says where it is detailed
   * ("section 8"), empty when it is only listed here.
   */
  public record DependencyRow(String title, String severity, String detail) {}

  /**
   * "Upgrade path to Django 5.2": the plan to the next two LTS releases, one row per hop; null when
   * the project pins no Django or its scan predates the upgrade path.
   */
  public record Upgrade(String title, String summary, List<UpgradeHop> hops) {}

  /** One hop as printed: its blockers in the order to work on them, and the effort. */
  public record UpgradeHop(
      String hop,
      String effort,
      List<String> packages,
      String python,
      List<String> code,
      List<String> behaviour) {}

  /** The Django inventory in numbers, for the appendix. */
  public record Inventory(
      boolean scanned,
      int apps,
      List<String> localApps,
      int models,
      int routes,
      int views,
      int templates,
      int migrations,
      int tasks) {}

  /** Cover and running header. */
  public record Meta(
      String client,
      String engagement,
      String auditor,
      String date,
      String repo,
      String commit,
      String confidentiality) {}

  /**
   * The figures of the executive summary. {@code open} counts the open findings that need work
   * (critical to low); {@code info} the open informational notes (lint style, docstrings), counted
   * apart so they never swell the headline. {@code lowConfidenceLeftOut} counts the low-confidence
   * places to review nobody triaged: they are not in {@code open} nor anywhere else in the figures.
   */
  public record Summary(
      String paragraph,
      int open,
      int info,
      int inReport,
      int untriaged,
      Map<String, Integer> dismissedByReason,
      List<SeverityCount> severities,
      List<ScoreRow> scorecard,
      int lowConfidenceLeftOut) {}

  public record SeverityCount(String severity, int count) {}

  /** One category of the scorecard: open findings, the worst severity, a grade. */
  public record ScoreRow(
      String category, int open, int info, int inReport, String worst, String grade) {}

  /** One phase of the roadmap as printed. */
  public record PhaseRow(
      int number,
      String label,
      String purpose,
      int hours,
      String weeks,
      String dates,
      List<Planner.WorkItem> items) {}

  /** The performance section. */
  public record Performance(
      boolean any,
      String source,
      List<QueryAnalysis.RouteLatency> routes,
      List<QueryAnalysis.Statement> statements,
      List<QueryAnalysis.NPlusOne> nPlusOnes,
      List<QueryAnalysis.PlanIssue> indexes,
      List<OutsideCall> outsideCalls) {
    /** True when some route's p95 changed level (else the report leaves that column out). */
    public boolean anyChange() {
      return routes.stream().anyMatch(r -> r.changedOn() != null);
    }
  }

  /**
   * A request that waits on an outside service: measured in traces ("api.stripe.com", the route's
   * share) or found in the code on the route's path (the call, where, whether it has a timeout).
   */
  public record OutsideCall(String route, String target, String evidence, String where) {
    static List<OutsideCall> of(List<Finding> all) {
      Set<String> noTimeout = new HashSet<>();
      List<Finding> outbound = new ArrayList<>();
      for (Finding f : all) {
        if (f.gone() || f.status() == Status.DISMISSED) {
          continue;
        }
        if (f.ruleId().equals(OutboundFindings.NO_TIMEOUT)) {
          noTimeout.add(f.location().display());
        } else if (OutboundFindings.measured(f).isPresent()
            || (f.ruleId().equals(OutboundFindings.BLOCKING)
                && !OutboundFindings.chain(f).isEmpty())) {
          outbound.add(f);
        }
      }
      List<OutsideCall> out = new ArrayList<>();
      for (Finding f : OutboundFindings.inRouteOrder(outbound)) {
        String evidence =
            f.ruleId().equals(OutboundFindings.MEASURED)
                ? String.format(
                        Locale.ROOT,
                        "traces: %.0f%% of the route's time",
                        100 * OutboundFindings.measuredShare(f).orElse(0.0))
                    + OutboundFindings.measuredP95(f)
                        .map(p -> ", p95 " + p + " ms a call")
                        .orElse("")
                : "code"
                    + (noTimeout.contains(f.location().display()) ? ", no timeout" : "")
                    + (f.confidence() == Confidence.HIGH ? ", confirmed by the traces" : "");
        String route =
            f.ruleId().equals(OutboundFindings.MEASURED)
                ? OutboundFindings.routePath(f) // as the code's rows name it
                : OutboundFindings.chain(f).get(0);
        out.add(
            new OutsideCall(route, OutboundFindings.target(f), evidence, f.location().display()));
      }
      return List.copyOf(out);
    }
  }

  /** One OWASP Top 10 2021 category and where its findings stand. */
  public record OwaspRow(
      String id,
      String title,
      int open,
      int inReport,
      int fixedOrDismissed,
      String state,
      List<String> findings) {}

  /** A finding as the report details it. */
  public record FindingView(
      String ref,
      String title,
      String severity,
      String category,
      String location,
      String description,
      List<Evidence> evidence,
      String cwe,
      String owasp,
      int impact,
      String effort,
      String tools,
      String notes,
      String notesHtml,
      String excerpt) {}

  /** The detailed findings of one category. */
  public record Section(String title, List<FindingView> findings) {}

  /**
   * The strangler-fig candidates: the roadmap's line ("Strangle first: ...") with its reasons, and
   * one row per candidate for the seam map chapter; null before a scan or when no cluster outside
   * the core has a route.
   */
  public record Strangler(
      String first, List<String> reasons, List<StranglerRow> rows, List<String> notCandidates) {}

  /** One candidate as the seam map chapter lists it. */
  public record StranglerRow(
      int rank,
      String apps,
      String requests,
      String database,
      int cutImports,
      String coverage,
      String score) {}

  /**
   * "Progress since baseline": the baseline and the last round compared, when a round was opened
   * and something imported in it; null otherwise.
   */
  public record ProgressSection(
      String title,
      String summary,
      List<ProgressRow> bySeverity,
      List<RouteRow> routes,
      String chartSvg,
      List<String> nPlusOnes,
      List<String> statements,
      List<String> dependencies,
      List<String> notes) {}

  /** One severity: fixed, new, still open. */
  public record ProgressRow(String label, int fixed, int added, int open) {}

  /** One route: requests and p95 before and after, and the change (or why not compared). */
  public record RouteRow(String route, String before, String after, String change) {}

  /** Builds the model of an open project. */
  public static ReportModel of(Connection c, Instant now) throws SQLException {
    ProjectInfo info = new ProjectRepository(c).info();
    List<Finding> all;
    try (FindingRepository repo = new FindingRepository(c)) {
      all = repo.all();
    }
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    Planner.Plan plan = Planner.of(c, today);
    QueryAnalysis.Result queries = QueryAnalysis.of(c, QueryAnalysis.DEFAULT_N_PLUS_ONE);
    Optional<SeamMap> seams = SeamMaps.ofLatestScan(c);
    String commit = new ScanRepository(c).latest().map(ScanRecord::commitId).orElse(null);
    List<ImportRecord> inputs = new ImportRepository(c).all();

    Meta meta =
        new Meta(
            info.client(),
            info.engagement(),
            info.auditor(),
            today.toString(),
            info.repo() == null ? "" : info.repo().getFileName().toString(),
            commit == null ? "" : commit.substring(0, Math.min(12, commit.length())),
            "Confidential: prepared for "
                + (info.client().isBlank() ? "the client" : info.client())
                + " only.");
    List<Finding> open = all.stream().filter(Finding::counted).toList();
    int lowConfidenceLeftOut =
        (int) all.stream().filter(f -> !f.gone() && f.unreviewedLowConfidence()).count();
    List<Finding> inReport = open.stream().filter(f -> f.status() == Status.IN_REPORT).toList();
    Map<String, Integer> dismissed = new LinkedHashMap<>();
    all.stream()
        .filter(f -> f.status() == Status.DISMISSED)
        .forEach(
            f ->
                dismissed.merge(
                    f.dismissReason().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    1,
                    Integer::sum));
    List<SeverityCount> severities = new ArrayList<>();
    for (Severity s : Severity.values()) {
      severities.add(
          new SeverityCount(
              s.name().toLowerCase(Locale.ROOT),
              (int) open.stream().filter(f -> f.severity() == s).count()));
    }
    List<ScoreRow> scorecard = new ArrayList<>();
    for (Category cat : Category.values()) {
      List<Finding> in = open.stream().filter(f -> f.category() == cat).toList();
      Severity worst =
          in.stream().map(Finding::severity).min(Comparator.naturalOrder()).orElse(null);
      int infoIn = (int) in.stream().filter(f -> f.severity() == Severity.INFO).count();
      scorecard.add(
          new ScoreRow(
              label(cat),
              in.size() - infoIn,
              infoIn,
              (int) in.stream().filter(f -> f.status() == Status.IN_REPORT).count(),
              worst == null ? "none" : worst.name().toLowerCase(Locale.ROOT),
              grade(worst, in.size())));
    }
    int infoCount = (int) open.stream().filter(f -> f.severity() == Severity.INFO).count();
    int untriaged = (int) open.stream().filter(f -> f.status() == Status.INBOX).count();
    Summary summary =
        new Summary(
            paragraph(open, plan, queries),
            open.size() - infoCount,
            infoCount,
            inReport.size(),
            untriaged,
            dismissed,
            severities,
            scorecard,
            lowConfidenceLeftOut);

    List<Planner.WorkItem> quickWins =
        plan.items().stream().filter(w -> w.quadrant() == Quadrant.QUICK_WIN).limit(10).toList();
    List<PhaseRow> roadmap = new ArrayList<>();
    int n = 0;
    for (Planner.PhasePlan p : plan.phases()) {
      n++;
      roadmap.add(
          new PhaseRow(
              n,
              p.phase().label(),
              p.phase().purpose(),
              p.hours(),
              weeks(p.weeks()),
              p.items().isEmpty() ? "-" : p.start() + " to " + p.end(),
              p.items()));
    }
    String totals =
        String.format(
            Locale.ROOT,
            "%,d hours over %s for a team of %d (%d productive hours each a week), from %s.",
            plan.totalHours(),
            weeks(plan.totalWeeks()),
            plan.settings().teamSize(),
            plan.settings().hoursPerWeek(),
            plan.settings().start());

    Performance performance =
        new Performance(
            queries.statementSource() != null
                || !queries.routes().isEmpty()
                || !queries.planIssues().isEmpty(),
            queries.statementSource(),
            queries.routes().stream().limit(10).toList(),
            queries.statements().stream().limit(10).toList(),
            queries.nPlusOnes().stream().limit(15).toList(),
            queries.planIssues().stream()
                .filter(p -> p.suggestion().startsWith("CREATE INDEX"))
                .toList(),
            OutsideCall.of(all));

    Map<OwaspTop10, int[]> owaspCounts = new EnumMap<>(OwaspTop10.class);
    Map<OwaspTop10, List<String>> owaspTitles = new EnumMap<>(OwaspTop10.class);
    Set<OwaspTop10> reported = EnumSet.noneOf(OwaspTop10.class);
    for (Finding f : all) {
      f.owasp().forEach(id -> OwaspTop10.byId(id).ifPresent(reported::add));
      if (!f.counted() && !f.gone() && f.status() != Status.DISMISSED) {
        continue; // an unreviewed low-confidence place: not counted anywhere until triaged
      }
      for (String id : f.owasp()) {
        for (OwaspTop10 o : OwaspTop10.values()) {
          if (o.id().equals(id)) {
            int[] c3 = owaspCounts.computeIfAbsent(o, k -> new int[3]);
            if (f.gone() || f.status() == Status.DISMISSED) {
              c3[2]++;
            } else {
              c3[0]++;
              owaspTitles
                  .computeIfAbsent(o, k -> new ArrayList<>())
                  .add(
                      f.severity().ordinal()
                          + f.severity().name().toLowerCase(Locale.ROOT)
                          + ": "
                          + f.title());
              if (f.status() == Status.IN_REPORT) {
                c3[1]++;
              }
            }
          }
        }
      }
    }
    List<OwaspRow> owasp = new ArrayList<>();
    for (OwaspTop10 o : OwaspTop10.values()) {
      int[] c3 = owaspCounts.getOrDefault(o, new int[3]);
      // Most severe first (the ordinal prefix sorts them), six named, the rest counted.
      List<String> sorted =
          owaspTitles.getOrDefault(o, List.of()).stream()
              .sorted()
              .map(t -> t.substring(1))
              .toList();
      List<String> titles = new ArrayList<>(sorted.stream().limit(6).toList());
      if (sorted.size() > 6) {
        titles.add("and " + (sorted.size() - 6) + " more");
      }
      boolean assessed = reported.contains(o) || (commit != null && SCAN_CHECKS.contains(o));
      String state = c3[0] > 0 ? "open" : assessed ? "clear" : "not-assessed";
      owasp.add(new OwaspRow(o.id(), o.title(), c3[0], c3[1], c3[2], state, titles));
    }

    List<Section> sections = new ArrayList<>();
    List<DependencyRow> dependencies =
        open.stream()
            .filter(f -> f.category() == Category.DEPENDENCIES)
            .sorted(Comparator.comparing(Finding::severity).thenComparing(Finding::title))
            .map(
                f ->
                    new DependencyRow(
                        f.title(),
                        f.severity().name().toLowerCase(Locale.ROOT),
                        f.status() == Status.IN_REPORT ? "section 8" : ""))
            .toList();
    String upgradePath =
        open.stream()
            .filter(f -> f.ruleId().equals("dependency.django-support"))
            .findFirst()
            .map(f -> f.description() == null ? f.title() : f.description())
            .orElse("");
    Upgrade upgrade =
        UpgradePlans.latest(c, null)
            .filter(p -> !p.steps().isEmpty())
            .map(ReportModel::upgrade)
            .orElse(null);
    CodeExcerpts excerpts;
    try (FindingRepository repo = new FindingRepository(c)) {
      excerpts = new CodeExcerpts(info.repo(), commit, repo.secretPlaces());
    }
    List<Category> byWorst = new ArrayList<>(List.of(Category.values()));
    byWorst.sort(
        Comparator.comparing(
            (Category cat) ->
                inReport.stream()
                    .filter(f -> f.category() == cat)
                    .map(Finding::severity)
                    .min(Comparator.naturalOrder())
                    .orElse(Severity.INFO)));
    for (Category cat : byWorst) {
      List<FindingView> views =
          inReport.stream()
              .filter(f -> f.category() == cat)
              .sorted(
                  Comparator.comparing(Finding::severity)
                      .thenComparing(
                          Comparator.comparingInt((Finding f) -> f.impact().value()).reversed())
                      .thenComparing(Finding::fingerprint))
              .map(f -> view(f, excerpts))
              .toList();
      if (!views.isEmpty()) {
        sections.add(new Section(label(cat), views));
      }
    }
    Inventory inventory =
        new ScanRepository(c)
            .latestFacts("inventory", DjangoInventory.class)
            .map(
                inv ->
                    new Inventory(
                        true,
                        inv.apps().size(),
                        inv.apps().stream()
                            .filter(a -> a.local())
                            .map(a -> a.label())
                            .sorted()
                            .toList(),
                        (int) inv.models().stream().filter(m -> !m.abstractModel()).count(),
                        inv.routes().size(),
                        inv.views().size(),
                        inv.templates().size(),
                        inv.migrations().values().stream().mapToInt(List::size).sum(),
                        inv.tasks().size()))
            .orElse(new Inventory(false, 0, List.of(), 0, 0, 0, 0, 0, 0));
    return new ReportModel(
        meta,
        summary,
        progress(c),
        quickWins,
        MatrixSvg.render(plan.items()),
        roadmap,
        totals,
        seams.map(m -> fit(SeamSvg.render(m), 480)).orElse(null),
        seams
            .map(m -> m.clusters().stream().map(cl -> String.join(", ", cl)).toList())
            .orElse(List.of()),
        strangler(seams.isEmpty() ? null : Stranglers.of(c, seams.get(), queries)),
        performance,
        owasp,
        dependencies,
        upgradePath,
        upgrade,
        sections,
        inputs,
        inventory);
  }

  private static ProgressSection progress(Connection c) throws SQLException {
    List<dev.auditworkbench.engine.model.Round> rounds = Progress.rounds(c);
    dev.auditworkbench.engine.model.Round last = rounds.get(rounds.size() - 1);
    if (rounds.size() < 2 || last.isEmpty()) {
      return null;
    }
    Progress.Comparison p = Progress.compare(c, rounds.get(0), last, Progress.MIN_REQUESTS);
    List<ProgressRow> rows = new ArrayList<>();
    p.findings()
        .bySeverity()
        .forEach(
            (severity, n) ->
                rows.add(
                    new ProgressRow(
                        severity.charAt(0) + severity.substring(1).toLowerCase(Locale.ROOT),
                        n[0],
                        n[1],
                        n[2])));
    List<RouteRow> routes = new ArrayList<>();
    for (Progress.RouteChange r : p.routes()) {
      if (r.requestsBefore() == 0 && r.requestsAfter() == 0) {
        continue;
      }
      routes.add(
          new RouteRow(
              r.route(),
              r.requestsBefore() == 0
                  ? "-"
                  : String.format(Locale.ROOT, "%.0f ms (%d)", r.p95Before(), r.requestsBefore()),
              r.requestsAfter() == 0
                  ? "-"
                  : String.format(Locale.ROOT, "%.0f ms (%d)", r.p95After(), r.requestsAfter()),
              ProgressText.p95Change(r)));
    }
    List<String> nPlusOnes = p.nPlusOnes().stream().map(ProgressText::nPlusOne).toList();
    List<String> statements =
        p.statements().stream().map(st -> ProgressText.statement(st, 120)).toList();
    List<String> dependencies = p.dependencies().stream().map(ProgressText::dependency).toList();
    List<String> notes = new ArrayList<>();
    if (!p.findings().notRechecked().isEmpty()) {
      notes.add(
          "Not run again in "
              + last.name()
              + ", their findings still counted open: "
              + String.join(", ", p.findings().notRechecked())
              + ".");
    }
    if (!p.trafficAfter()) {
      notes.add("No traffic was captured in " + last.name() + ": latency is not compared.");
    }
    String summary =
        String.format(
            Locale.ROOT,
            "From the baseline to %s (opened %s): %s fixed, %d new, %d still open.",
            last.name(),
            last.createdAt().toString().substring(0, 10),
            dev.auditworkbench.engine.model.Words.count(p.findings().fixed().size(), "finding"),
            p.findings().added().size(),
            p.findings().open().size());
    boolean chart = p.routes().stream().anyMatch(Progress.RouteChange::enough);
    return new ProgressSection(
        "Progress since the baseline",
        summary,
        rows,
        routes,
        chart ? ProgressSvg.render(p.routes(), 12) : null,
        nPlusOnes,
        statements,
        dependencies,
        notes);
  }

  private static Strangler strangler(Stranglers.Analysis a) {
    if (a == null || a.candidates().isEmpty()) {
      return null;
    }
    List<StranglerRow> rows = new ArrayList<>();
    boolean traffic = a.totalRequests() > 0;
    for (StranglerCandidates.Candidate k : a.candidates()) {
      rows.add(
          new StranglerRow(
              k.rank(),
              String.join(", ", k.apps()),
              traffic ? StranglerCandidates.percent(k.requestShare()) : "-",
              a.totalDbMs() > 0 ? StranglerCandidates.percent(k.dbShare()) : "-",
              k.cutImports(),
              Double.isNaN(k.coverage()) ? "-" : StranglerCandidates.percent(k.coverage()),
              String.format(Locale.ROOT, "%.0f", k.score())));
    }
    StranglerCandidates.Candidate first = a.candidates().get(0);
    return new Strangler(
        StranglerText.first(first, a.totalRequests()), first.reasons(), rows, a.notCandidates());
  }

  private static Upgrade upgrade(UpgradePlan plan) {
    List<UpgradeHop> hops = new ArrayList<>();
    int automatic = plan.automaticPlaces();
    int byHand = plan.codePlaces() - automatic;
    int packages = 0;
    for (UpgradePlan.Step s : plan.steps()) {
      List<String> code = new ArrayList<>();
      for (List<UpgradePlan.Item> items : List.of(s.pythonRemovals(), s.removals())) {
        items.forEach(i -> code.add(upgradeItem(i)));
      }
      packages += s.packages().size();
      hops.add(
          new UpgradeHop(
              "Django " + s.from() + " \u2192 " + s.to(),
              UpgradePlanText.hours(s.hours()),
              s.packages().stream().map(UpgradePlanText::packageChange).toList(),
              UpgradePlanText.python(s),
              code,
              s.behaviour().stream().map(ReportModel::upgradeItem).toList()));
    }
    String summary =
        String.format(
            Locale.ROOT,
            "From Django %s (%s:%d) to %s in %d %s, about %s: %d %s in the code (%d rewritten by"
                + " django-upgrade or pyupgrade and reviewed, %d by hand), %d package %s to upgrade or"
                + " replace%s. Work in this order on each hop: packages, Python, removed APIs, then the"
                + " behaviour changes to test. The command workbench upgrade lists every place.",
            plan.django().pinned(),
            plan.django().path(),
            plan.django().line(),
            plan.target(),
            plan.steps().size(),
            plan.steps().size() == 1 ? "hop" : "hops",
            UpgradePlanText.hours(plan.hours()),
            automatic + byHand,
            automatic + byHand == 1 ? "place" : "places",
            automatic,
            byHand,
            packages,
            packages == 1 ? "change" : "changes",
            plan.python()
                .map(p -> ", on Python " + p.version() + " (" + p.path() + ")")
                .orElse(""));
    return new Upgrade("Upgrade path to Django " + plan.target(), summary, hops);
  }

  private static String upgradeItem(UpgradePlan.Item i) {
    Removals.Removal r = i.removal();
    return (Removals.isPython(r) ? "Python " : "Django ")
        + r.removed()
        + ": "
        + r.what()
        + " \u2014 "
        + i.uses().size()
        + (i.uses().size() == 1 ? " place, " : " places, ")
        + (r.automatic() ? "rewritten by " + r.fixer() : "by hand")
        + " ("
        + i.uses().get(0).path()
        + ":"
        + i.uses().get(0).line()
        + (i.uses().size() > 1 ? ", ..." : "")
        + ")";
  }

  /**
   * The SVG drawn at a fixed size in CSS pixels (its viewBox keeps the drawing): a page is 650 px
   * wide.
   */
  static String fit(String svg, int px) {
    return svg.replaceFirst(
        "width=\"[0-9.]+\" height=\"[0-9.]+\"", "width=\"" + px + "\" height=\"" + px + "\"");
  }

  private static FindingView view(Finding f, CodeExcerpts excerpts) {
    String location = f.location() == null ? "" : f.location().display();
    String tools = String.join(", ", f.sources().stream().map(s -> s.tool()).distinct().toList());
    return new FindingView(
        f.fingerprint().substring(0, 10),
        f.title(),
        f.severity().name().toLowerCase(Locale.ROOT),
        label(f.category()),
        location,
        f.description() == null ? "" : f.description(),
        f.evidence(),
        String.join(", ", f.cwe().stream().map(c -> "CWE-" + c).toList()),
        String.join(", ", f.owasp()),
        f.impact().value(),
        f.effort().size().name() + " (" + f.effort().hours() + " h)",
        tools,
        f.notes() == null ? "" : f.notes(),
        Markdown.html(f.notes()),
        excerpts.around(f, 3, 3).numbered());
  }

  /** Requests a route needs before the summary quotes its p95. */
  static final int MIN_ROUTE_SAMPLE = 10;

  /**
   * OWASP categories the repository scan itself checks (tenancy and CSRF exemptions: A01; weak
   * secret key, HSTS: A02; SQL built from strings, XSS: A03; settings hardening: A05; unmaintained
   * and outdated packages: A06; committed credentials: A07). Others are "not assessed" unless a
   * tool reported something there.
   */
  static final Set<OwaspTop10> SCAN_CHECKS =
      EnumSet.of(
          OwaspTop10.A01,
          OwaspTop10.A02,
          OwaspTop10.A03,
          OwaspTop10.A05,
          OwaspTop10.A06,
          OwaspTop10.A07);

  static String label(Category c) {
    return switch (c) {
      case PERFORMANCE -> "Performance";
      case SECURITY -> "Security";
      case ARCHITECTURE -> "Architecture";
      case MAINTAINABILITY -> "Maintainability";
      case DEPENDENCIES -> "Dependencies";
      case TESTING -> "Testing";
    };
  }

  /** A: nothing open; B: low and info only; C: medium; D: high; E: critical. */
  static String grade(Severity worst, int open) {
    if (open == 0 || worst == null) {
      return "A";
    }
    return switch (worst) {
      case INFO, LOW -> "B";
      case MEDIUM -> "C";
      case HIGH -> "D";
      case CRITICAL -> "E";
    };
  }

  private static String weeks(double w) {
    return (w == Math.floor(w) ? String.valueOf((int) w) : String.valueOf(w))
        + (w == 1 ? " week" : " weeks");
  }

  private static String paragraph(List<Finding> open, Planner.Plan plan, QueryAnalysis.Result q) {
    long critical = open.stream().filter(f -> f.severity() == Severity.CRITICAL).count();
    long high = open.stream().filter(f -> f.severity() == Severity.HIGH).count();
    long info = open.stream().filter(f -> f.severity() == Severity.INFO).count();
    long security =
        open.stream()
            .filter(
                f ->
                    f.category() == Category.SECURITY
                        && (f.severity() == Severity.CRITICAL || f.severity() == Severity.HIGH))
            .count();
    long quick = plan.items().stream().filter(w -> w.quadrant() == Quadrant.QUICK_WIN).count();
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "The audit found %,d open findings that need work, %,d of them critical and %,d high%s",
            open.size() - info,
            critical,
            high,
            info == 0
                ? ""
                : " (and " + Words.count(info, "informational note") + ", counted apart)"));
    sb.append(
        security > 0
            ? String.format(
                Locale.ROOT,
                "; %,d serious security problems need fixing before anything else",
                security)
            : "; no serious security problem is open");
    if (quick > 0) {
      sb.append(
          String.format(
              Locale.ROOT,
              ". %s (high impact, at most %d hours each) come first in the roadmap",
              Words.count(quick, "quick win"),
              plan.settings().lowEffortHours()));
    }
    // A p95 of one or two requests says nothing: name the slowest route only on a real sample.
    Optional<QueryAnalysis.RouteLatency> slowest =
        q.routes().stream().filter(r -> r.requests() >= MIN_ROUTE_SAMPLE).findFirst();
    if (!q.nPlusOnes().isEmpty()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "; the captured traffic shows %s",
              Words.count(q.nPlusOnes().size(), "N+1 pattern")));
      slowest.ifPresent(
          r ->
              sb.append(
                  String.format(
                      Locale.ROOT,
                      ", and the slowest route, %s, has a p95 of %.0f ms over %s",
                      r.route(),
                      r.p95(),
                      Words.count(r.requests(), "request"))));
    }
    sb.append(
        String.format(
            Locale.ROOT, ". The whole roadmap is about %,d hours of work.", plan.totalHours()));
    return sb.toString();
  }
}
