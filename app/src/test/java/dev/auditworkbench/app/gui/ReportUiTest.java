package dev.auditworkbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Report page, on a project window. */
class ReportUiTest extends ProjectWindowUiTest {
  @Start
  void start(Stage stage) throws Exception {
    open(stage); // TestFX looks for @Start on the test class itself
  }

  @Test
  @Tag("report")
  void reportPagePreviewsTheReportAndExportsIt(FxRobot robot) throws Exception {
    robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT9);
    Label summary = robot.lookup("#report-summary").queryAs(Label.class);
    waitUntil(() -> summary.getText().contains("findings in report"));
    WebView preview = robot.lookup("#report-preview").queryAs(WebView.class);
    assertTrue(!preview.getEngine().isJavaScriptEnabled(), "nothing in a finding can run");
    Path out = Files.createTempDirectory(dir, "export");
    dialogs.exportTo = out;
    robot.clickOn("#report-export-csv");
    waitUntil(() -> Files.exists(out.resolve("audit-report.csv")) && !dialogs.infos.isEmpty());
    assertTrue(
        Files.readString(out.resolve("audit-report.csv"))
            .startsWith("Summary,Description,Priority,Labels,Reference"));
    robot.clickOn("#report-export-pdf");
    waitUntil(() -> Files.exists(out.resolve("audit-report.pdf")) && dialogs.infos.size() >= 2);
    assertTrue(
        Files.readString(out.resolve("audit-report.pdf"), StandardCharsets.ISO_8859_1)
            .startsWith("%PDF-"));
    try (var files = Files.list(out)) {
      assertEquals(2, files.count(), "no temporary file left behind");
    }
  }
}
