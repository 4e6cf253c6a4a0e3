package dev.auditworkbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Dialogs are sized to their text: a short message whole, a long one summarised with its details
 * open.
 */
@Tag("ui")
@Tag("shell")
@ExtendWith(ApplicationExtension.class)
class DialogsUiTest {
  @Start
  void start(Stage stage) {
    stage.show();
  }

  @Test
  void aLongReportShowsItsFirstLinesAndTheWholeTextInDetails(FxRobot robot) {
    String message =
        IntStream.rangeClosed(1, 9)
                .mapToObj(i -> "file-" + i + ".log: imported 120 records, 0 new")
                .collect(Collectors.joining("\n"))
            + "\nNot imported: /captures/test-run.log: no importer recognises this content (expected"
            + " a PostgreSQL log, a Django SQL log, ...)";
    Alert[] alert = new Alert[1];
    robot.interact(
        () -> {
          alert[0] =
              FxDialogService.build(
                  Alert.AlertType.ERROR, "Import finished with problems", message);
        });
    Label summary = (Label) alert[0].getDialogPane().getContent();
    assertTrue(summary.getText().startsWith("file-1.log: imported 120 records"), summary.getText());
    assertTrue(summary.getText().endsWith("(see the details)"), summary.getText());
    TextArea details = (TextArea) alert[0].getDialogPane().getExpandableContent();
    assertEquals(message, details.getText());
    assertTrue(alert[0].getDialogPane().isExpanded(), "the details are open at once");
  }

  @Test
  void aShortMessageIsShownWholeWithoutDetails(FxRobot robot) {
    Alert[] alert = new Alert[1];
    robot.interact(
        () -> {
          alert[0] =
              FxDialogService.build(
                  Alert.AlertType.INFORMATION,
                  "Report exported",
                  "PDF written to /tmp/audit-report.pdf");
        });
    Label summary = (Label) alert[0].getDialogPane().getContent();
    assertEquals("PDF written to /tmp/audit-report.pdf", summary.getText());
    assertNull(alert[0].getDialogPane().getExpandableContent());
  }
}
