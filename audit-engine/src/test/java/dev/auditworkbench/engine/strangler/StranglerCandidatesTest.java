package dev.auditworkbench.engine.strangler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.graph.ImportGraph;
import dev.auditworkbench.engine.seams.SeamMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The ranking of strangler-fig candidates and the routing and replay plan of one, on a small
 * monolith: a core app every other app imports (more than half the modules), billing and catalog
 * with routes, reports with none.
 */
class StranglerCandidatesTest {
  private static final List<String> MODULES = new ArrayList<>();

  static {
    IntStream.range(0, 10).forEach(i -> MODULES.add("core.m" + i));
    MODULES.addAll(List.of("billing.models", "billing.views", "billing.urls"));
    MODULES.addAll(List.of("catalog.models", "catalog.views"));
    MODULES.addAll(List.of("reports.models", "reports.jobs"));
  }

  /** billing imports core once; catalog imports it on 12 lines; reports once. */
  private static SeamMap map() {
    List<ImportGraph.Edge> edges =
        List.of(
            new ImportGraph.Edge("billing.views", "core.m1", "billing/views.py", List.of(3)),
            new ImportGraph.Edge(
                "catalog.views",
                "core.m2",
                "catalog/views.py",
                IntStream.rangeClosed(1, 12).boxed().toList()),
            new ImportGraph.Edge("reports.jobs", "core.m3", "reports/jobs.py", List.of(1)));
    return SeamMap.build(MODULES, edges, List.of(), Set.of());
  }

  private static StranglerCandidates.RouteTraffic route(
      String route, String app, int requests, double dbMs, int errors, double ms) {
    double[] d = new double[requests];
    for (int i = 0; i < requests; i++) {
      d[i] = ms * (i + 1) / requests; // ms/requests, 2 ms/requests ... ms
    }
    return new StranglerCandidates.RouteTraffic(
        route,
        app + ".views.x",
        app,
        requests,
        StranglerCandidates.percentile(d, 0.95),
        dbMs,
        errors,
        requests == 0 ? List.of() : List.of("GET"),
        d);
  }

  private static final List<StranglerCandidates.RouteTraffic> ROUTES =
      List.of(
          route("/invoices/", "billing", 40, 400, 2, 200),
          route("/invoices/<int:pk>/", "billing", 20, 200, 0, 100),
          route("/catalog/<slug:item>/", "catalog", 30, 100, 0, 50),
          route("/", "core", 10, 300, 0, 20),
          route("/invoices/export.csv", "billing", 0, 0, 0, 0));

  private static final Map<String, StranglerCandidates.AppFacts> FACTS =
      Map.of(
          "billing", new StranglerCandidates.AppFacts("billing", 100, 80, 12, 1, 0),
          "catalog", new StranglerCandidates.AppFacts("catalog", 50, 45, 3, 0, 1),
          "core", new StranglerCandidates.AppFacts("core", 500, 100, 40, 0, 0),
          "reports", new StranglerCandidates.AppFacts("reports", 0, 0, 1, 0, 0));

  private static StranglerCandidates.Ranking ranking(StranglerSettings settings) {
    return StranglerCandidates.rank(map(), ROUTES, FACTS, 100, 1000, true, settings);
  }

  @Test
  void theCoreAndRoutelessClustersAreSetApartAndTheRestRankedByTheDocumentedScore() {
    StranglerCandidates.Ranking r = ranking(StranglerSettings.DEFAULTS);
    assertEquals(2, r.candidates().size(), r.toString());
    StranglerCandidates.Candidate first = r.candidates().get(0);
    StranglerCandidates.Candidate second = r.candidates().get(1);
    assertEquals(List.of("billing"), first.apps());
    assertEquals(List.of("catalog"), second.apps());
    assertEquals(1, first.rank());
    // value: mean of request and database shares, relative to the busiest candidate.
    double billingValue = (0.6 + 0.6) / 2;
    double catalogValue = (0.3 + 0.1) / 2;
    double billing =
        (50 * 1.0 + 30 * (1 / (1 + 1 / 10.0)) + 20 * 0.8) / 100 * 100; // 1 import, 80% covered
    double catalog = (50 * (catalogValue / billingValue) + 30 * (1 / (1 + 12 / 10.0)) + 20 * 0.9);
    assertEquals(billing, first.score(), 1e-9);
    assertEquals(catalog, second.score(), 1e-9);
    assertEquals(60, first.requests());
    assertEquals(0.6, first.requestShare(), 1e-9);
    assertEquals(600, first.dbMs(), 1e-9);
    assertEquals(2, first.errors());
    assertEquals(1, first.cutImports());
    assertEquals(12, second.cutImports());
    // Its routes, busiest first, including the one no captured request reached.
    assertEquals(
        List.of("/invoices/", "/invoices/<int:pk>/", "/invoices/export.csv"),
        first.routes().stream().map(StranglerCandidates.RouteTraffic::route).toList());
    // p95 over the cluster's 60 requests: the 57th smallest duration.
    List<Double> all = new ArrayList<>();
    for (StranglerCandidates.RouteTraffic t : first.routes()) {
      for (double d : t.durationsMs()) {
        all.add(d);
      }
    }
    all.sort(Double::compare);
    assertEquals(all.get(56), first.p95Ms(), 1e-9);
    Map<String, Integer> cluster = map().clusterOf();
    assertEquals(
        List.of(
            "core (cluster "
                + (cluster.get("core") + 1)
                + "): the core, 59% of the modules; strangle around it",
            "reports (cluster " + (cluster.get("reports") + 1) + "): no route reaches its views"),
        r.notCandidates().stream().sorted().toList());
    assertEquals(
        List.of(
            "60% of requests (60 on 3 routes) and 60% of database time; p95 "
                + Math.round(first.p95Ms())
                + " ms",
            "3% of its requests failed (5xx): replaying them shows whether the new service does"
                + " better",
            "1 app, 3 modules (18% of the code's modules) move",
            "1 import and 0 co-changes cross its cut",
            "tests cover 80% of its statements",
            "1 N+1 pattern and 0 plan problems inside: fix them on the way",
            "changed in 12 commits of the history window"),
        first.reasons());
    assertEquals(
        "Strangle first: billing, 60% of traffic, cut cost 1 import",
        StranglerText.first(first, 100));
  }

