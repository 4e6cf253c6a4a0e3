package dev.auditworkbench.app.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.app.demo.DemoProject;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.queries.QueryAnalysis;
import dev.auditworkbench.engine.queries.QueryFindings;
import dev.auditworkbench.engine.queries.SqlFingerprint;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query analysis on the demo's real captures against DEFECTS.md: the planted N+1s with their
 * repeat counts, the unindexed filters with the right index suggestion, the correct view left
 * alone.
 */
class QueriesOnDemoTest {
  @TempDir static Path dir;
  static DemoProject.Created demo;
  static ProjectStore store;
  static QueryAnalysis.Result result;

  @BeforeAll
  static void demo() throws Exception {
    demo = DemoProject.create(dir.resolve("demo.audit"), false, ProgressListener.NONE);
    store = ProjectStore.open(demo.project());
    result = store.read(c -> QueryAnalysis.of(c, QueryAnalysis.DEFAULT_N_PLUS_ONE));
  }

  @AfterAll
  static void close() {
    store.close();
  }

  private static Map<String, Integer> nPlusOnes(String route) {
    return result.nPlusOnes().stream()
        .filter(n -> n.route().equals(route))
        .collect(
            Collectors.toMap(
                QueryAnalysis.NPlusOne::table,
                QueryAnalysis.NPlusOne::repeats,
                (a, b) -> a,
                TreeMap::new));
  }

  @Test
  void invoiceListRunsOnePlusOneHundredPlusOneHundredQueries() {
    // D-N1-1: the template reads invoice.customer.name and invoice.lines.count per invoice (100 per
    // page).
    assertEquals(
        Map.of("customers_customer", 100, "invoices_invoiceline", 100),
        nPlusOnes("GET /invoices/"));
    QueryAnalysis.NPlusOne n =
        result.nPlusOnes().stream()
            .filter(x -> x.route().equals("GET /invoices/"))
            .findFirst()
            .orElseThrow();
    assertEquals("invoices/views.py", n.viewPath());
    assertEquals(17, n.viewLine());
    assertEquals(
        "customers.models.Customer",
        result.nPlusOnes().stream()
            .filter(x -> "customers_customer".equals(x.table()))
            .findFirst()
            .orElseThrow()
            .model());
  }

  @Test
  void apiInvoiceListRunsThreeQueriesPerInvoice() {
    // D-N1-2: the hand-written serializer reads customer, lines and payments for each of 50
    // invoices.
    assertEquals(
        Map.of("customers_customer", 50, "invoices_invoiceline", 50, "payments_payment", 50),
        nPlusOnes("GET /api/v1/invoices/"));
  }

  @Test
  void overdueAndExportLoopOverInvoices() {
    // D-N1-3 and D-N1-4: one customer query per open invoice / per exported row.
    assertTrue(nPlusOnes("GET /invoices/overdue/").getOrDefault("customers_customer", 0) >= 100);
    assertTrue(nPlusOnes("GET /invoices/export.csv").getOrDefault("customers_customer", 0) >= 100);
  }

  @Test
  void statementReadsPaymentsAndCreditNotesPerInvoice() {
    // D-N1-5: customer 7's statement reads invoice.payments and invoice.credit_notes for each
    // invoice.
    Map<String, Integer> statement = nPlusOnes("GET /invoices/statement/<int:customer_id>/");
    assertEquals(Set.of("payments_payment", "invoices_creditnote"), statement.keySet());
    assertEquals(
        statement.get("payments_payment"),
        statement.get("invoices_creditnote"),
        "one of each per invoice");
  }

  @Test
  void theNightlyTaskIsAnNPlusOneOutsideAnyRequest() {
    // D-N1-7: send_overdue_reminders reads invoice.customer per open invoice; capture.sh runs it
    // from a shell.
    assertTrue(
        nPlusOnes(QueryAnalysis.OUTSIDE_REQUESTS).getOrDefault("customers_customer", 0) >= 100);
  }

  @Test
  void theCorrectViewIsNotFlagged() {
    assertEquals(Map.of(), nPlusOnes("GET /api/v1/invoices/fast/"));
    assertTrue(
        result.routes().stream().anyMatch(r -> r.route().equals("GET /api/v1/invoices/fast/")),
        "the route was captured");
  }

