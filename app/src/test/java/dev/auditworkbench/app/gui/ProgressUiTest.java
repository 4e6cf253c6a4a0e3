package dev.auditworkbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.store.FindingRepository;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Progress page: a round opened from the app, its import, the two rounds side by side. */
class ProgressUiTest extends ProjectWindowUiTest {
  @Start
  void start(Stage stage) throws Exception {
    open(stage); // TestFX looks for @Start on the test class itself
  }

  @Test
  @Tag("progress")
  void aNewRoundAndItsImportAreComparedWithTheBaseline(FxRobot robot) throws Exception {
    robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT8);
    waitUntil(() -> robot.lookup("#progress-view").tryQuery().map(Node::isVisible).orElse(false));
    Label summary = robot.lookup("#progress-summary").queryAs(Label.class);
    waitUntil(() -> summary.getText().startsWith("Only the baseline so far"));

    // The same bandit run, a week later, no longer reports its first two results.
    ObjectMapper json = new ObjectMapper();
    ObjectNode report = (ObjectNode) json.readTree(UiFixtures.sample("many_vulns.json").toFile());
    ((ArrayNode) report.get("results")).remove(0);
    ((ArrayNode) report.get("results")).remove(0);
    Path after = dir.resolve("bandit-week-2.json");
    json.writeValue(after.toFile(), report);
    dialogs.text = "after sprint 2";
    robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.N);
    waitUntil(() -> model.progress().roundsProperty().get().size() == 2);
    robot.interact(() -> window.importFiles(List.of(after)));

    // Fixed: what the store marked gone with that import (counted findings only).
    // The import, the reloads it starts and the comparison all done before reading anything.
    waitUntil(() -> goneCounted() > 0 && background.isIdle());
    long gone = goneCounted();
    String fixed = gone == 1 ? "1 finding fixed" : gone + " findings fixed";
    waitUntil(() -> background.isIdle() && summary.getText().startsWith(fixed + ", 0 new"));
    @SuppressWarnings("unchecked")
    TableView<String[]> severities = robot.lookup("#progress-severities").queryAs(TableView.class);
    // Four severities, then the categories: each half counts every fixed finding once.
    List<String[]> rows = severities.getItems();
    assertEquals(gone, rows.subList(0, 4).stream().mapToLong(r -> Long.parseLong(r[1])).sum());
    assertEquals(
        gone, rows.subList(4, rows.size()).stream().mapToLong(r -> Long.parseLong(r[1])).sum());
    assertTrue(rows.get(4)[0].startsWith("  "), "categories are indented under the severities");
    assertTrue(summary.getText().contains("still open"), summary.getText());
  }

  private long goneCounted() {
    return store.read(
        c -> {
          try (FindingRepository r = new FindingRepository(c)) {
            return r.all().stream()
                .filter(Finding::gone)
                .filter(f -> f.severity() != Severity.INFO)
                .count();
          }
        });
  }
}
