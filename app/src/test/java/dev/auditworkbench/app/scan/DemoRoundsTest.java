package dev.auditworkbench.app.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.app.demo.DemoProject;
import dev.auditworkbench.engine.model.FindingTally;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.progress.Progress;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.testing.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's second round ({@code workbench demo --rounds}): the same traffic captured by
 * capture.sh with VARIANT=after on the app with after-fixes.patch (the N+1 patterns of /invoices/
 * and /invoices/search/ fixed, the index on invoices.external_ref added). The figures compared are
 * checked against the capture files themselves.
 */
class DemoRoundsTest {
  @TempDir static Path dir;
  static Progress.Comparison compared;
  static FindingTally tally;

  private static final Pattern LINE =
      Pattern.compile(
          "\"([A-Z]+) (\\S+) HTTP/[0-9.]+\" (\\d{3}) \\d+ \"[^\"]*\" \"[^\"]*\" ([0-9.]+)");

  @BeforeAll
  static void demoWithItsSecondRound() throws Exception {
    Path file =
        DemoProject.create(
                dir.resolve("demo.audit"), DemoProject.Replace.NEVER, true, ProgressListener.NONE)
            .project();
    try (AuditProject p = AuditProject.open(file)) {
      compared = p.rounds().compare(null, null);
      tally = p.findings().tally();
    }
  }

  /** Request durations in ms per "METHOD path" (query strings cut), from an nginx log. */
  private static Map<String, List<Double>> durations(String resource) throws Exception {
    Map<String, List<Double>> out = new TreeMap<>();
    for (String l : Files.readAllLines(Resources.path(DemoRoundsTest.class, resource))) {
      Matcher m = LINE.matcher(l);
      if (m.find()) {
        out.computeIfAbsent(
                m.group(1) + " " + m.group(2).replaceAll("\\?.*", ""), k -> new ArrayList<>())
            .add(Double.parseDouble(m.group(4)) * 1000);
      }
    }
    return out;
  }

  /** The server spans of OTLP JSON traces: "GET /payments/recent/" -> durations in ms. */
  private static void addTraced(Map<String, List<Double>> out, String resource) throws Exception {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    for (String l : Files.readAllLines(Resources.path(DemoRoundsTest.class, resource))) {
      for (var rs : mapper.readTree(l).get("resourceSpans")) {
        for (var ss : rs.get("scopeSpans")) {
          for (var span : ss.get("spans")) {
            if (span.get("kind").asInt() != 2) {
              continue; // not a SERVER span
            }
            Map<String, String> a = new TreeMap<>();
            span.get("attributes")
                .forEach(
                    x -> a.put(x.get("key").asText(), x.get("value").elements().next().asText()));
            out.computeIfAbsent(
                    a.get("http.method") + " " + a.get("http.target"), k -> new ArrayList<>())
                .add(
                    (Long.parseLong(span.get("endTimeUnixNano").asText())
                            - Long.parseLong(span.get("startTimeUnixNano").asText()))
                        / 1e6);
          }
        }
      }
    }
  }

  private static double p95(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
  }

  @Test
  void theSecondRoundHoldsItsOwnCapturesAndTheRoutesFiguresAreTheLogs() throws Exception {
    assertEquals("baseline", compared.from().name());
    assertEquals(DemoProject.SECOND_ROUND, compared.to().name());
    Map<String, List<Double>> before = durations("demo/captures/web/nginx-access.log");
    // The baseline also has the checkout's traces (another run of the capture: more requests)
    addTraced(before, "demo/captures/otel/checkout-traces.jsonl");
    Map<String, List<Double>> after = durations("demo/captures-after/web/nginx-access.log");
    int checked = 0;
    for (Progress.RouteChange r : compared.routes()) {
      List<Double> a = before.get(r.route());
      List<Double> b = after.get(r.route());
      if (a == null || b == null) {
        continue; // a route with ids in its path: the log names /customers/1/, not the pattern
      }
      checked++;
      assertEquals(a.size(), r.requestsBefore(), r.route());
      assertEquals(b.size(), r.requestsAfter(), r.route());
      // Percentiles come from 2%-wide buckets: within 2% of the exact nearest-rank value.
      assertEquals(p95(a), r.p95Before(), 0.02 * p95(a), r.route());
      assertEquals(p95(b), r.p95After(), 0.02 * p95(b), r.route());
    }
    assertTrue(checked >= 10, "routes checked against the logs: " + checked);
  }

  @Test
  void theTwoFixedViewsLostTheirNPlusOnesAndTheOthersKeptThem() {
    Map<String, Progress.NPlusOneChange> byKey = new TreeMap<>();
    compared.nPlusOnes().forEach(n -> byKey.put(n.route() + " on " + n.table(), n));
    for (String fixed :
        List.of(
            "GET /invoices/ on customers_customer",
            "GET /invoices/ on invoices_invoiceline",
            "GET /invoices/search/ on customers_customer",
            "GET /invoices/search/ on invoices_invoiceline")) {
      Progress.NPlusOneChange n = byKey.get(fixed);
      assertTrue(n != null && n.measuredAfter() && n.gone(), fixed + ": " + n);
    }
    // after-fixes.patch touched neither the API nor the statement view.
    for (String kept :
        List.of(
            "GET /api/v1/invoices/ on customers_customer",
            "GET /invoices/statement/<int:customer_id>/ on payments_payment")) {
      Progress.NPlusOneChange n = byKey.get(kept);
      assertFalse(n.gone(), kept);
      assertEquals(n.repeatsBefore(), n.repeatsAfter(), kept);
    }
  }

  @Test
  void theIndexedLookupIsFasterAsItsPlansSay() throws Exception {
    // The plans captured in each round: a sequential scan, then the new index.
    assertTrue(
        Files.readString(
                Resources.path(getClass(), "demo/captures/postgres/explain-reconcile.json"))
            .contains("\"Node Type\": \"Seq Scan\""));
    assertTrue(
        Files.readString(
                Resources.path(getClass(), "demo/captures-after/postgres/explain-reconcile.json"))
            .contains("\"Index Scan\""));
    Progress.StatementChange lookup =
        compared.statements().stream()
            .filter(s -> s.example().contains("external_ref"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(compared.statements().toString()));
    assertTrue(lookup.changePercent() < -50, "the reconciliation lookup: " + lookup);
  }

  @Test
  void whatIsOpenAtTheLastRoundIsWhatTheReportCounts() {
    // Open at the end of the last round (still open plus new) by severity: the overview's and the
    // report's counts (untriaged low-confidence places and dismissed findings left out by both).
    for (var e : compared.findings().bySeverity().entrySet()) {
      int[] n = e.getValue();
      assertEquals(
          (int) tally.bySeverity().getOrDefault(Severity.valueOf(e.getKey()), 0),
          n[1] + n[2],
          e.getKey());
    }
  }
}
