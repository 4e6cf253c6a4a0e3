package dev.auditworkbench.engine.priority;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.queries.QueryAnalysis;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.PlanRepository;
import dev.auditworkbench.engine.store.ProjectRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns open findings into the order of work: related findings become one work item (the auditor's
 * groups first, then the same kind of problem in the same file), each item gets an impact (its
 * members' highest), an effort (the largest member's plus half of the others': they share the
 * context), a quadrant, a score and a phase (the auditor's override, else the first matching phase
 * rule), and performance items get the gain the traces promise. The roadmap runs the phases in
 * order at the team's capacity.
 */
public final class Planner {
  private static final Pattern FINGERPRINT = Pattern.compile("fingerprint ([0-9a-f]{16})");
  private static final Pattern SERVED_BY = Pattern.compile("served by ([\\w.]+) \\(");

  /** One unit of work: a finding or a group of related ones. */
  public record WorkItem(
      String key,
      String title,
      List<Finding> findings,
      int impact,
      int effortHours,
      Quadrant quadrant,
      double score,
      Phase phase,
      boolean phaseOverridden,
      String expectedGain,
      boolean untriaged) {
    public String effortSize() {
      return new Effort(effortHours).size().name();
    }
  }

  /** One phase of the roadmap with its items, their hours and its weeks on the calendar. */
  public record PhasePlan(
      Phase phase, List<WorkItem> items, int hours, double weeks, LocalDate start, LocalDate end) {}

  /** The prioritised list (best first) and the roadmap. */
  public record Plan(
      PlanSettings settings,
      List<WorkItem> items,
      List<PhasePlan> phases,
      int totalHours,
      double totalWeeks,
      int openFindings,
      int untriagedFindings) {}

  private Planner() {}

  /** The plan of a project as it stands. */
  public static Plan of(Connection c, LocalDate today) throws SQLException {
    PlanSettings settings = PlanSettings.from(new ProjectRepository(c).all(), today);
    List<Finding> findings;
    try (FindingRepository repo = new FindingRepository(c)) {
      findings = repo.all();
    }
    PlanRepository plans = new PlanRepository(c);
    QueryAnalysis.Result queries = QueryAnalysis.of(c, QueryAnalysis.DEFAULT_N_PLUS_ONE);
    return plan(findings, plans.groups(), plans.phases(), settings, queries);
  }

  /**
   * The plan of these findings (open ones are planned: not dismissed, not gone, and not
   * low-confidence places to review that nobody has triaged: see {@link Finding#counted()}; putting
   * one in a group is triage enough).
   */
  public static Plan plan(
      List<Finding> all,
      Map<String, String> groups,
      Map<String, String> phaseOverrides,
      PlanSettings settings,
      QueryAnalysis.Result queries) {
    List<Finding> open =
        all.stream()
            .filter(
                f ->
                    f.counted()
                        || f.unreviewedLowConfidence()
                            && !f.gone()
                            && groups.containsKey(f.fingerprint()))
            .toList();
    Map<String, List<Finding>> byKey = new LinkedHashMap<>();
    for (Finding f : open) {
      byKey.computeIfAbsent(keyOf(f, groups), k -> new ArrayList<>()).add(f);
    }
    List<WorkItem> items = new ArrayList<>();
    for (Map.Entry<String, List<Finding>> e : byKey.entrySet()) {
      List<Finding> members = e.getValue();
      String key =
          members.size() == 1 && e.getKey().startsWith("auto:")
              ? "finding:" + members.get(0).fingerprint()
              : e.getKey();
      items.add(item(key, members, settings, phaseOverrides, queries));
    }
    items.sort(
        Comparator.comparing((WorkItem w) -> w.quadrant())
            .thenComparing(Comparator.comparingDouble(WorkItem::score).reversed())
            .thenComparing(WorkItem::key));
    List<PhasePlan> phases = new ArrayList<>();
    double capacity = settings.teamSize() * (double) settings.hoursPerWeek();
    LocalDate start = settings.start();
    double weeksSoFar = 0;
    int total = 0;
    for (Phase p : Phase.values()) {
      List<WorkItem> in = items.stream().filter(w -> w.phase() == p).toList();
      int hours = in.stream().mapToInt(WorkItem::effortHours).sum();
      double weeks = Math.ceil(hours / capacity * 2) / 2; // half-week steps
      if (p == Phase.STOP_THE_BLEEDING && !in.isEmpty()) {
        weeks = Math.max(weeks, 2); // the framework gives it weeks 1-2
      }
      LocalDate from = start.plusDays(Math.round(weeksSoFar * 7));
      weeksSoFar += weeks;
      LocalDate to = weeks == 0 ? from : start.plusDays(Math.round(weeksSoFar * 7) - 1);
      phases.add(new PhasePlan(p, in, hours, weeks, from, to));
      total += hours;
    }
    int untriaged = (int) open.stream().filter(f -> f.status() == Status.INBOX).count();
    return new Plan(settings, items, phases, total, weeksSoFar, open.size(), untriaged);
  }

