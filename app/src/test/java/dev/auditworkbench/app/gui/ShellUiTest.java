package dev.auditworkbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.views.overview.OverviewView;
import dev.auditworkbench.views.shell.MainWindow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The window around the pages, on a project window. */
class ShellUiTest extends ProjectWindowUiTest {
  @Start
  void start(Stage stage) throws Exception {
    open(stage); // TestFX looks for @Start on the test class itself
  }

  @Test
  @Tag("shell")
  void statusBarNamesTheProjectAndTheLastImport(FxRobot robot) throws Exception {
    Label status = robot.lookup("#status-project").queryAs(Label.class);
    waitUntil(() -> status.getText().contains("last import: many_vulns.json ("));
    assertTrue(
        status.getText().startsWith(store.file().getFileName().toString()), status.getText());
    assertTrue(status.getTooltip().getText().startsWith(store.file().toString()));
  }

  @Test
  @Tag("shell")
  void pagesAreBuiltOnFirstVisit(FxRobot robot) throws Exception {
    assertTrue(robot.lookup("#board-view").tryQuery().isEmpty(), "board built before its visit");
    robot.interact(() -> window.show(MainWindow.Page.BOARD));
    waitUntil(() -> robot.lookup("#board-view").tryQuery().isPresent());
    // and once built, a page is kept: back and forth shows the same node
    Node board = robot.lookup("#board-view").query();
    robot.interact(() -> window.show(MainWindow.Page.OVERVIEW));
    robot.interact(() -> window.show(MainWindow.Page.BOARD));
    assertSame(board, robot.lookup("#board-view").query());
  }

  @Test
  @Tag("shell")
  void anOverviewBuiltAfterItsFiguresShowsThem(FxRobot robot) throws Exception {
    waitUntil(() -> model.overview().snapshotProperty().get() != null);
    OverviewView[] late = new OverviewView[1];
    robot.interact(() -> late[0] = new OverviewView(model.overview()));
    Pane severities = (Pane) late[0].lookup("#overview-severities");
    assertFalse(severities.getChildren().isEmpty(), "no severity tiles");
  }

  @Test
  void anotherAuditorsTriageIsImportedAfterAskingAndUndoneInOneStep(FxRobot robot)
      throws Exception {
    waitUntil(() -> !model.findings().shown().isEmpty());
    java.nio.file.Path out = java.nio.file.Files.createTempDirectory(dir, "triage");
    dialogs.exportTo = out;
    robot.push(
        javafx.scene.input.KeyCode.SHORTCUT,
        javafx.scene.input.KeyCode.SHIFT,
        javafx.scene.input.KeyCode.E);
    java.nio.file.Path exported = out.resolve("triage.json");
    waitUntil(() -> java.nio.file.Files.exists(exported));
    waitUntil(() -> dialogs.infos.stream().anyMatch(i -> i.startsWith("Triage exported")));
    // The specialist confirmed one finding on their copy: its entry, with its history, added.
    var finding = model.findings().shown().get(0);
    var json =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(exported.toFile());
    var entry = json.putArray("findings").addObject();
    entry.put("fingerprint", finding.fingerprint());
    entry.put("title", finding.title());
    entry.put("status", "CONFIRMED");
    entry.put("notes", "");
    var change = entry.putArray("history").addObject();
    change.put("at", "2026-12-06T09:00:00Z");
    change.put("field", "status");
    change.put("oldValue", "INBOX");
    change.put("newValue", "CONFIRMED");
    java.nio.file.Path theirs = out.resolve("specialist.json");
    new com.fasterxml.jackson.databind.ObjectMapper().writeValue(theirs.toFile(), json);
    dialogs.openFile = theirs;
    dialogs.choice = 0;
    robot.push(
        javafx.scene.input.KeyCode.SHORTCUT,
        javafx.scene.input.KeyCode.SHIFT,
        javafx.scene.input.KeyCode.I);
    waitUntil(
        () -> stored(finding.id()).status() == dev.auditworkbench.engine.model.Status.CONFIRMED);
    assertTrue(
        dialogs.asked.get(0).contains("1 changed only there (taken), 0 changed only here (kept)"),
        dialogs.asked.get(0));
    robot.push(javafx.scene.input.KeyCode.SHORTCUT, javafx.scene.input.KeyCode.Z);
    waitUntil(() -> stored(finding.id()).status() == dev.auditworkbench.engine.model.Status.INBOX);
  }
}