  @Test
  void unindexedFiltersGetTheRightIndexSuggestion() {
    // D-IDX-1: Invoice.external_ref (invoices/models.py:83) is filtered without an index.
    QueryAnalysis.PlanIssue seq =
        result.planIssues().stream()
            .filter(p -> p.kind().equals("seq-scan") && p.detail().contains("external_ref"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "CREATE INDEX CONCURRENTLY invoices_invoice_external_ref_idx ON invoices_invoice (external_ref);",
        seq.suggestion());
    assertEquals("invoices/models.py", seq.modelPath());
    assertEquals(83, seq.line());
    // D-IDX-2: the revenue report's range filter needs (tenant_id, issued_at) on Invoice
    // (invoices/models.py:55).
    QueryAnalysis.PlanIssue composite =
        result.planIssues().stream()
            .filter(p -> p.suggestion().contains("(tenant_id, issued_at)"))
            .findFirst()
            .orElseThrow();
    assertEquals("filter-after-index", composite.kind());
    assertEquals(55, composite.line());
    // ... said in Django's terms: field names (the tenant foreign key, not tenant_id) and the
    // migration.
    assertTrue(
        composite
            .djangoIndex()
            .contains(
                "indexes = [models.Index(fields=[\"tenant\", \"issued_at\"], name=\"invoice_tenant_issued_at_idx\")]"),
        composite.djangoIndex());
    assertTrue(composite.djangoIndex().contains("migrations.AddIndex(model_name=\"invoice\""));
  }

  @Test
  void findingsNameTheRouteTheCountAndTheViewAndSlowStatementsAreRanked() throws Exception {
    List<Finding> findings =
        store
            .read(
                c -> {
                  try (FindingRepository r = new FindingRepository(c)) {
                    return r.all();
                  }
                })
            .stream()
            .filter(f -> !f.gone() && f.ruleId().startsWith("queries."))
            .toList();
    Finding list =
        findings.stream()
            .filter(
                f ->
                    f.title()
                        .equals(
                            "N+1 on GET /invoices/ (static + runtime): 100 x customers.models.Customer (customers_customer) per request"))
            .findFirst()
            .orElseThrow();
    assertEquals("invoices/views.py", list.location().path());
    assertTrue(list.description().contains("invoices.views.invoice_list"), list.description());
    assertTrue(list.description().contains("Confirmed both ways"), list.description());
    // The scan's hints: confirmed by the traffic for the invoice list, still a hint for the bulk
    // action (D-N1-6,
    // which the capture does not drive).
    List<Finding> all =
        store.read(
            c -> {
              try (FindingRepository r = new FindingRepository(c)) {
                return r.all();
              }
            });
    Finding listHint =
        all.stream()
            .filter(
                f ->
                    f.ruleId().startsWith("nplusone.")
                        && "invoices.views.invoice_list".equals(f.location().symbol()))
            .findFirst()
            .orElseThrow();
    Finding bulkHint =
        all.stream()
            .filter(
                f ->
                    f.ruleId().startsWith("nplusone.")
                        && String.valueOf(f.location().symbol())
                            .startsWith("invoices.views.bulk_action"))
            .findFirst()
            .orElseThrow();
    assertEquals(Confidence.HIGH, listHint.confidence());
    assertEquals(Confidence.MEDIUM, bulkHint.confidence());
    assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals("queries.seq-scan")));
    assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals("queries.slow")));
    assertTrue(result.statements().get(0).totalMs() >= result.statements().get(1).totalMs());
    assertEquals(QueryFindings.TOOL, "workbench-queries");
  }

  @Test
  void routeLatencyMatchesTheAccessLog() throws Exception {
    // Exact nearest-rank p95 of /invoices/ (with and without its query string) from nginx's
    // $request_time.
    Pattern line =
        Pattern.compile(
            "\"GET (/invoices/(?:\\?[^ ]*)?) HTTP[^\"]*\" \\d+ \\d+ \"[^\"]*\" \"[^\"]*\" ([0-9.]+)");
    List<Double> times = new ArrayList<>();
    for (String l : Files.readAllLines(demo.captures().resolve("web/nginx-access.log"))) {
      Matcher m = line.matcher(l);
      if (m.find()) {
        times.add(Double.parseDouble(m.group(2)) * 1000);
      }
    }
    Collections.sort(times);
    double p95 = times.get((int) Math.ceil(0.95 * times.size()) - 1);
    QueryAnalysis.RouteLatency route =
        result.routes().stream()
            .filter(r -> r.route().equals("GET /invoices/"))
            .findFirst()
            .orElseThrow();
    assertEquals(times.size(), route.requests());
    assertEquals(p95, route.p95(), p95 * 0.02);
    assertEquals(1, route.days().size());
  }

  @Test
  void aSlowStatementsFiguresNameTheImportAndTheLinesTheyCameFrom() throws Exception {
    QueryAnalysis.Statement top = result.statements().get(0);
    // The server's log (the most precise of the three PostgreSQL logs of the same traffic) and
    // the checkout's traces, taken in another run: different traffic, so their figures add up.
    assertEquals("postgresql.json + checkout-traces.jsonl", result.statementSource());
    List<String> lines = List.of(top.lines().split(","));
    assertEquals(Math.min(5, top.calls()), lines.size());
    List<String> log = Files.readAllLines(demo.captures().resolve("postgres/postgresql.json"));
    for (String n : lines) {
      String entry = log.get(Integer.parseInt(n) - 1);
      String message = new ObjectMapper().readTree(entry).get("message").asText();
      String sql = message.substring(message.indexOf("statement: ") + 11);
      assertEquals(top.normalized(), SqlFingerprint.normalize(sql), "line " + n);
    }
    Finding slow =
        store
            .read(
                c -> {
                  try (FindingRepository r = new FindingRepository(c)) {
                    return r.all();
                  }
                })
            .stream()
            .filter(
                f ->
                    f.ruleId().equals("queries.slow")
                        && !f.gone()
                        && f.title().startsWith("Slow statement #1:"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        slow.evidence().stream()
            .anyMatch(
                e ->
                    e.text().startsWith("Figures from postgresql.json + checkout-traces.jsonl;")
                        && e.text()
                            .contains(
                                "first read at lines "
                                    + String.join(", ", lines)
                                    + " of import #")),
        slow.evidence().toString());
  }

  @Test
  void hotspotsTheTestsBarelyCoverBecomeFindings() throws Exception {
    List<Finding> all =
        store.read(
            c -> {
              try (FindingRepository r = new FindingRepository(c)) {
                return r.all();
              }
            });
    // Expected from coverage.py's own JSON: hotspot files with under 60% of their statements
    // covered.
    var files =
        new ObjectMapper()
            .readTree(demo.captures().resolve("scans/coverage.json").toFile())
            .get("files");
    Set<String> expected = new TreeSet<>();
    all.stream()
        .filter(f -> f.ruleId().equals("history.hotspot") && !f.gone())
        .forEach(
            h -> {
              var cov = files.get(h.location().path());
              if (cov != null) {
                var summary = cov.get("summary");
                double percent =
                    100.0
                        * summary.get("covered_lines").asInt()
                        / Math.max(1, summary.get("num_statements").asInt());
                if (percent < 60) {
                  expected.add(h.location().path());
                }
              }
            });
    Set<String> found = new TreeSet<>();
    all.stream()
        .filter(f -> f.ruleId().equals("testing.untested-hotspot") && !f.gone())
        .forEach(f -> found.add(f.location().path()));
    assertTrue(
        found.contains("invoices/models.py"),
        "the top hotspot (D-HOT-1) is barely tested: " + found);
    assertEquals(expected, found);
  }

  @Test
  void theCardCheckoutWaitsOnThePaymentProviderAsItsTracesMeasure() throws Exception {
    // D-OUT-3: payments.gateway.charge posts to the provider with requests and no timeout, from
    // the checkout view; captures/otel/checkout-traces.jsonl has twenty checkouts.
    List<Finding> all = store.read(c -> new FindingRepository(c).all());
    Finding call = one(all, "outbound.blocking-call", "payments/gateway.py:8");
    assertEquals(Confidence.HIGH, call.confidence(), "the traces confirm the static call");
    assertTrue(
        call.description()
            .contains(
                "/payments/checkout/<int:pk>/ -> payments.checkout.checkout"
                    + " -> payments.gateway.charge -> requests.post"),
        call.description());
    one(all, "outbound.no-timeout", "payments/gateway.py:8");
    // The measured wait, recomputed from the spans: the client spans under each server span of the
    // route, against the server spans' own durations.
    double routeMs = 0;
    double waitMs = 0;
    Map<String, String> routeOfSpan = new java.util.HashMap<>();
    List<com.fasterxml.jackson.databind.JsonNode> clients = new ArrayList<>();
    for (String line : Files.readAllLines(demo.captures().resolve("otel/checkout-traces.jsonl"))) {
      for (var rs : new ObjectMapper().readTree(line).get("resourceSpans")) {
        for (var ss : rs.get("scopeSpans")) {
          for (var span : ss.get("spans")) {
            String route = attribute(span, "http.route");
            if (span.get("kind").asInt() == 2 && "payments/checkout/<int:pk>/".equals(route)) {
              routeOfSpan.put(span.get("spanId").asText(), route);
              routeMs += millis(span);
            } else if (span.get("kind").asInt() == 3 && attribute(span, "http.url") != null) {
              clients.add(span);
            }
          }
        }
      }
    }
    int calls = 0;
    for (var c : clients) {
      if (routeOfSpan.containsKey(c.get("parentSpanId").asText())) {
        waitMs += millis(c);
        calls++;
      }
    }
    assertEquals(20, routeOfSpan.size());
    assertEquals(20, calls);
    Finding measured =
        all.stream()
            .filter(f -> f.ruleId().equals("outbound.measured") && !f.gone())
            .collect(Collectors.collectingAndThen(Collectors.toList(), QueriesOnDemoTest::single));
    String share = String.format(java.util.Locale.ROOT, "%.0f%%", 100 * waitMs / routeMs);
    assertEquals(
        "POST /payments/checkout/<int:pk>/ waits on api.paylane.example ("
            + share
            + " of its time)",
        measured.title());
    assertTrue(waitMs / routeMs > 0.5, "most of the checkout is the wait: " + share);
    // Placed on the view the route calls (the def under @require_POST)
    assertEquals("payments/checkout.py:12", measured.location().display());
    // One work item for the route: the measured wait, the call on its path and its missing
    // timeout, with the gain the measure promises.
    var item =
        store
            .read(c -> dev.auditworkbench.engine.priority.Planner.of(c, java.time.LocalDate.now()))
            .items()
            .stream()
            .filter(w -> w.findings().stream().anyMatch(f -> f.id() == measured.id()))
            .collect(Collectors.collectingAndThen(Collectors.toList(), QueriesOnDemoTest::single));
    assertEquals(
        List.of("outbound.blocking-call", "outbound.measured", "outbound.no-timeout"),
        item.findings().stream().map(Finding::ruleId).sorted().toList());
    assertEquals(
        "Requests waiting on outside services in /payments/checkout/<int:pk>/ (3 places)",
        item.title());
    assertTrue(
        item.expectedGain().contains("(the wait was " + share + " of its time"),
        item.expectedGain());
    assertTrue(
        measured
            .description()
            .contains(String.format(java.util.Locale.ROOT, "(%.0f of %.0f ms)", waitMs, routeMs)),
        measured.description());
  }

  @Test
  void indexUsageFindsThePlantedDuplicateAndTheUnusedIndexesThatCost() throws Exception {
    // D-IDX-4: Payment.reference has db_index=True and a Meta index on the same column (2019);
    // D-IDX-3: invoice_currency_idx was never scanned. The empty tables' small unused indexes
    // (django.contrib.auth's, the credit notes') are left out; used, unique and primary key
    // indexes are never reported.
    List<Finding> all = store.read(c -> new FindingRepository(c).all());
    List<String> indexes =
        all.stream()
            .filter(f -> f.ruleId().startsWith("pg_") && !f.gone())
            .map(f -> f.ruleId() + " " + f.title() + " at " + f.location().display())
            .sorted()
            .toList();
    assertEquals(
        List.of(
            "pg_indexes.duplicate Duplicate index payments_payment_reference_1d502039 on"
                + " payments_payment at payments/models.py:13",
            "pg_indexes.unused Unused index invoice_currency_idx on invoices_invoice at"
                + " invoices/models.py:91",
            "pg_indexes.unused Unused index payment_reference_idx on payments_payment at"
                + " payments/models.py:19",
            "pg_indexes.unused Unused index payments_payment_reference_1d502039_like on"
                + " payments_payment at payments/models.py:13"),
        indexes);
    // Recomputed from the export: every index named above was scanned 0 times, and every index
    // scanned at least once is absent.
    List<String> csv = Files.readAllLines(demo.captures().resolve("postgres/index-usage.csv"));
    List<String> header = List.of(csv.get(0).split(","));
    int name = header.indexOf("indexrelname");
    int scans = header.indexOf("idx_scan");
    for (String row : csv.subList(1, csv.size())) {
      String[] cells = row.split(",");
      boolean named = indexes.stream().anyMatch(i -> i.contains(" " + cells[name] + " on "));
      if (Long.parseLong(cells[scans]) > 0) {
        assertFalse(named, cells[name] + " was scanned");
      }
    }
  }

  private static String attribute(com.fasterxml.jackson.databind.JsonNode span, String key) {
    for (var a : span.get("attributes")) {
      if (a.get("key").asText().equals(key)) {
        return a.get("value").elements().next().asText();
      }
    }
    return null;
  }

  private static double millis(com.fasterxml.jackson.databind.JsonNode span) {
    return (Long.parseLong(span.get("endTimeUnixNano").asText())
            - Long.parseLong(span.get("startTimeUnixNano").asText()))
        / 1e6;
  }

  private static Finding one(List<Finding> all, String rule, String place) {
    return single(
        all.stream()
            .filter(f -> f.ruleId().equals(rule) && f.location().display().equals(place))
            .filter(f -> !f.gone())
            .toList());
  }

  private static <T> T single(List<T> list) {
    assertEquals(1, list.size(), list.toString());
    return list.get(0);
  }
}
