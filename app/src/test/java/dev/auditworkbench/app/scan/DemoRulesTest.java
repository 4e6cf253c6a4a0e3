package dev.auditworkbench.app.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.app.demo.DemoProject;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scan's Django-aware rules find every planted problem of DEFECTS.md at its line, and nothing
 * on clean code.
 */
class DemoRulesTest {
  @TempDir static Path dir;
  static DemoProject.Created demo;
  static List<Finding> scan;

  @BeforeAll
  static void scanTheDemo() throws Exception {
    demo = DemoProject.create(dir.resolve("demo.audit"), false, ProgressListener.NONE);
    try (ProjectStore store = ProjectStore.open(demo.project())) {
      scan =
          store.read(c -> new FindingRepository(c).all()).stream()
              .filter(f -> f.sources().stream().anyMatch(s -> s.tool().equals("workbench")))
              .toList();
    }
  }

  private static String places() {
    return scan.stream()
        .map(f -> f.ruleId() + "@" + f.location().display())
        .sorted()
        .collect(Collectors.joining("\n"));
  }

  @ParameterizedTest(name = "{0} at {2}")
  @CsvSource({
    "D-SET-1, django.settings.debug, ledgerly/settings/prod.py:7",
    "D-SET-2, django.settings.secret-key, ledgerly/settings/base.py:7",
    "D-SET-3, django.settings.allowed-hosts, ledgerly/settings/prod.py:9",
    "D-SET-4, django.settings.session-cookie-secure, ledgerly/settings/prod.py:11",
    "D-SET-5, django.settings.csrf-cookie-secure, ledgerly/settings/prod.py:12",
    "D-SET-6, django.settings.session-cookie-samesite, ledgerly/settings/prod.py:14",
    "D-SET-7, django.settings.ssl-redirect, ledgerly/settings/prod.py:16",
    "D-SET-8, django.settings.hsts, ledgerly/settings/prod.py:1",
    "D-SET-9, django.settings.csp, ledgerly/settings/base.py:31",
    "D-SET-10, django.settings.password-hashers, ledgerly/settings/base.py:78",
    "D-SEC-1, secret.aws-access-key-id, ledgerly/settings/prod.py:21",
    "D-SEC-2, secret.aws-secret-access-key, ledgerly/settings/prod.py:22",
    "D-SEC-3, secret.password-literal, ledgerly/settings/prod.py:19",
    "D-SEC-4, secret.private-key, deploy/ssh/id_rsa_deploy:1",
    "D-SEC-5, secret.env-assignment, .env:4",
    "D-SEC-6, secret.stripe-key, .env:5",
    "D-SQL-1, code.sql-injection, payments/views.py:39",
    "D-SQL-2, code.sql-injection, reports/views.py:19",
    "D-SQL-3, code.sql-injection, reports/views.py:33",
    "D-SQL-4, code.sql-injection, reports/management/commands/monthly_revenue.py:23",
    "D-XSS-1, code.xss-mark-safe, invoices/templatetags/invoice_tags.py:10",
    "D-XSS-2, code.xss-template-safe, templates/invoices/detail.html:13",
    "D-CSRF-1, code.csrf-exempt, payments/views.py:13",
    "D-TEN-1, tenancy.unscoped-manager, customers/models.py:25",
    "D-TEN-2, tenancy.unscoped-query, payments/views.py:21",
    "D-TEN-3, tenancy.unscoped-query, reports/views.py:27",
    "D-TEN-4, tenancy.unscoped-query, customers/views.py:13",
    "D-TEN-4, tenancy.unscoped-query, customers/views.py:19",
    "D-TEN-4, tenancy.unscoped-query, invoices/views.py:127",
    "D-CYC-1, workbench.app-cycle, ledger/services.py:5",
    "D-CYC-2, workbench.app-cycle, customers/views.py:5",
    "D-PY2-1, workbench.parse-error, scripts/legacy_import.py:12",
    "D-N1-1, nplusone.template, templates/invoices/list.html:8",
    "D-N1-2, nplusone.serializer, api/views.py:12",
    "D-N1-3, nplusone.loop, invoices/views.py:36",
    "D-N1-3, nplusone.template, templates/invoices/overdue.html:5",
    "D-N1-5, nplusone.loop, invoices/views.py:136",
    "D-N1-6, nplusone.loop, invoices/views.py:168",
    "D-N1-7, nplusone.loop, notifications/tasks.py:21",
    "D-DB-1, django.performance.conn-max-age, ledgerly/settings/base.py:62",
    "D-DB-2, django.performance.local-cache, ledgerly/settings/prod.py:30",
    "D-OUT-1, outbound.blocking-call, invoices/views.py:83",
    "D-OUT-2, outbound.blocking-call, invoices/views.py:183",
    "D-OUT-3, outbound.blocking-call, payments/gateway.py:8",
    "D-OUT-3, outbound.no-timeout, payments/gateway.py:8",
    "D-DEP-1, dependency.django-support, requirements.txt:2",
    "D-DEP-2, dependency.unmaintained, requirements.txt:5",
    "D-DEP-3, dependency.unmaintained, requirements.txt:6",
    "D-DEP-4, dependency.unpinned, requirements.txt:7",
    "D-DEP-5, dependency.unpinned, requirements-dev.txt:4"
  })
  void plantedProblemIsFound(String defect, String rule, String place) {
    assertTrue(
        scan.stream()
            .anyMatch(f -> f.ruleId().equals(rule) && f.location().display().equals(place)),
        defect + " (" + rule + " at " + place + ") not found among:\n" + places());
  }

