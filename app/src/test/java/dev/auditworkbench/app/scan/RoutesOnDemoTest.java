package dev.auditworkbench.app.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.app.demo.DemoProject;
import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.django.RouteResolver;
import dev.auditworkbench.engine.ingest.ImportService;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.store.ScanRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** URLs resolve to the demo's views the way Django would, and web findings land on those views. */
class RoutesOnDemoTest {
  @TempDir static Path dir;
  static ProjectStore store;
  static RouteResolver routes;

  @BeforeAll
  static void demo() throws Exception {
    DemoProject.Created demo =
        DemoProject.create(dir.resolve("demo.audit"), false, ProgressListener.NONE);
    store = ProjectStore.open(demo.project());
    routes =
        new RouteResolver(
            store
                .read(c -> new ScanRepository(c).latestFacts("inventory", DjangoInventory.class))
                .orElseThrow());
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @ParameterizedTest
  @CsvSource({
    "/, customers.views.dashboard",
    "/invoices/3/, invoices.views.invoice_detail",
    "/invoices/3/remind/, invoices.views.send_reminder",
    "/invoices/export.csv, invoices.views.export_csv",
    "/api/v1/customers/12/balance/, api.views.customer_balance",
    "/payments/webhook/, payments.views.provider_webhook"
  })
  void urlsResolveToTheirViews(String url, String view) {
    assertEquals(view, routes.resolve(url).orElseThrow().route().view());
  }

  @Test
  void unknownUrlsDoNotResolve() {
    assertTrue(routes.resolve("/invoices/abc/").isEmpty(), "<int:pk> only matches digits");
    assertTrue(routes.resolve("/nowhere/").isEmpty());
  }

  @Test
  void zapAlertsOnDemoUrlsLandOnTheViewsThatServeThem() throws Exception {
    // A ZAP JSON report in ZAP's layout about two demo URLs.
    Path zap =
        Files.writeString(
            dir.resolve("zap.json"),
            "{\"@version\": \"2.14.0\", \"site\": [{\"@name\": \"http://127.0.0.1:8780\","
                + " \"alerts\": [{\"pluginid\": \"10202\", \"name\": \"Absence of Anti-CSRF Tokens\", \"riskcode\": \"2\","
                + " \"confidence\": \"2\", \"cweid\": \"352\", \"desc\": \"<p>No anti-CSRF tokens were found.</p>\","
                + " \"instances\": [{\"uri\": \"http://127.0.0.1:8780/payments/webhook/\", \"method\": \"POST\"}]}]}]}");
    new ImportService(store, ImporterRegistry.load(), Clock.systemUTC())
        .importFile(zap, null, ProgressListener.NONE);
    List<Finding> found =
        store.read(c -> new FindingRepository(c).all()).stream()
            .filter(f -> f.sources().stream().anyMatch(s -> s.tool().equals("zap")))
            .toList();
    assertEquals(1, found.size());
    Finding f = found.get(0);
    assertEquals("payments/views.py", f.location().path());
    assertEquals(
        13, f.location().startLine(), "the def line of provider_webhook (after its decorator)");
    // The scan already flagged this view's @csrf_exempt (CWE-352): ZAP's alert is the same problem,
    // one finding.
    assertEquals("code.csrf-exempt", f.ruleId());
    assertEquals(List.of("workbench", "zap"), f.sources().stream().map(s -> s.tool()).toList());
  }

  @Test
  void indexStatisticsLandOnTheModelThatMakesTheIndex() throws Exception {
    // PostgreSQL 15's statistics of a table shaped like the demo's invoices_invoice
    // (importers/src/test/pg-capture/capture-index-usage.sh).
    Path usage =
        Path.of("../importers/src/test/resources/samples/postgres/index-usage.csv")
            .toAbsolutePath()
            .normalize();
    new ImportService(store, ImporterRegistry.load(), Clock.systemUTC())
        .importFile(usage, null, ProgressListener.NONE);
    List<String> found =
        store.read(c -> new FindingRepository(c).all()).stream()
            .filter(
                f ->
                    f.sources().stream().anyMatch(s -> s.tool().equals("pg_stat_user_indexes"))
                        // the demo's own capture has the payments table's (QueriesOnDemoTest)
                        && f.location().symbol().contains(" on invoices_invoice "))
            .map(f -> f.ruleId() + " " + f.location().display() + " " + f.location().symbol())
            .sorted()
            .toList();
    assertEquals(
        List.of(
            "pg_indexes.duplicate invoices/models.py:73 invoices_invoice_status_8c1d4e2b on"
                + " invoices_invoice (status) -> invoices.models.Invoice.status",
            "pg_indexes.redundant invoices/models.py:55 invoice_tenant_idx on invoices_invoice"
                + " (tenant_id) -> invoices.models.Invoice",
            "pg_indexes.unused invoices/models.py:73 invoice_status_copy on invoices_invoice"
                + " (status) -> invoices.models.Invoice.status",
            // D-IDX-3: the Meta.indexes entry of the Invoice model
            "pg_indexes.unused invoices/models.py:91 invoice_currency_idx on invoices_invoice"
                + " (currency) -> invoices.models.Invoice Meta.indexes invoice_currency_idx"),
        found);
  }

  @Test
  void aSmallTraceSampleDoesNotHideTheLogsRequests() throws Exception {
    var before =
        store.read(
            c ->
                dev.auditworkbench.engine.queries.QueryAnalysis.of(
                    c, dev.auditworkbench.engine.queries.QueryAnalysis.DEFAULT_N_PLUS_ONE));
    // eleven traced requests beside the demo's 186 logged ones
    Path traces =
        Path.of("../importers/src/test/resources/samples/otel/traces-outbound.jsonl")
            .toAbsolutePath()
            .normalize();
    new ImportService(store, ImporterRegistry.load(), Clock.systemUTC())
        .importFile(traces, null, ProgressListener.NONE);
    var after =
        store.read(
            c ->
                dev.auditworkbench.engine.queries.QueryAnalysis.of(
                    c, dev.auditworkbench.engine.queries.QueryAnalysis.DEFAULT_N_PLUS_ONE));
    assertEquals(before.windows(), after.windows());
    assertEquals(before.nPlusOnes().size(), after.nPlusOnes().size());
    assertTrue(after.nPlusOnes().size() > 0);
  }
}