  @Test
  void theWeightsAreTheAuditorsToChange() {
    // Ease only: the one import of billing beats the twelve of catalog; coverage only: catalog.
    assertEquals(
        List.of("billing"), ranking(new StranglerSettings(0, 1, 0, 10)).candidates().get(0).apps());
    assertEquals(
        List.of("catalog"), ranking(new StranglerSettings(0, 0, 1, 10)).candidates().get(0).apps());
    assertEquals(
        "strangler.value_weight must be a whole number, was 'lots'",
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> StranglerSettings.from(Map.of(StranglerSettings.VALUE_WEIGHT, "lots")))
            .getMessage());
  }

  @Test
  void routingSendsOnlyTheCandidatesRoutesAndTheReplayCoversEachVariant() {
    StranglerCandidates.Ranking r = ranking(StranglerSettings.DEFAULTS);
    StranglerCandidates.Candidate billing = r.candidates().get(0);
    List<DjangoInventory.Route> inventory =
        List.of(
            new DjangoInventory.Route("", "core.views.home", null, "core/urls.py", 1, "path"),
            new DjangoInventory.Route(
                "invoices/", "billing.views.x", null, "billing/urls.py", 1, "path"),
            new DjangoInventory.Route(
                "invoices/<int:pk>/", "billing.views.x", null, "billing/urls.py", 2, "path"),
            new DjangoInventory.Route(
                "invoices/export.csv", "billing.views.x", null, "billing/urls.py", 3, "path"),
            new DjangoInventory.Route(
                "catalog/<slug:item>/", "catalog.views.x", null, "catalog/urls.py", 1, "path"));
    Map<String, Long> paths = new LinkedHashMap<>();
    paths.put("/invoices/7/", 12L);
    paths.put("/invoices/8/", 8L);
    Stranglers.RouteRequests detail =
        new Stranglers.RouteRequests(
            "/invoices/<int:pk>/",
            20,
            Map.of("GET", 18L, "POST", 2L),
            Map.of("2xx", 19L, "4xx", 1L),
            paths);
    Stranglers.Analysis analysis =
        new Stranglers.Analysis(
            r.candidates(),
            r.notCandidates(),
            100,
            1000,
            true,
            StranglerSettings.DEFAULTS,
            Map.of("/invoices/<int:pk>/", detail),
            Map.of(),
            inventory,
            ROUTES);
    StranglerRouting.Plan plan = StranglerRouting.of(analysis, billing);
    // No other route starts with /invoices/: one prefix location catches all three.
    assertEquals(List.of("/invoices/"), plan.prefixes());
    assertTrue(plan.nginx().contains("location ^~ /invoices/ { proxy_pass http://strangled; }"));
    assertFalse(plan.nginx().contains("location ~ "), plan.nginx());
    assertEquals(
        List.of("^/invoices/$", "^/invoices/[0-9]+/$", "^/invoices/export\\.csv$"),
        plan.rules().stream().map(StranglerRouting.Rule::regex).toList());
    // 2 methods x 2 status classes = 4 variants, 3 samples each, plus the 2 distinct paths.
    StranglerRouting.Replay detailReplay = plan.replay().get(1);
    assertEquals(14, detailReplay.samples());
    assertEquals(Map.of("/invoices/7/", 12L, "/invoices/8/", 8L), detailReplay.examples());
    assertEquals(0, plan.replay().get(0).samples(), "no captured request of /invoices/ here");
    // Each app's share of the traffic, for the seam map's app details.
    assertEquals(
        "traffic: 60 requests (60%) on 2 of its 3 routes, p95 "
            + Math.round(billing.p95Ms())
            + " ms, 60% of database time",
        analysis.appTraffic("billing"));
    assertEquals("traffic: no route's view lives in reports", analysis.appTraffic("reports"));

    // A route whose first part is a value may take any prefix: then route by route.
    List<DjangoInventory.Route> withPages = new ArrayList<>(inventory);
    withPages.add(
        new DjangoInventory.Route(
            "<slug:page>/", "core.views.page", null, "core/urls.py", 9, "path"));
    StranglerRouting.Plan strict =
        StranglerRouting.of(
            new Stranglers.Analysis(
                r.candidates(),
                r.notCandidates(),
                100,
                1000,
                true,
                StranglerSettings.DEFAULTS,
                Map.of(),
                Map.of(),
                withPages,
                ROUTES),
            billing);
    assertEquals(List.of(), strict.prefixes());
    assertTrue(strict.nginx().contains("location ~ ^/invoices/[0-9]+/$"), strict.nginx());
  }

  @Test
  void examplePathsKeepNumbersAndThePatternsWordsOnly() {
    assertEquals(
        "/catalog/{value}/",
        StranglerRouting.example("/catalog/blue-shirt/", "/catalog/<slug:item>/"));
    assertEquals(
        "/reset/{value}/{value}/",
        StranglerRouting.example("/reset/MTIz/c4f-9a2b1e77d0/", "/reset/<uidb64>/<token>/"));
    assertEquals("/invoices/42/", StranglerRouting.example("/invoices/42/", "/invoices/<int:pk>/"));
  }
}
