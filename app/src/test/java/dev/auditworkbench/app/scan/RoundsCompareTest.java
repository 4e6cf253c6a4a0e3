package dev.auditworkbench.app.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.model.Round;
import dev.auditworkbench.engine.progress.Progress;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.queries.QueryAnalysis;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.testing.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rounds compared on real captures: the demo's nginx access log cut in two at its middle line (the
 * first half imported as the baseline, the second in a round opened after), and the demo's bandit
 * report with two of its results fixed in the second round. The expected figures come from the
 * files themselves and from a project holding one half only.
 */
class RoundsCompareTest {
  @TempDir Path dir;

  private static final ObjectMapper JSON = new ObjectMapper();

  private Path[] halves() throws Exception {
    List<String> lines =
        Files.readAllLines(Resources.path(getClass(), "demo/captures/web/nginx-access.log"));
    int middle = lines.size() / 2;
    Path a = dir.resolve("access-monday.log");
    Path b = dir.resolve("access-friday.log");
    Files.write(a, lines.subList(0, middle));
    Files.write(b, lines.subList(middle, lines.size()));
    return new Path[] {a, b};
  }

  private AuditProject project(String name) throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo-" + name));
    ProjectInfo info = new ProjectInfo("Client", "Audit", "R. Auditor", repo);
    return AuditProject.of(
        ProjectStore.create(dir.resolve(name + ".audit"), info, Clock.systemUTC()),
        Clock.systemUTC());
  }

  private static void importFile(AuditProject p, Path file) throws Exception {
    p.imports(ImporterRegistry.load()).importFile(file, null, ProgressListener.NONE);
  }

  @Test
  void eachRoundsLatencyIsItsOwnCapturesAndTheFixedFindingsAreTheOnesGone() throws Exception {
    Path[] half = halves();
    Path bandit = Resources.path(getClass(), "demo/captures/scans/bandit.json");
    ObjectNode report = (ObjectNode) JSON.readTree(bandit.toFile());
    ArrayNode results = (ArrayNode) report.get("results");
    int before = results.size();
    results.remove(0); // the second round's bandit run no longer reports its first two results
    results.remove(0);
    Path banditAfter = dir.resolve("bandit-after.json");
    JSON.writeValue(banditAfter.toFile(), report);

    Progress.Comparison c;
    try (AuditProject p = project("rounds")) {
      importFile(p, half[0]);
      importFile(p, bandit);
      Round round = p.rounds().open("after sprint 2");
      assertEquals(1, round.number());
      assertThrows(IllegalArgumentException.class, () -> p.rounds().open("After Sprint 2"));
      importFile(p, half[1]);
      importFile(p, banditAfter);
      // Each half holds about 10 requests of the busiest routes: compare from 5.
      c = p.rounds().compare(null, null, 5);
      assertEquals("baseline", c.from().name());
      assertEquals("after sprint 2", c.to().name());
      assertEquals(c, p.rounds().compare("0", "after sprint 2", 5));
      IllegalArgumentException unknown =
          assertThrows(IllegalArgumentException.class, () -> p.rounds().compare("7", null));
      assertTrue(unknown.getMessage().contains("0 baseline, 1 after sprint 2"));
      // The report's "Progress since the baseline" compares with the default 20 requests.
      var section = p.reports().model().progress();
      assertTrue(
          section.summary().startsWith("From the baseline to after sprint 2 (opened "),
          section.summary());
      assertTrue(section.summary().contains(": 2 findings fixed, 0 new, "), section.summary());
      assertEquals(
          c.routes().stream().filter(r -> r.requestsBefore() + r.requestsAfter() > 0).count(),
          section.routes().size());
      // No route has 20 requests in each half; one captured in one half only says so.
      for (Progress.RouteChange r : c.routes()) {
        if (r.requestsBefore() + r.requestsAfter() == 0) {
          continue;
        }
        String change =
            section.routes().stream()
                .filter(row -> row.route().equals(r.route()))
                .findFirst()
                .orElseThrow()
                .change();
        assertEquals(
            r.requestsAfter() == 0
                ? "not captured after"
                : r.requestsBefore() == 0 ? "not captured before" : "too few requests",
            change,
            r.route());
      }
      assertEquals(null, section.chartSvg());
      String html = p.reports().html(p.reports().model());
      assertTrue(
          html.contains("<h1 id=\"progress\" class=\"newpage\">Progress since the baseline</h1>"));
    }
    try (AuditProject none = project("no-rounds")) {
      importFile(none, bandit);
      assertEquals(null, none.reports().model().progress(), "no round opened: no section");
    }

    // Findings: bandit's findings of the baseline, less the two the second run no longer reports.
    try (AuditProject only = project("bandit-only")) {
      importFile(only, bandit);
      long reported =
          only.findings().all().stream()
              .filter(f -> f.severity() != dev.auditworkbench.engine.model.Severity.INFO)
              .count();
      assertEquals(reported, c.findings().fixed().size() + c.findings().open().size());
    }
    assertTrue(before > 2);
    assertEquals(2, c.findings().fixed().size(), c.findings().fixed().toString());
    assertEquals(0, c.findings().added().size());
    assertEquals(List.of(), c.findings().notRechecked(), "bandit ran again in the round");

    // Latency: each round's figures are those of a project holding only its half of the log.
    Map<String, QueryAnalysis.RouteLatency> first = latencies(half[0]);
    Map<String, QueryAnalysis.RouteLatency> second = latencies(half[1]);
    int compared = 0;
    for (Progress.RouteChange r : c.routes()) {
      QueryAnalysis.RouteLatency a = first.get(r.route());
      QueryAnalysis.RouteLatency b = second.get(r.route());
      assertEquals(a == null ? 0 : a.requests(), r.requestsBefore(), r.route());
      assertEquals(b == null ? 0 : b.requests(), r.requestsAfter(), r.route());
      if (a != null && b != null) {
        assertEquals(a.p95(), r.p95Before(), 1e-9, r.route());
        assertEquals(b.p95(), r.p95After(), 1e-9, r.route());
      }
      assertEquals(r.requestsBefore() >= 5 && r.requestsAfter() >= 5, r.enough(), r.route());
      if (r.enough()) {
        compared++;
        assertEquals(
            100 * (r.p95After() - r.p95Before()) / r.p95Before(), r.p95ChangePercent(), 1e-9);
      } else {
        assertTrue(Double.isNaN(r.p95ChangePercent()));
      }
    }
    // The requests per round are the lines of each half (every line of the demo log is a request).
    assertEquals(
        lines(half[0]), c.routes().stream().mapToLong(Progress.RouteChange::requestsBefore).sum());
    assertEquals(
        lines(half[1]), c.routes().stream().mapToLong(Progress.RouteChange::requestsAfter).sum());
    assertTrue(c.trafficBefore() && c.trafficAfter());
    assertFalse(c.routes().isEmpty());
    assertTrue(compared >= 3, "routes compared: " + compared);
  }

  private Map<String, QueryAnalysis.RouteLatency> latencies(Path log) throws Exception {
    try (AuditProject p = project("only-" + log.getFileName())) {
      importFile(p, log);
      Map<String, QueryAnalysis.RouteLatency> out = new HashMap<>();
      p.analyses()
          .queries(QueryAnalysis.DEFAULT_N_PLUS_ONE)
          .routes()
          .forEach(r -> out.put(r.route(), r));
      return out;
    }
  }

  private static long lines(Path file) throws Exception {
    return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count();
  }
}