  @Test
  void developmentSettingsAndCleanViewsAreNotFlagged() {
    List<String> paths = List.of("ledgerly/settings/dev.py", "api/views.py", "tenants/managers.py");
    for (Finding f : scan) {
      if (f.ruleId().startsWith("django.")
          || f.ruleId().startsWith("code.")
          || f.ruleId().startsWith("secret.")
          || f.ruleId().startsWith("tenancy.")) {
        assertFalse(
            paths.contains(f.location().path()),
            f.ruleId() + " on clean code at " + f.location().display());
        // customer_detail (customers/views.py:22-33) filters by request.tenant: not a leak.
        assertFalse(
            f.location().path() != null
                && f.location().path().equals("customers/views.py")
                && f.location().startLine() >= 22
                && f.location().startLine() <= 33,
            f.ruleId() + " on the tenant-filtered view");
      }
    }
    assertEquals(
        List.of(
            "customers/models.py:25",
            "customers/views.py:13",
            "customers/views.py:19",
            "invoices/views.py:127",
            "payments/views.py:21",
            "reports/views.py:27"),
        scan.stream()
            .filter(f -> f.ruleId().startsWith("tenancy."))
            .map(f -> f.location().display())
            .sorted()
            .toList(),
        "the Customer manager and the planted view leaks, nothing else");
    // Only the table's packages are called unmaintained: celery 4.4.7 and requests are old or
    // unpinned, not dead.
    assertEquals(
        List.of("requirements.txt:5", "requirements.txt:6"),
        scan.stream()
            .filter(f -> f.ruleId().equals("dependency.unmaintained"))
            .map(f -> f.location().display())
            .sorted()
            .toList());
  }

  @Test
  void nPlusOneHintsAreExactlyThePlantedOnesAndNameTheirViews() {
    List<String> hints =
        scan.stream()
            .filter(f -> f.ruleId().startsWith("nplusone."))
            .map(f -> f.location().display() + " " + f.location().symbol())
            .sorted()
            .toList();
    assertEquals(
        List.of(
            "api/views.py:12 api.views.invoice_list",
            "invoices/views.py:136 invoices.views.statement",
            "invoices/views.py:168 invoices.views.bulk_action",
            "invoices/views.py:36 invoices.views.overdue_invoices",
            "notifications/tasks.py:21 notifications.tasks.send_overdue_reminders",
            "templates/invoices/list.html:8 invoices.views.invoice_list",
            "templates/invoices/list.html:8 invoices.views.search",
            "templates/invoices/overdue.html:5 invoices.views.overdue_invoices"),
        hints);
    Finding list =
        scan.stream()
            .filter(
                f ->
                    f.ruleId().equals("nplusone.template")
                        && f.location().symbol().equals("invoices.views.invoice_list"))
            .findFirst()
            .orElseThrow();
    assertTrue(list.description().contains("invoice.customer.name (line 11)"), list.description());
    assertTrue(
        list.description()
            .contains(".select_related(\"customer\") and .prefetch_related(\"lines\")"),
        list.description());
  }

