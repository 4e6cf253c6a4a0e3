package dev.auditworkbench.app.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.app.demo.DemoProject;
import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.rules.ModuleSummary;
import dev.auditworkbench.engine.scan.GraphFacts;
import dev.auditworkbench.engine.scan.ScanResult;
import dev.auditworkbench.engine.scan.ScanService;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.store.ScanRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository scan on the bundled demo, checked against Python's own ast and against radon. */
class DemoScanTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static DemoProject.Created demo;
  static ProjectStore store;
  static DjangoInventory inventory;
  static GraphFacts graph;
  static List<ModuleSummary> modules;
  static List<Finding> findings;
  static JsonNode truth;

  @BeforeAll
  static void scanTheDemo() throws Exception {
    demo = DemoProject.create(dir.resolve("demo.audit"), false, ProgressListener.NONE);
    store = ProjectStore.open(demo.project());
    inventory =
        store
            .read(c -> new ScanRepository(c).latestFacts("inventory", DjangoInventory.class))
            .orElseThrow();
    graph =
        store.read(c -> new ScanRepository(c).latestFacts("graph", GraphFacts.class)).orElseThrow();
    modules =
        List.of(
            store
                .read(c -> new ScanRepository(c).latestFacts("modules", ModuleSummary[].class))
                .orElseThrow());
    findings = store.read(c -> new FindingRepository(c).all());
    truth = groundTruth(demo.repo());
  }

  @AfterAll
  static void close() {
    store.close();
  }

  private static JsonNode groundTruth(Path repo) throws Exception {
    Path script =
        Path.of(DemoScanTest.class.getResource("/groundtruth/django_ground_truth.py").toURI());
    Process p =
        new ProcessBuilder("python3", script.toString(), repo.toString())
            .redirectErrorStream(false)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), "ground truth script failed: " + err);
    return JSON.readTree(out);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void modelsMatchPythonsAst() {
    List<String> ours =
        inventory.models().stream().map(DjangoInventory.Model::qualname).sorted().toList();
    assertEquals(strings(truth.get("models")), ours);
  }

  @Test
  void routesMatchPythonsAstInOrder() {
    List<String> ours =
        inventory.routes().stream().map(r -> r.pattern() + " => " + r.view()).toList();
    assertEquals(strings(truth.get("routes")), ours);
  }

  @Test
  void importEdgesMatchPythonsAst() {
    List<String> ours =
        graph.edges().stream().map(e -> e.from() + " -> " + e.to()).sorted().toList();
    assertEquals(strings(truth.get("edges")), ours);
  }

  @Test
  void complexityEqualsRadonsForEveryBlockRadonReports() throws Exception {
    JsonNode radon = JSON.readTree(demo.captures().resolve("scans/radon-cc.json").toFile());
    Map<String, ModuleSummary> byPath = new HashMap<>();
    modules.forEach(m -> byPath.put(m.path(), m));
    int compared = 0;
    for (var entry : (Iterable<Map.Entry<String, JsonNode>>) radon::fields) {
      if (!entry.getValue().isArray()) {
        continue; // radon's own parse error (the Python 2 file)
      }
      ModuleSummary ours = byPath.get(entry.getKey());
      for (JsonNode block : entry.getValue()) {
        String type = block.get("type").asText();
        String name =
            type.equals("method")
                ? block.get("classname").asText() + "." + block.get("name").asText()
                : block.get("name").asText();
        ModuleSummary.Block match =
            ours.blocks().stream()
                .filter(
                    b ->
                        b.kind().equals(type)
                            && b.qualname().equals(name)
                            && b.line() == block.get("lineno").asInt())
                .findFirst()
                .orElseThrow(
                    () ->
                        new AssertionError(
                            "no block " + type + " " + name + " in " + entry.getKey()));
        assertEquals(
            block.get("complexity").asInt(), match.complexity(), entry.getKey() + " " + name);
        compared++;
      }
    }
    assertTrue(compared > 100, "blocks compared: " + compared);
  }

  private static List<Finding> withRule(String rule) {
    return findings.stream().filter(f -> f.ruleId().equals(rule)).toList();
  }

  @Test
  void python2ScriptIsAFindingAtItsFirstPrintStatement() {
    List<Finding> parse = withRule("workbench.parse-error");
    assertEquals(1, parse.size());
    assertEquals("scripts/legacy_import.py:12", parse.get(0).location().display());
  }

  @Test
  void fatModelsAndViewsModulesAreFoundAndNothingElse() {
    List<String> fat =
        withRule("workbench.fat-module").stream().map(f -> f.location().path()).sorted().toList();
    assertEquals(List.of("invoices/models.py", "invoices/views.py"), fat);
  }

  @Test
  void paymentsAndLedgerImportEachOther() {
    Finding cycle =
        withRule("workbench.app-cycle").stream()
            .filter(f -> f.title().endsWith("ledger <-> payments"))
            .findFirst()
            .orElseThrow();
    String evidence = cycle.evidence().get(0).text();
    assertTrue(
        evidence.contains("ledger.services -> payments.models  (ledger/services.py:5)"), evidence);
    assertTrue(
        evidence.contains("payments.signals -> ledger.services  (payments/signals.py:5)"),
        evidence);
  }

  @Test
  void skippedTestsAreListedWithTheirReasons() {
    List<String> skipped =
        inventory.tests().stream()
            .filter(DjangoInventory.Test::skipped)
            .map(t -> t.path() + ":" + t.line())
            .sorted()
            .toList();
    assertEquals(
        List.of(
            "invoices/tests.py:40",
            "invoices/tests.py:45",
            "invoices/tests.py:49",
            "payments/tests.py:31"),
        skipped);
  }

  @Test
  void tenantForeignKeyIsInheritedFromTheAbstractBase() {
    DjangoInventory.Model customer =
        inventory.models().stream()
            .filter(m -> m.qualname().equals("customers.models.Customer"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        customer.fields().stream()
            .anyMatch(f -> f.name().equals("tenant") && f.inherited() && f.isRelation()));
    assertEquals("customers_customer", customer.table());
    assertTrue(
        customer.managers().contains("objects = CustomerManager()"),
        customer.managers().toString());
  }

  @Test
  void cleanCodeHasNoSizeComplexityOrParseFindings() {
    for (String path :
        List.of(
            "customers/views.py",
            "api/views.py",
            "tenants/managers.py",
            "ledgerly/settings/dev.py")) {
      List<String> found =
          findings.stream()
              .filter(
                  f ->
                      path.equals(f.location().path())
                          && f.category() == Category.MAINTAINABILITY
                          // hotspots come from the generated history's dates, not from the code
                          && !f.ruleId().startsWith("history.")
                          && f.sources().stream().anyMatch(s -> s.tool().equals("workbench")))
              .map(f -> f.ruleId() + " " + f.title())
              .toList();
      assertTrue(found.isEmpty(), path + ": " + found);
    }
  }

  @Test
  void customersAndInvoicesImportEachOther() {
    assertTrue(
        withRule("workbench.app-cycle").stream()
            .anyMatch(f -> f.title().endsWith("customers <-> invoices")));
  }

  @Test
  void rescanOfTheSameCommitAddsNothingAndLosesNothing() throws Exception {
    int before = findings.size();
    ScanResult again = new ScanService(store, Clock.systemUTC()).scan(ProgressListener.NONE);
    assertEquals(0, again.record().newCount());
    assertEquals(0, again.record().goneCount());
    int scanFindings =
        (int)
            findings.stream()
                .filter(f -> f.sources().stream().anyMatch(s -> s.tool().equals("workbench")))
                .count();
    assertEquals(scanFindings, again.record().unchangedCount());
    int after = store.read(c -> new FindingRepository(c).count());
    assertEquals(before, after);
  }
}
