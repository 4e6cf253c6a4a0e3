package dev.auditworkbench.engine.priority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.DismissReason;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Location;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.testing.FindingBuilder;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlannerTest {
  private static final PlanSettings SETTINGS =
      new PlanSettings(4, 16, 2, 30, LocalDate.of(2026, 11, 30), "");
  private static int next;

  static Finding finding(
      String rule,
      Category category,
      Severity severity,
      int impact,
      int hours,
      String path,
      String symbol,
      String description) {
    next++;
    return FindingBuilder.finding(rule)
        .id(next)
        .fingerprint(String.format("%040x", next))
        .title(rule + " #" + next)
        .description(description)
        .category(category)
        .severity(severity)
        .location(
            new Location(path, path == null ? 0 : 10, path == null ? 0 : 10, symbol, path != null))
        .evidence(Evidence.Kind.TEXT, "x")
        .source("workbench", rule)
        .impact(impact)
        .hours(hours)
        .build();
  }

  static Finding with(
      Finding f, Status status, Impact impactOverride, Effort effortOverride, long gone) {
    return FindingBuilder.from(f)
        .status(status, status == Status.DISMISSED ? DismissReason.FALSE_POSITIVE : null)
        .impactOverride(impactOverride)
        .effortOverride(effortOverride)
        .gone(gone)
        .build();
  }

  static Finding lowConfidence(Finding f) {
    return FindingBuilder.from(f).confidence(Confidence.LOW).build();
  }

  @Test
  void lowConfidencePlacesToReviewArePlannedOnlyOnceTriaged() {
    Finding sql =
        lowConfidence(
            finding(
                "code.sql-injection",
                Category.SECURITY,
                Severity.HIGH,
                5,
                2,
                "a/views.py",
                "a.views.x",
                "SQL built with string formatting"));
    Finding fat =
        finding(
            "workbench.fat-module",
            Category.MAINTAINABILITY,
            Severity.MEDIUM,
            2,
            16,
            "a/models.py",
            "a.models",
            "big");
    assertTrue(sql.unreviewedLowConfidence());
    assertFalse(sql.counted());
    assertTrue(fat.counted());
    Planner.Plan inbox = Planner.plan(List.of(sql, fat), Map.of(), Map.of(), SETTINGS, null);
    assertEquals(
        List.of("workbench.fat-module"),
        inbox.items().stream().flatMap(w -> w.findings().stream()).map(Finding::ruleId).toList(),
        "an untriaged low-confidence place is not planned");
    Finding kept = with(sql, Status.CONFIRMED, null, null, 0);
    assertTrue(kept.counted(), "moved by an auditor: counted like any finding");
    Planner.Plan triaged = Planner.plan(List.of(kept, fat), Map.of(), Map.of(), SETTINGS, null);
    assertEquals(2, triaged.items().size());
    Planner.Plan grouped =
        Planner.plan(
            List.of(sql, fat), Map.of(sql.fingerprint(), "Raw SQL"), Map.of(), SETTINGS, null);
    assertEquals(2, grouped.items().size(), "grouped by an auditor: planned");
  }

  @Test
  void quadrantBoundaries() {
    assertEquals(Quadrant.QUICK_WIN, Quadrant.of(4, 16, 4, 16));
    assertEquals(Quadrant.MAJOR_PROJECT, Quadrant.of(4, 17, 4, 16));
    assertEquals(Quadrant.FILL_IN, Quadrant.of(3, 16, 4, 16));
    assertEquals(Quadrant.MONEY_PIT, Quadrant.of(3, 17, 4, 16));
    assertEquals(Quadrant.QUICK_WIN, Quadrant.of(3, 8, 3, 8), "the thresholds are settings");
    assertEquals(Quadrant.MONEY_PIT, Quadrant.of(2, 9, 3, 8));
  }

  @Test
  void relatedFindingsBecomeOneWorkItemWithACombinedEffort() {
    // Three N+1 findings on one view: two from traces (served by the view), one hint in the view's
    // template.
    Finding a =
        finding(
            "queries.n-plus-one",
            Category.PERFORMANCE,
            Severity.HIGH,
            4,
            4,
            "api/views.py",
            "GET /api/x/",
            "... The route is served by api.views.invoice_list (api/views.py:10).");
    Finding b =
        finding(
            "queries.n-plus-one",
            Category.PERFORMANCE,
            Severity.HIGH,
            3,
            4,
            "api/views.py",
            "GET /api/x/",
            "... The route is served by api.views.invoice_list (api/views.py:10).");
    Finding c =
        finding(
            "nplusone.template",
            Category.PERFORMANCE,
            Severity.MEDIUM,
            3,
            2,
            "templates/x.html",
            "api.views.invoice_list",
            "template loop");
    Finding other =
        finding(
            "nplusone.loop",
            Category.PERFORMANCE,
            Severity.MEDIUM,
            3,
            2,
            "api/views.py",
            "api.views.other",
            "loop");
    Planner.Plan plan = Planner.plan(List.of(a, b, c, other), Map.of(), Map.of(), SETTINGS, null);
    Planner.WorkItem item =
        plan.items().stream().filter(w -> w.findings().size() == 3).findFirst().orElseThrow();
    assertEquals("auto:n-plus-one:api.views.invoice_list", item.key());
    assertEquals("N+1 queries in api.views.invoice_list (3 places)", item.title());
    assertEquals(4, item.impact(), "the highest member's");
    assertEquals(
        4 + 3, item.effortHours(), "the largest effort plus half of the others (4 + 2 halved up)");
    assertEquals(Quadrant.QUICK_WIN, item.quadrant());
    assertEquals(2, plan.items().size());

    // The auditor's group wins over the automatic one.
    Planner.Plan grouped =
        Planner.plan(
            List.of(a, b, c, other),
            Map.of(a.fingerprint(), "API speed-up", other.fingerprint(), "API speed-up"),
            Map.of(),
            SETTINGS,
            null);
    assertTrue(
        grouped.items().stream()
            .anyMatch(
                w ->
                    w.key().equals("group:API speed-up")
                        && w.findings().size() == 2
                        && w.title().equals("API speed-up (2 places)")));
  }

  @Test
  void lintMessagesOfOneRuleAreOneChangeAcrossTheRepository() {
    Finding x =
        finding("pylint.C0114", Category.MAINTAINABILITY, Severity.INFO, 1, 1, "a.py", null, "");
    Finding y =
        finding("pylint.C0114", Category.MAINTAINABILITY, Severity.INFO, 1, 1, "b/c.py", null, "");
    x =
        FindingBuilder.from(x)
            .title("C0114 missing-module-docstring: Missing module docstring")
            .onlySource("pylint", "C0114")
            .build();
    y = FindingBuilder.from(y).onlySource("pylint", "C0114").build();
    Planner.Plan plan = Planner.plan(List.of(y, x), Map.of(), Map.of(), SETTINGS, null);
    assertEquals(1, plan.items().size());
    assertEquals("auto:pylint.C0114:*", plan.items().get(0).key());
    assertEquals(2, plan.items().get(0).effortHours(), "1 + 1 halved up");
  }

  @Test
  void phasesFollowTheRulesTheAuditorsRulesFirstAndOverridesWin() {
    Finding secret =
        finding("secret.aws-key", Category.SECURITY, Severity.HIGH, 5, 4, "settings.py", null, "");
    Finding cycle =
        finding(
            "workbench.import-cycle",
            Category.ARCHITECTURE,
            Severity.MEDIUM,
            3,
            16,
            "a.py",
            null,
            "");
    Finding coverage =
        finding("coverage.poor", Category.TESTING, Severity.LOW, 2, 16, "b.py", null, "");
    Finding perf =
        finding("queries.slow", Category.PERFORMANCE, Severity.MEDIUM, 3, 16, null, "SQL 1", "");
    Finding upgrade =
        finding(
            "dependency.django-support",
            Category.DEPENDENCIES,
            Severity.HIGH,
            4,
            80,
            "requirements.txt",
            null,
            "");
    Finding lint =
        finding("pylint.W0611", Category.MAINTAINABILITY, Severity.MEDIUM, 2, 2, "c.py", null, "");
    List<Finding> all = List.of(secret, cycle, coverage, perf, upgrade, lint);
    Map<String, Phase> phases = phaseByRule(Planner.plan(all, Map.of(), Map.of(), SETTINGS, null));
    assertEquals(
        Map.of(
            "secret.aws-key",
            Phase.STOP_THE_BLEEDING,
            "workbench.import-cycle",
            Phase.MAP_THE_SEAMS,
            "coverage.poor",
            Phase.CAPTURE_GROUND_TRUTH,
            "queries.slow",
            Phase.STRANGLER_FIG,
            "dependency.django-support",
            Phase.BRANCH_BY_ABSTRACTION,
            "pylint.W0611",
            Phase.DELETE_THE_LEGACY),
        phases);

    PlanSettings mine =
        new PlanSettings(
            4,
            16,
            2,
            30,
            SETTINGS.start(),
            "rule:queries.* = stop-the-bleeding\nimpact>=4 & category:dependencies = 6");
    Map<String, Phase> changed =
        phaseByRule(
            Planner.plan(
                all,
                Map.of(),
                Map.of("finding:" + lint.fingerprint(), "map-the-seams"),
                mine,
                null));
    assertEquals(Phase.STOP_THE_BLEEDING, changed.get("queries.slow"));
    assertEquals(Phase.DELETE_THE_LEGACY, changed.get("dependency.django-support"));
    assertEquals(Phase.MAP_THE_SEAMS, changed.get("pylint.W0611"), "the auditor's override");
    assertThrows(IllegalArgumentException.class, () -> PhaseRule.parse("colour:red = 1"));
    assertThrows(IllegalArgumentException.class, () -> PhaseRule.parse("category:security = 9"));
  }

  private static Map<String, Phase> phaseByRule(Planner.Plan plan) {
    return plan.items().stream()
        .collect(Collectors.toMap(w -> w.findings().get(0).ruleId(), Planner.WorkItem::phase));
  }

  @Test
  void overridesDismissedAndGoneFindingsShapeThePlan() {
    Finding a =
        finding("code.sql-injection", Category.SECURITY, Severity.HIGH, 4, 3, "x.py", null, "");
    Finding overridden = with(a, Status.CONFIRMED, Impact.of(2), Effort.hours(40), 0);
    Finding dismissed =
        with(
            finding("code.xss", Category.SECURITY, Severity.HIGH, 4, 3, "y.py", null, ""),
            Status.DISMISSED,
            null,
            null,
            0);
    Finding gone =
        with(
            finding("code.csrf", Category.SECURITY, Severity.HIGH, 4, 3, "z.py", null, ""),
            Status.INBOX,
            null,
            null,
            7);
    Planner.Plan plan =
        Planner.plan(List.of(overridden, dismissed, gone), Map.of(), Map.of(), SETTINGS, null);
    assertEquals(1, plan.items().size());
    Planner.WorkItem item = plan.items().get(0);
    assertEquals(2, item.impact());
    assertEquals(40, item.effortHours());
    assertEquals(Quadrant.MONEY_PIT, item.quadrant());
    assertFalse(item.untriaged());
    assertEquals(1, plan.openFindings());
    assertEquals(0, plan.untriagedFindings());
  }

  @Test
  void theRoadmapRunsThePhasesInOrderAtTheTeamsCapacity() {
    Finding quick =
        finding("code.sql-injection", Category.SECURITY, Severity.HIGH, 4, 4, "x.py", null, "");
    Finding seams =
        finding(
            "workbench.import-cycle",
            Category.ARCHITECTURE,
            Severity.MEDIUM,
            3,
            90,
            "a.py",
            null,
            "");
    Finding legacy =
        finding("pylint.W0611", Category.MAINTAINABILITY, Severity.MEDIUM, 2, 30, "c.py", null, "");
    Planner.Plan plan =
        Planner.plan(List.of(quick, seams, legacy), Map.of(), Map.of(), SETTINGS, null);
    List<Planner.PhasePlan> phases = plan.phases();
    assertEquals(6, phases.size());
    // Stop the bleeding: 4 h, but the framework gives it two weeks.
    assertEquals(4, phases.get(0).hours());
    assertEquals(2.0, phases.get(0).weeks());
    assertEquals(LocalDate.of(2026, 11, 30), phases.get(0).start());
    assertEquals(LocalDate.of(2026, 12, 13), phases.get(0).end());
    // Map the seams: 90 h at 2 x 30 h a week = 1.5 weeks.
    assertEquals(1.5, phases.get(1).weeks());
    assertEquals(LocalDate.of(2026, 12, 14), phases.get(1).start());
    // Delete the legacy: 30 h = half a week, after the empty phases.
    assertEquals(0.5, phases.get(5).weeks());
    assertEquals(124, plan.totalHours());
    assertEquals(4.0, plan.totalWeeks());
    PlanSettings bigger = new PlanSettings(4, 16, 6, 30, SETTINGS.start(), "");
    assertEquals(
        0.5,
        Planner.plan(List.of(quick, seams, legacy), Map.of(), Map.of(), bigger, null)
            .phases()
            .get(1)
            .weeks());
  }
}
