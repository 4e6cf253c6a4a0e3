package dev.auditworkbench.engine.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.project.ReportService;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.testing.TestProjects;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts of a thousand and more are grouped wherever the report says them in words, as its tables
 * and key figures do ("1,200 open findings"; it once wrote "10000 open findings" beside "3,312
 * quick wins").
 */
class LargeCountsTest {
  @TempDir Path dir;

  @Test
  void theSummaryAndTheOneLineCountsGroupThousands() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);
    try (ProjectStore store = TestProjects.withFindings(dir, clock, 1_200, new long[0])) {
      ReportModel model = store.read(c -> ReportModel.of(c, clock.instant()));
      String paragraph = model.summary().paragraph();
      assertTrue(paragraph.startsWith("The audit found 1,200 open findings"), paragraph);
      assertTrue(paragraph.contains("0 of them critical and 1,200 high"), paragraph);
      String counts = ReportService.counts(model);
      assertTrue(counts.contains("1,200 open"), counts);
      assertTrue(counts.contains("1,200 untriaged"), counts);
    }
  }
}
