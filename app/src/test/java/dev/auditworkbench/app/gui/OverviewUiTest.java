package dev.auditworkbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.store.FindingRepository;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Overview page, on a project window. */
class OverviewUiTest extends ProjectWindowUiTest {
  @Start
  void start(Stage stage) throws Exception {
    open(stage); // TestFX looks for @Start on the test class itself
  }

  @Test
  @Tag("overview")
  void overviewCountsTheImportedFindingsBySeverity(FxRobot robot) throws Exception {
    // The overview counts as the report does: the low-confidence places nobody triaged stay out.
    int medium = expectedCount("issue_severity", "MEDIUM");
    long lowConfidence =
        store.read(c -> new FindingRepository(c).all()).stream()
            .filter(f -> f.severity() == dev.auditworkbench.engine.model.Severity.MEDIUM)
            .filter(Finding::unreviewedLowConfidence)
            .count();
    var report =
        store.read(
            c -> dev.auditworkbench.engine.report.ReportModel.of(c, java.time.Instant.now()));
    String reported =
        report.summary().severities().stream()
                .filter(x -> x.severity().equals("medium"))
                .findFirst()
                .orElseThrow()
                .count()
            + "";
    waitUntil(() -> robot.lookup("#tile-medium").tryQuery().isPresent());
    Label number = robot.lookup("#tile-medium .tile-number").queryAs(Label.class);
    assertEquals(String.valueOf(medium - lowConfidence), number.getText());
    assertEquals(reported, number.getText(), "the overview and the report count alike");
  }
}
