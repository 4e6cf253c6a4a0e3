package dev.auditworkbench.app.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.app.demo.DemoProject;
import dev.auditworkbench.engine.ingest.ImportService;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.priority.Phase;
import dev.auditworkbench.engine.priority.Planner;
import dev.auditworkbench.engine.priority.Quadrant;
import dev.auditworkbench.engine.queries.QueryAnalysis;
import dev.auditworkbench.engine.scan.ScanService;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.PlanRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.triage.TriageEdit;
import dev.auditworkbench.engine.triage.TriageService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan of the demo project: the expected gains from its traces, and decisions that outlive
 * re-imports.
 */
class PlanOnDemoTest {
  @TempDir static Path dir;
  static DemoProject.Created demo;
  static ProjectStore store;

  @BeforeAll
  static void demo() throws Exception {
    demo = DemoProject.create(dir.resolve("demo.audit"), false, ProgressListener.NONE);
    store = ProjectStore.open(demo.project());
  }

  @AfterAll
  static void close() {
    store.close();
  }

  private static Planner.Plan plan() throws Exception {
    return store.read(c -> Planner.of(c, LocalDate.of(2026, 11, 24)));
  }

  @Test
  void theInvoiceListsExpectedGainFollowsFromTheTraces() throws Exception {
    QueryAnalysis.Result q = store.read(c -> QueryAnalysis.of(c, QueryAnalysis.DEFAULT_N_PLUS_ONE));
    double overhead = q.perQueryOverheadMs();
    assertTrue(
        overhead > 0 && overhead < 5,
        "Python's cost per statement, from requests vs their windows: " + overhead);
    List<QueryAnalysis.NPlusOne> list =
        q.nPlusOnes().stream().filter(n -> n.route().equals("GET /invoices/")).toList();
    double statements = list.stream().mapToDouble(n -> n.repeats() - 1).sum();
    double database =
        list.stream().mapToDouble(n -> n.msPerRequest() * (n.repeats() - 1) / n.repeats()).sum();
    double p95 =
        q.routes().stream()
            .filter(r -> r.route().equals("GET /invoices/"))
            .findFirst()
            .orElseThrow()
            .p95();
    double after = Math.max(p95 / 10, p95 - database - statements * overhead);

    Planner.WorkItem item =
        plan().items().stream()
            .filter(w -> w.key().equals("auto:n-plus-one:invoices.views.invoice_list"))
            .findFirst()
            .orElseThrow();
    assertEquals(Quadrant.QUICK_WIN, item.quadrant());
    assertEquals(Phase.STOP_THE_BLEEDING, item.phase());
    assertEquals(198.0, statements, "two statements x 99 saved per request");
    assertTrue(
        item.expectedGain()
            .startsWith("p95 of GET /invoices/ from " + ms(p95) + " to about " + ms(after)),
        item.expectedGain());
  }

  /** As docs/priority.md shows durations. */
  private static String ms(double millis) {
    return millis >= 1000
        ? String.format(Locale.ROOT, "%.1f s", millis / 1000)
        : millis >= 100
            ? String.format(Locale.ROOT, "%.0f ms", millis)
            : String.format(Locale.ROOT, "%.1f ms", millis);
  }

  @Test
  void overridesGroupsAndPhasesOutliveReimportsAndRescans() throws Exception {
    List<Finding> bandit =
        store
            .read(
                c -> {
                  try (FindingRepository r = new FindingRepository(c)) {
                    return r.all();
                  }
                })
            .stream()
            .filter(f -> f.sources().stream().anyMatch(s -> s.tool().equals("bandit")))
            .toList();
    Finding first = bandit.get(0);
    Finding second = bandit.get(1);
    new TriageService(store, Clock.systemUTC())
        .apply(
            first.id(),
            new TriageEdit(Status.CONFIRMED, null, Impact.of(5), Effort.hours(30), null),
            "test");
    store.write(
        c -> {
          PlanRepository p = new PlanRepository(c);
          p.group(first.fingerprint(), "Bandit batch");
          p.group(second.fingerprint(), "Bandit batch");
          p.phase("group:Bandit batch", Phase.DELETE_THE_LEGACY.key());
          return null;
        });

    // A newer bandit report (same results, other bytes) and a re-scan.
    Path report = demo.captures().resolve("scans/bandit.json");
    Path newer = dir.resolve("bandit-newer.json");
    Files.writeString(
        newer,
        Files.readString(report)
            .replaceFirst(
                "\"generated_at\": \"[^\"]*\"", "\"generated_at\": \"2026-12-01T00:00:00Z\""));
    new ImportService(store, ImporterRegistry.load(), Clock.systemUTC())
        .importFile(newer, null, ProgressListener.NONE);
    new ScanService(store, Clock.systemUTC()).scan(ProgressListener.NONE);

    Planner.WorkItem item =
        plan().items().stream()
            .filter(w -> w.key().equals("group:Bandit batch"))
            .findFirst()
            .orElseThrow();
    assertEquals(2, item.findings().size());
    assertEquals(5, item.impact(), "the auditor's impact");
    assertEquals(
        30 + (int) Math.ceil(second.effort().hours() / 2.0),
        item.effortHours(),
        "the auditor's effort, combined");
    assertEquals(Quadrant.MAJOR_PROJECT, item.quadrant());
    assertEquals(Phase.DELETE_THE_LEGACY, item.phase());
    assertTrue(item.phaseOverridden());
  }
}
