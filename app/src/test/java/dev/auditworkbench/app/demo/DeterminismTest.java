package dev.auditworkbench.app.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.priority.Planner;
import dev.auditworkbench.engine.queries.QueryAnalysis;
import dev.auditworkbench.engine.report.ReportModel;
import dev.auditworkbench.engine.report.ReportRenderer;
import dev.auditworkbench.engine.scan.SeamMaps;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same inputs give the same results: the demo pipeline (scan, every capture imported, query
 * analysis, plan, report) run twice from scratch yields the same findings and fingerprints, seam
 * clusters, query analysis, plan and report, apart from the time stamps of when it ran.
 */
class DeterminismTest {
  @TempDir Path first;
  @TempDir Path second;

  @Test
  void theDemoPipelineTwiceGivesTheSameResults() throws Exception {
    String a = run(first);
    String b = run(second);
    assertTrue(a.length() > 100_000, "a substantial comparison: " + a.length());
    if (!a.equals(b)) {
      int i = 0;
      while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
        i++;
      }
      int from = Math.max(0, i - 300);
      Assertions.fail(
          "the runs differ at "
              + i
              + ":\n"
              + a.substring(from, Math.min(a.length(), i + 200))
              + "\n---- versus ----\n"
              + b.substring(from, Math.min(b.length(), i + 200)));
    }
  }

  private static String run(Path dir) throws Exception {
    DemoProject.Created demo =
        DemoProject.create(dir.resolve("demo.audit"), false, ProgressListener.NONE);
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    Instant at = Instant.parse("2026-11-24T12:00:00Z");
    try (ProjectStore store = ProjectStore.open(demo.project())) {
      List<Finding> findings =
          store.read(
              c -> {
                try (FindingRepository r = new FindingRepository(c)) {
                  return r.all();
                }
              });
      String findingText =
          findings.stream()
              .sorted(Comparator.comparing(Finding::fingerprint))
              .map(
                  f ->
                      String.join(
                          "|",
                          f.fingerprint(),
                          f.ruleId(),
                          f.title(),
                          String.valueOf(f.description()),
                          f.location().display(),
                          f.evidence().toString(),
                          f.cwe().toString(),
                          f.owasp().toString(),
                          String.valueOf(f.impact().value()),
                          String.valueOf(f.effort().hours()),
                          f.status().name(),
                          String.valueOf(f.goneSinceImport()),
                          f.sources().toString()))
              .collect(Collectors.joining("\n"));
      String seams =
          store.read(
              c ->
                  SeamMaps.ofLatestScan(c).map(m -> m.clusters().toString() + m.cuts()).orElse(""));
      QueryAnalysis.Result queries =
          store.read(c -> QueryAnalysis.of(c, QueryAnalysis.DEFAULT_N_PLUS_ONE));
      Planner.Plan plan = store.read(c -> Planner.of(c, LocalDate.of(2026, 11, 24)));
      ReportModel model = store.read(c -> ReportModel.of(c, at));
      // The content hash covers the model, which records when each input was imported: compared
      // above without them.
      String html = new ReportRenderer(null).html(model).replaceAll("[0-9a-f]{64}", "<sha256>");
      // Import records carry when they ran; the repository path carries the temporary folder.
      String modelJson =
          json.writeValueAsString(model)
              .replaceAll("\"(importedAt|firstSeen|lastSeen)\":\"[^\"]*\"", "");
      return String.join(
          "\n====\n",
          findingText,
          seams,
          json.writeValueAsString(queries),
          json.writeValueAsString(
              plan.items().stream()
                  .map(
                      w ->
                          w.key()
                              + " "
                              + w.impact()
                              + " "
                              + w.effortHours()
                              + " "
                              + w.quadrant()
                              + " "
                              + w.phase()
                              + " "
                              + w.expectedGain())
                  .toList()),
          modelJson,
          html);
    }
  }
}
