package dev.auditworkbench.app.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.app.demo.DemoProject;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.SourceRef;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One problem reported by two tools is one finding with two sources, on the demo's real captures:
 * Django's check --deploy (Django 3.2) and the scan's settings rules about the same setting, and
 * bandit's B308 and B703 (CWE-79 and CWE-80) and the scan's mark_safe rule at the same line.
 */
class CrossToolIdentityTest {
  @TempDir Path dir;

  @Test
  void aSettingOrAMarkSafeReportedByTwoToolsIsOneFinding() throws Exception {
    DemoProject.Created demo =
        DemoProject.create(dir.resolve("demo.audit"), false, ProgressListener.NONE);
    List<Finding> all;
    try (ProjectStore store = ProjectStore.open(demo.project())) {
      all =
          store.read(
              c -> {
                try (FindingRepository r = new FindingRepository(c)) {
                  return r.all();
                }
              });
    }
    Map<String, List<String>> sources = new TreeMap<>();
    all.stream()
        .filter(f -> !f.gone())
        .forEach(
            f ->
                sources.put(
                    f.ruleId() + " " + f.location().path() + ":" + f.location().startLine(),
                    f.sources().stream()
                        .map(s -> s.tool() + ":" + s.nativeRuleId())
                        .sorted()
                        .toList()));
    // Every check --deploy warning about a setting the scan judges is a second source of the scan's
    // finding.
    Map<String, String> merged =
        Map.of(
            "django.settings.hsts ledgerly/settings/prod.py:1", "django-check:security.W004",
            "django.settings.ssl-redirect ledgerly/settings/prod.py:16",
                "django-check:security.W008",
            "django.settings.secret-key ledgerly/settings/base.py:7", "django-check:security.W009",
            "django.settings.session-cookie-secure ledgerly/settings/prod.py:11",
                "django-check:security.W012",
            "django.settings.csrf-cookie-secure ledgerly/settings/prod.py:12",
                "django-check:security.W016",
            "django.settings.debug ledgerly/settings/prod.py:7", "django-check:security.W018",
            "django.settings.x-frame-options ledgerly/settings/prod.py:17",
                "django-check:security.W019");
    merged.forEach(
        (finding, check) ->
            assertTrue(
                sources.getOrDefault(finding, List.of()).contains(check),
                finding + " has " + sources.get(finding)));
    assertEquals(
        List.of(),
        sources.keySet().stream().filter(k -> k.startsWith("django.check.")).toList(),
        "no check --deploy warning left on its own");
    assertEquals(
        List.of("bandit:B703, B308", "workbench:code.xss-mark-safe"),
        sources.get("code.xss-mark-safe invoices/templatetags/invoice_tags.py:10"));
    assertTrue(
        sources.keySet().stream().noneMatch(k -> k.startsWith("bandit.B703")),
        sources.keySet().toString());
    // Each problem is counted once (in the OWASP table too): every finding Django's check reported
    // is one of the scan's settings findings, and no bandit mark_safe result stands on its own.
    List<Finding> fromCheck =
        all.stream()
            .filter(f -> !f.gone())
            .filter(f -> f.sources().stream().map(SourceRef::tool).anyMatch("django-check"::equals))
            .toList();
    assertEquals(
        merged.size(),
        fromCheck.size(),
        fromCheck.stream().map(Finding::ruleId).toList().toString());
    assertTrue(
        fromCheck.stream()
            .allMatch(
                f ->
                    f.ruleId().startsWith("django.settings.")
                        && f.sources().stream()
                            .map(SourceRef::tool)
                            .anyMatch("workbench"::equals)));
  }
}
