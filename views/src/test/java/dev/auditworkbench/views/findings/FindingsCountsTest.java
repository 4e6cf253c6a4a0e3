package dev.auditworkbench.views.findings;

import static dev.auditworkbench.engine.testing.FindingBuilder.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.DismissReason;
import dev.auditworkbench.engine.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The findings page counts as the report does: open and informational apart, places to review. */
class FindingsCountsTest {
  @Test
  void openInformationalAndToReviewAreCountedApart() {
    var all =
        List.of(
            finding("secret.aws").severity(Severity.HIGH).build(),
            finding("tenancy.unscoped-query").severity(Severity.MEDIUM).build(),
            finding("pylint.C0114").severity(Severity.INFO).build(),
            finding("code.sql-injection")
                .severity(Severity.HIGH)
                .confidence(Confidence.LOW)
                .build(),
            finding("bandit.B101")
                .severity(Severity.LOW)
                .dismissed(DismissReason.FALSE_POSITIVE)
                .build(),
            finding("bandit.B102").severity(Severity.LOW).gone(3).build());
    assertEquals("6 findings: 2 open, 1 informational, 1 to review", FindingsViewModel.counts(all));
    assertEquals(
        "1 finding: 0 open, 1 informational", FindingsViewModel.counts(List.of(all.get(2))));
  }

  @Test
  void largeCountsAreGroupedAsTheTotalIs() {
    var many =
        java.util.Collections.nCopies(
            10_000, finding("secret.aws").severity(Severity.HIGH).build());
    assertEquals(
        String.format("%,d findings: %,d open, 0 informational", 10_000, 10_000),
        FindingsViewModel.counts(many));
  }
}