  /**
   * The work item a finding belongs to: the auditor's group, else its kind of problem in its file.
   */
  static String keyOf(Finding f, Map<String, String> groups) {
    String group = groups.get(f.fingerprint());
    if (group != null) {
      return "group:" + group;
    }
    String family = family(f.ruleId());
    if (family.equals("n-plus-one")) {
      // One fix per view: the traces' N+1s on its route and the scan's loops in it or its template.
      Matcher m = SERVED_BY.matcher(f.description() == null ? "" : f.description());
      if (m.find()) {
        return "auto:n-plus-one:" + m.group(1);
      }
      if (f.ruleId().startsWith("nplusone.")
          && f.location() != null
          && f.location().symbol() != null) {
        return "auto:n-plus-one:" + f.location().symbol();
      }
    }
    if (family.equals("outbound")) {
      // One fix per route: the wait its traces measured, the call the scan found on its path and
      // that call's missing timeout (moved to a task, or given a timeout and a breaker).
      String route = dev.auditworkbench.engine.model.OutboundFindings.routePath(f);
      if (route != null) {
        return "auto:outbound:" + route;
      }
    }
    if (f.category() == Category.MAINTAINABILITY
        && (f.severity() == Severity.INFO || f.severity() == Severity.LOW)
        && f.sources().stream().noneMatch(s -> s.tool().startsWith("workbench"))) {
      // A linter's message fixed everywhere at once: one change across the repository.
      return "auto:" + f.ruleId() + ":*";
    }
    if (f.location() == null || f.location().path() == null) {
      return "finding:" + f.fingerprint();
    }
    return "auto:" + family + ":" + f.location().path();
  }

  /**
   * Rules that are one kind of problem for grouping: N+1 from traces and from the scan, settings,
   * outside calls.
   */
  static String family(String ruleId) {
    if (ruleId.startsWith("nplusone.") || ruleId.equals("queries.n-plus-one")) {
      return "n-plus-one";
    }
    if (ruleId.equals(dev.auditworkbench.engine.model.OutboundFindings.MEASURED)
        || ruleId.equals(dev.auditworkbench.engine.model.OutboundFindings.BLOCKING)
        || ruleId.equals(dev.auditworkbench.engine.model.OutboundFindings.NO_TIMEOUT)) {
      return "outbound";
    }
    if (ruleId.startsWith("django.settings.")) {
      return "django.settings";
    }
    if (ruleId.startsWith("secret.")) {
      return "secret";
    }
    if (ruleId.equals("queries.seq-scan") || ruleId.equals("queries.filter-after-index")) {
      return "missing-index";
    }
    return ruleId;
  }

  private static WorkItem item(
      String key,
      List<Finding> members,
      PlanSettings settings,
      Map<String, String> overrides,
      QueryAnalysis.Result queries) {
    int impact = members.stream().mapToInt(f -> f.impact().value()).max().orElse(1);
    List<Integer> efforts =
        members.stream().map(f -> f.effort().hours()).sorted(Comparator.reverseOrder()).toList();
    int effort =
        efforts.get(0)
            + (int) Math.ceil(efforts.stream().skip(1).mapToInt(Integer::intValue).sum() / 2.0);
    effort = Math.min(effort, 10_000);
    Quadrant quadrant =
        Quadrant.of(impact, effort, settings.highImpact(), settings.lowEffortHours());
    double score = Math.round(100.0 * impact / Math.sqrt(effort) * 10) / 10.0;
    Phase phase = null;
    boolean overridden = false;
    String override = overrides.get(key);
    if (override != null) {
      phase = Phase.parse(override);
      overridden = true;
    } else {
      for (PhaseRule rule : settings.rules()) {
        if (rule.matches(members, quadrant, impact)) {
          phase = rule.phase();
          break;
        }
      }
    }
    boolean untriaged = members.stream().allMatch(f -> f.status() == Status.INBOX);
    return new WorkItem(
        key,
        title(key, members),
        List.copyOf(members),
        impact,
        effort,
        quadrant,
        score,
        phase == null ? Phase.DELETE_THE_LEGACY : phase,
        overridden,
        ExpectedGain.of(members, queries).orElse(null),
        untriaged);
  }

  /** The item's title in plain words for the client (ClientTitles): no tool codes or rule keys. */
  private static String title(String key, List<Finding> members) {
    Finding first = members.get(0);
    if (members.size() == 1) {
      return ClientTitles.of(first);
    }
    String places = members.size() + " places";
    if (key.startsWith("group:")) {
      return key.substring(6) + " (" + places + ")";
    }
    String what = ClientTitles.family(first.ruleId(), first);
    if (key.endsWith(":*")) {
      return String.format(Locale.ROOT, "%s across the code (%s)", what, places);
    }
    String where =
        key.startsWith("auto:n-plus-one:")
            ? key.substring(16)
            : key.startsWith("auto:outbound:")
                ? key.substring("auto:outbound:".length())
                : first.location().path();
    return String.format(Locale.ROOT, "%s in %s (%s)", what, where, places);
  }

  /**
   * Fingerprint of the statement an N+1 finding is about (from its trace evidence), if it has one.
   */
  static Optional<String> statementOf(Finding f) {
    return f.evidence().stream()
        .map(e -> FINGERPRINT.matcher(e.text()))
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .findFirst();
  }
}
