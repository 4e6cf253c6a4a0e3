package dev.auditworkbench.app.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.ingest.ImportService;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.scan.ScanService;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.views.queries.QueriesViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkout view that charges a payment API synchronously, found by the scan, then measured by
 * OpenTelemetry traces of that route (importers/src/test/otel-capture/capture-otel-outbound.mjs):
 * the measured waits land on the view, and the static finding is confirmed (high confidence); a
 * blocking call on a route the traces did not see stays medium.
 */
class OutboundOnTracesTest {
  @TempDir Path dir;

  private void write(Path repo, String path, String text) throws Exception {
    Path p = repo.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void aTraceOfTheRouteConfirmsTheStaticCallAndLandsOnTheView() throws Exception {
    Path repo = dir.resolve("repo");
    write(repo, "shop/__init__.py", "");
    write(repo, "shop/settings.py", "ROOT_URLCONF = 'shop.urls'\nINSTALLED_APPS = ['shop']\n");
    write(
        repo,
        "shop/urls.py",
        "from django.urls import path\nfrom shop import views\n\nurlpatterns = [\n"
            + "    path('checkout/', views.checkout),\n    path('refund/', views.refund),\n]\n");
    write(
        repo,
        "shop/views.py",
        "import stripe\n\n\ndef checkout(request):\n    return stripe.Charge.create(amount=1)\n\n\n"
            + "def refund(request):\n    return stripe.Refund.create(charge='x')\n");
    Path file = dir.resolve("p.audit");
    try (ProjectStore store =
        ProjectStore.create(file, new ProjectInfo("c", "e", "a", repo), Clock.systemUTC())) {
      new ScanService(store, Clock.systemUTC()).scan(ProgressListener.NONE);
      Path traces =
          Path.of("../importers/src/test/resources/samples/otel/traces-outbound.jsonl")
              .toAbsolutePath()
              .normalize();
      new ImportService(store, ImporterRegistry.load(), Clock.systemUTC())
          .importFile(traces, null, ProgressListener.NONE);
      List<Finding> all = store.read(c -> new FindingRepository(c).all());
      List<String> outbound =
          all.stream()
              .filter(f -> f.ruleId().startsWith("outbound."))
              .map(
                  f ->
                      f.ruleId()
                          + " "
                          + f.location().display()
                          + " "
                          + f.confidence().name().toLowerCase())
              .sorted()
              .toList();
      assertEquals(
          List.of(
              "outbound.blocking-call shop/views.py:5 high", // checkout: measured
              "outbound.blocking-call shop/views.py:9 medium", // refund: not in the traces
              "outbound.measured shop/views.py:4 high", // api.stripe.com, on the view's def
              "outbound.measured shop/views.py:4 high"), // hooks.partner.example
          outbound);
      Finding stripe =
          all.stream()
              .filter(f -> f.ruleId().equals("outbound.blocking-call"))
              .filter(f -> f.location().startLine() == 5)
              .findFirst()
              .orElseThrow();
      assertEquals(Confidence.HIGH, stripe.confidence());
      // The Queries page's "Outside calls" rows: route, where from, what it waits on
      assertEquals(
          List.of(
              "/checkout/ code stripe.Charge.create",
              "/refund/ code stripe.Refund.create",
              "POST /checkout/ trace api.stripe.com",
              "POST /checkout/ trace hooks.partner.example"),
          all.stream()
              .filter(
                  f ->
                      f.ruleId().startsWith("outbound.")
                          && !f.ruleId().equals("outbound.no-timeout"))
              .map(QueriesViewModel.OutsideCall::of)
              .map(o -> o.route() + " " + o.source() + " " + o.target())
              .sorted()
              .toList());
      // The plan promises what taking a measured call off the request path buys: the route's p95
      // less the share of its time spent waiting on that host (from the finding, from the trace).
      var routes =
          store.read(c -> dev.auditworkbench.engine.queries.QueryAnalysis.of(c, 5)).routes();
      var items =
          store
              .read(
                  c -> dev.auditworkbench.engine.priority.Planner.of(c, java.time.LocalDate.now()))
              .items();
      for (Finding measured :
          all.stream().filter(f -> f.ruleId().equals("outbound.measured")).toList()) {
        String[] routeAndHost =
            dev.auditworkbench.engine.model.OutboundFindings.measured(measured).orElseThrow();
        var item =
            items.stream()
                .filter(w -> w.findings().stream().anyMatch(x -> x.id() == measured.id()))
                .findFirst()
                .orElseThrow();
        double share =
            item.findings().stream()
                .filter(x -> x.ruleId().equals("outbound.measured"))
                .filter(
                    x ->
                        dev.auditworkbench.engine.model.OutboundFindings.measured(x)
                            .orElseThrow()[0]
                            .equals(routeAndHost[0]))
                .mapToDouble(
                    x ->
                        dev.auditworkbench.engine.model.OutboundFindings.measuredShare(x)
                            .orElseThrow())
                .sum();
        double p95 =
            routes.stream()
                .filter(r -> r.route().equals(routeAndHost[0]))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no latency for " + routeAndHost[0]))
                .p95();
        String expected =
            "p95 of "
                + routeAndHost[0]
                + " from "
                + ms(p95)
                + " to about "
                + ms(p95 * (1 - Math.min(0.9, share)))
                + " with the calls to";
        assertTrue(
            item.expectedGain() != null && item.expectedGain().contains(expected),
            item.expectedGain() + " / expected " + expected);
      }
    }
  }

  /** Milliseconds as the report writes them: "1.2 s", "340 ms", "12.5 ms". */
  private static String ms(double millis) {
    return millis >= 1000
        ? String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000)
        : millis >= 100
            ? String.format(java.util.Locale.ROOT, "%.0f ms", millis)
            : String.format(java.util.Locale.ROOT, "%.1f ms", millis);
  }
}