  @Test
  void blockingCallsAreThePlantedOnesWithTheirRoutesAndNotTheTaskOrCommand() {
    List<String> calls =
        scan.stream()
            .filter(f -> f.ruleId().startsWith("outbound."))
            .map(f -> f.ruleId() + " " + f.location().display())
            .sorted()
            .toList();
    // D-OUT-1, D-OUT-2, D-OUT-3; notifications/tasks.py:41 and the monthly_revenue command send
    // the same mail off the request path; a missing timeout is looked for on HTTP clients' calls
    assertEquals(
        List.of(
            "outbound.blocking-call invoices/views.py:183",
            "outbound.blocking-call invoices/views.py:83",
            "outbound.blocking-call payments/gateway.py:8",
            "outbound.no-timeout payments/gateway.py:8"),
        calls);
    Finding remind =
        scan.stream()
            .filter(f -> f.location().display().equals("invoices/views.py:83"))
            .filter(f -> f.ruleId().equals("outbound.blocking-call"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        remind
            .description()
            .contains(
                "/invoices/<int:pk>/remind/ -> invoices.views.send_reminder ->"
                    + " django.core.mail.send_mail"),
        remind.description());
  }

  @Test
  void onlyThePlantedAppCyclesAreReported() {
    assertEquals(
        List.of(
            "Apps import each other: customers <-> invoices",
            "Apps import each other: ledger <-> payments"),
        scan.stream()
            .filter(f -> f.ruleId().equals("workbench.app-cycle"))
            .map(Finding::title)
            .sorted()
            .toList());
  }

  @Test
  void secretsAreMaskedInTheFindingsAndAbsentFromTheProjectFile() throws Exception {
    List<String> planted =
        List.of(
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYDEMOKEY1x7",
            "AKIAQ4NGX7DEMO5LEDGR",
            "sk_live_51Hx7QpLZ0bFakeKeyForDemoOnly9x8c7v6b5n4m3",
            "Sup3rS3cretLedger!",
            "ledgerly-prod-2017");
    for (Finding f : scan) {
      String text =
          f.title()
              + f.description()
              + f.evidence().stream().map(Evidence::text).collect(Collectors.joining());
      planted.forEach(
          secret -> assertFalse(text.contains(secret), "secret shown in " + f.ruleId()));
    }
    String project = new String(Files.readAllBytes(demo.project()), StandardCharsets.ISO_8859_1);
    planted.forEach(
        secret -> assertFalse(project.contains(secret), "secret stored in the project file"));
  }

  @Test
  void historyNamesTheHotspotAndTheBusFactorWithTheirCommits() {
    List<Finding> hotspots =
        scan.stream().filter(f -> f.ruleId().equals("history.hotspot")).toList();
    Finding first =
        hotspots.stream()
            .filter(f -> f.title().startsWith("Hotspot #1:"))
            .findFirst()
            .orElseThrow();
    assertEquals("invoices/models.py", first.location().path());
    assertTrue(hotspots.size() <= 10, "at most threshold.hotspots");
    assertTrue(hotspots.stream().noneMatch(f -> f.location().path().contains("/migrations/")));
    assertTrue(
        first
            .evidence()
            .get(0)
            .text()
            .matches("(?s)score \\d+ = \\d+ commits x complexity \\d+\nCommits: [0-9a-f]{7}.*"),
        first.evidence().get(0).text());

    List<String> risks =
        scan.stream()
            .filter(f -> f.ruleId().equals("history.knowledge-risk"))
            .map(Finding::title)
            .toList();
    assertTrue(
        risks.stream()
            .anyMatch(
                t ->
                    t.matches(
                        "Knowledge risk: invoices/ - (8\\d|9\\d|100)% of the changes by Martin Keller")),
        String.join("\n", risks));
  }

  @Test
  void theSeamBetweenPaymentsAndTheRestHasImportsBothWays() {
    List<Finding> cycles =
        scan.stream().filter(f -> f.ruleId().equals("seams.cluster-cycle")).toList();
    assertEquals(1, cycles.size(), places());
    Finding seam = cycles.get(0);
    assertTrue(seam.title().endsWith("<-> cluster 2 (ledger, payments)"), seam.title());
    String evidence = seam.evidence().get(0).text();
    assertTrue(evidence.contains("payments.") && evidence.contains("-> invoices."), evidence);
  }
}
