package dev.auditworkbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.priority.Planner;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.views.matrix.MatrixViewTestAccess;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The impact-vs-effort matrix, on a project window. */
class MatrixUiTest extends ProjectWindowUiTest {
  @Start
  void start(Stage stage) throws Exception {
    open(stage); // TestFX looks for @Start on the test class itself
  }

  @Test
  @Tag("matrix")
  void matrixDragReScoresAWorkItemAndSavesIt(FxRobot robot) throws Exception {
    robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT4);
    waitUntil(() -> robot.lookup("#matrix-item-1").tryQuery().isPresent());
    FlowPane legend = robot.lookup("#matrix-legend").queryAs(FlowPane.class);
    assertEquals(
        Category.values().length + 1,
        legend.getChildren().size(),
        "a colour per category and what the size means");
    // The lowest-ranked item that holds one finding: a drag re-scores exactly that finding.
    Pane chart = robot.lookup("#matrix-chart").queryAs(Pane.class);
    Circle disc =
        chart.getChildren().stream()
            .filter(
                n ->
                    n instanceof Circle c
                        && c.getProperties().get("item") instanceof Planner.WorkItem w
                        && w.findings().size() == 1)
            .map(n -> (Circle) n)
            .reduce((a, b) -> b)
            .orElseThrow();
    var item = (Planner.WorkItem) disc.getProperties().get("item");
    long id = item.findings().get(0).id();
    Point2D target = chart.localToScreen(MatrixViewTestAccess.x(40), MatrixViewTestAccess.y(5));
    robot.drag(disc).dropTo(target);
    waitUntil(
        () ->
            store.read(
                c -> {
                  try (var r = new FindingRepository(c)) {
                    var f = r.byId(id).orElseThrow();
                    return f.impactOverride() != null
                        && f.impactOverride().value() == 5
                        && f.effortOverride() != null
                        && Math.abs(f.effortOverride().hours() - 40) <= 3;
                  }
                }));
    Label detail = robot.lookup("#matrix-detail").queryAs(Label.class);
    assertTrue(detail.getText().startsWith("Re-scored"), detail.getText());
    // The matrix on show is planned again after the change (it is not visited again).
    waitUntil(
        () ->
            chart.getChildren().stream()
                .anyMatch(
                    n ->
                        n.getProperties().get("item") instanceof Planner.WorkItem w
                            && w.findings().stream().anyMatch(f -> f.id() == id)
                            && w.impact() == 5));

    // The Findings filters narrow the matrix too.
    long discs =
        chart.getChildren().stream().filter(n -> n.getProperties().get("item") != null).count();
    String title = item.findings().get(0).title();
    robot.interact(() -> model.findings().searchProperty().set(title));
    waitUntil(
        () ->
            chart.getChildren().stream().filter(n -> n.getProperties().get("item") != null).count()
                < discs);
    // A double click opens the work item's finding in Findings.
    Circle again =
        chart.getChildren().stream()
            .filter(
                n ->
                    n instanceof Circle c
                        && c.getProperties().get("item") instanceof Planner.WorkItem w
                        && w.findings().stream().anyMatch(f -> f.id() == id))
            .map(n -> (Circle) n)
            .findFirst()
            .orElseThrow();
    robot.doubleClickOn(again);
    TableView<?> table = robot.lookup("#findings-table").queryAs(TableView.class);
    waitUntil(
        () ->
            table.isVisible()
                && table.getSelectionModel().getSelectedItem() instanceof Finding f
                && f.id() == id);
  }
}
