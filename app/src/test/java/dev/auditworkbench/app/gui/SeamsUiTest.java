package dev.auditworkbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The seam map, on a project window. */
class SeamsUiTest extends ProjectWindowUiTest {
  @Start
  void start(Stage stage) throws Exception {
    open(stage); // TestFX looks for @Start on the test class itself
  }

  @Test
  @Tag("seams")
  void seamsPageAsksForAScanThenDrawsTheAppsAndTheirMutualImport(FxRobot robot) throws Exception {
    robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT5);
    waitUntil(() -> robot.lookup("#seams-view").tryQuery().map(Node::isVisible).orElse(false));
    assertTrue(
        robot.lookup("No seam map yet: scan the repository (Ctrl+R).").tryQuery().isPresent());

    Files.createDirectories(repo.resolve("billing"));
    Files.createDirectories(repo.resolve("people"));
    Files.writeString(repo.resolve("billing/__init__.py"), "");
    Files.writeString(repo.resolve("people/__init__.py"), "");
    Files.writeString(
        repo.resolve("billing/models.py"),
        "from people.models import Person\n\nclass Invoice:\n    pass\n");
    Files.writeString(
        repo.resolve("people/models.py"),
        "from billing.models import Invoice\n\nclass Person:\n    pass\n");
    Files.createDirectories(repo.resolve("reports"));
    Files.writeString(repo.resolve("reports/__init__.py"), "");
    Files.writeString(repo.resolve("reports/views.py"), "from billing.models import Invoice\n");
    robot.push(KeyCode.SHORTCUT, KeyCode.R);

    waitUntil(
        () ->
            robot.lookup("#seam-app-billing").tryQuery().isPresent()
                && robot.lookup("#seam-app-people").tryQuery().isPresent());
    // Drawn red by the stylesheet (no colour in Java): the cycle's style class, painted once CSS
    // applies.
    robot.interact(() -> robot.lookup("#seam-drawing").queryAs(Pane.class).applyCss());
    List<Line> red =
        robot.lookup("#seam-drawing").queryAs(Pane.class).getChildren().stream()
            .filter(n -> n instanceof Line l && l.getStyleClass().contains("seam-link-cycle"))
            .map(n -> (Line) n)
            .toList();
    assertEquals(1, red.size(), "the two apps import each other");
    assertEquals(Color.web("#d62728"), red.get(0).getStroke());
    @SuppressWarnings("unchecked")
    ListView<String> clusters = robot.lookup("#seam-clusters").queryAs(ListView.class);
    assertEquals(List.of("1: billing, people, reports"), clusters.getItems());
    // Selecting an app lists what is behind it; the map exports as DOT.
    robot.clickOn("#seam-app-billing");
    @SuppressWarnings("unchecked")
    ListView<String> details = robot.lookup("#seam-details").queryAs(ListView.class);
    waitUntil(() -> details.getItems().contains("module: billing.models"));
    assertEquals("billing (cluster 1): 2 modules", details.getItems().get(0));
    Path out = Files.createTempDirectory(dir, "seams");
    dialogs.exportTo = out;
    robot.clickOn("#seam-export-dot");
    waitUntil(() -> Files.exists(out.resolve("seam-map.dot")));
    assertTrue(Files.readString(out.resolve("seam-map.dot")).contains("billing"));
    // Three apps on the circle: the third sits on the left, its label ends just before its disc.
    Circle disc = robot.lookup("#seam-app-reports").queryAs(Circle.class);
    Text label =
        robot.lookup("#seam-drawing").queryAs(Pane.class).getChildren().stream()
            .filter(n -> n instanceof Text t && t.getText().startsWith("reports"))
            .map(n -> (Text) n)
            .findFirst()
            .orElseThrow();
    double gap = disc.getBoundsInParent().getMinX() - label.getBoundsInParent().getMaxX();
    assertTrue(gap >= 0 && gap < 10, "gap between the label and its disc: " + gap);
  }
}
