package dev.auditworkbench.engine.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Location;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.priority.Quadrant;
import dev.auditworkbench.engine.testing.FindingBuilder;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FindingQueryTest {
  private static Finding finding(
      String title, String rule, String path, String symbol, String... tools) {
    FindingBuilder b =
        FindingBuilder.finding(rule)
            .fingerprint("fp")
            .title(title)
            .description("description")
            .category(Category.SECURITY)
            .severity(Severity.HIGH)
            .location(new Location(path, 3, 3, symbol, true))
            .impact(3)
            .hours(2);
    for (String t : tools) {
      b.source(t, "R1");
    }
    return b.build();
  }

  private static FindingQuery text(String t) {
    return new FindingQuery(Set.of(), Set.of(), Set.of(), Set.of(), t);
  }

  @Test
  void textIsFoundInTitleRulePathSymbolAndToolsWhateverItsCase() {
    Finding f =
        finding(
            "SQL injection in report",
            "python.django.sql-raw",
            "billing/Views.py",
            "ExportView",
            "Semgrep");
    for (String t :
        List.of(
            "sql INJECTION", "django.sql", "billing/views", "exportview", "semgrep", "  Report ")) {
      assertTrue(text(t).test(f), t);
      assertTrue(text(t).matchesSearchable(FindingQuery.searchable(f)), t);
    }
    assertFalse(text("xss").test(f));
  }

  @Test
  void textDoesNotMatchAcrossTwoFields() {
    Finding f = finding("Open redirect", "redirect", "app.py", null, "bandit");
    assertFalse(text("redirectredirect").test(f));
    assertFalse(text("redirect redirect").test(f));
    assertEquals("open redirect\nredirect\napp.py\n\nbandit", FindingQuery.searchable(f));
  }

  @Test
  void noPathOrSymbolIsNoMatchForThem() {
    Finding f = finding("Framework out of support", "deps.eol", null, null, "workbench");
    assertTrue(text("workbench").test(f));
    assertFalse(text("null").test(f));
  }

  @Test
  void appAndQuadrantAreFiltersLikeTheOthers() {
    Finding inBilling = finding("Raw SQL", "r", "billing/views.py", null, "bandit");
    Finding topLevel = finding("Raw SQL", "r", "manage.py", null, "bandit");
    FindingQuery billing =
        new FindingQuery(
            Set.of(), Set.of(), Set.of(), Set.of(), "", Set.of("billing"), Set.of(), 4, 16);
    assertTrue(billing.test(inBilling));
    assertFalse(billing.test(topLevel));
    assertEquals(FindingQuery.TOP_LEVEL, FindingQuery.appOf(topLevel));
    // impact 3, 2 hours: a quick win only when high impact starts at 3
    var quickWins =
        new FindingQuery(
            Set.of(),
            Set.of(),
            Set.of(),
            Set.of(),
            "",
            Set.of(),
            Set.of(Quadrant.QUICK_WIN),
            4,
            16);
    assertFalse(quickWins.test(inBilling));
    assertTrue(quickWins.withLines(3, 16).test(inBilling));
    assertTrue(billing.isFiltering());
    assertFalse(FindingQuery.all().isFiltering());
    assertEquals("search \"sql\", app billing", billing.withText("SQL").describe());
    assertEquals(billing.withText(""), billing.withText("x").anyStatus().withText(""));
  }
}
