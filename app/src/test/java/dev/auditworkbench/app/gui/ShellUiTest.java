package dev.auditworkbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
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
}
