package dev.auditworkbench.views.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.auditworkbench.engine.model.ImportRecord;
import dev.auditworkbench.views.common.Texts;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverviewViewTest {
  @Test
  void anImportSaysWhenHowManyRecordsAndWhatItDidToTheFindings() {
    Instant at = Instant.parse("2026-12-03T08:17:00Z");
    ImportRecord traces =
        new ImportRecord(
            2,
            "nginx-access.log",
            "ab",
            "access-log",
            "nginx",
            null,
            at,
            12_400,
            0,
            0,
            0,
            List.of());
    assertEquals(
        "#2  nginx-access.log  access-log  "
            + Texts.minute(at)
            + "  12,400 records; findings: 0 new, 0 unchanged, 0 gone",
        OverviewView.describe(traces));
    ImportRecord scan =
        new ImportRecord(
            3,
            "bandit.json",
            "cd",
            "bandit-json",
            "bandit",
            "1.7.5",
            at,
            1,
            1,
            0,
            2,
            List.of("line 9: no test_id"));
    assertEquals(
        "#3  bandit.json  bandit-json  "
            + Texts.minute(at)
            + "  1 record; findings: 1 new, 0 unchanged, 2 gone; 1 warning",
        OverviewView.describe(scan));
  }
}
