package dev.auditworkbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.priority.Quadrant;
import dev.auditworkbench.engine.project.FindingQuery;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.testing.Resources;
import dev.auditworkbench.views.common.Choice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Side;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Findings page: filters, bulk triage, the detail pane, on a project window. */
class FindingsUiTest extends ProjectWindowUiTest {
  @Start
  void start(Stage stage) throws Exception {
    open(stage); // TestFX looks for @Start on the test class itself
  }

  @Test
  @Tag("findings")
  void typingInSearchFiltersTheTable(FxRobot robot) throws Exception {
    robot.clickOn("Findings");
    TableView<?> table = robot.lookup("#findings-table").queryAs(TableView.class);
    int all = expectedCount("test_id", "B");
    waitUntil(() -> table.getItems().size() == all);

    robot.clickOn("#findings-search").write("B608");

    int sql = expectedCount("test_id", "B608");
    waitUntil(() -> table.getItems().size() == sql);
    assertEquals(
        sql + " of " + all + " findings",
        robot.lookup("#findings-summary").queryAs(Label.class).getText());
  }

  @Test
  @Tag("findings")
  void toolFilterListsTheToolsAndShowsOnlyTheChosenOnes(FxRobot robot) throws Exception {
    Path check = Resources.path(ProjectWindowUiTest.class, "demo/captures/scans/check-deploy.txt");
    long checks = Files.readAllLines(check).stream().filter(l -> l.contains("(security.")).count();
    robot.interact(() -> window.importFiles(List.of(check)));
    waitUntil(() -> !dialogs.infos.isEmpty());
    robot.clickOn("Findings");
    @SuppressWarnings("unchecked")
    ComboBox<Choice<String>> tool = robot.lookup("#findings-tool").queryAs(ComboBox.class);
    waitUntil(() -> tool.getItems().size() == 3);
    assertEquals(
        List.of("bandit", "django-check"),
        tool.getItems().stream().skip(1).map(c -> c.value()).toList());
    TableView<?> table = robot.lookup("#findings-table").queryAs(TableView.class);
    int bandit = expectedCount("test_id", "B");
    waitUntil(() -> table.getItems().size() == bandit + checks);

    robot.interact(() -> tool.getSelectionModel().select(2));
    waitUntil(() -> table.getItems().size() == checks);
    robot.interact(() -> tool.getSelectionModel().select(1));
    waitUntil(() -> table.getItems().size() == bandit);
  }

  @Test
  @Tag("findings")
  void bulkMoveFromTheContextMenuIsSaved(FxRobot robot) throws Exception {
    robot.clickOn("Findings");
    @SuppressWarnings("unchecked")
    TableView<Finding> table = robot.lookup("#findings-table").queryAs(TableView.class);
    waitUntil(() -> !table.getItems().isEmpty());
    robot.interact(() -> table.getSelectionModel().selectRange(0, 3));
    List<Long> chosen =
        table.getSelectionModel().getSelectedItems().stream().map(Finding::id).toList();
    assertEquals(3, chosen.size());

    // Monocle's headless mouse sets no popup trigger on a secondary click, so open the menu itself.
    robot.interact(() -> table.getContextMenu().show(table, Side.TOP, 40, 80));
    robot.clickOn("Confirm");

    waitUntil(
        () ->
            store.read(c -> new FindingRepository(c).all()).stream()
                    .filter(f -> f.status() == Status.CONFIRMED)
                    .count()
                == 3);
    List<Long> confirmed =
        store.read(c -> new FindingRepository(c).all()).stream()
            .filter(f -> f.status() == Status.CONFIRMED)
            .map(Finding::id)
            .sorted()
            .toList();
    assertEquals(chosen.stream().sorted().toList(), confirmed);
  }

  @Test
  @Tag("findings")
  void findingsFilterByAppAndQuadrant(FxRobot robot) throws Exception {
    Path check = Resources.path(ProjectWindowUiTest.class, "demo/captures/scans/check-deploy.txt");
    long checks = Files.readAllLines(check).stream().filter(l -> l.contains("(security.")).count();
    robot.interact(() -> window.importFiles(List.of(check)));
    waitUntil(() -> !dialogs.infos.isEmpty());
    robot.clickOn("Findings");
    TableView<?> table = robot.lookup("#findings-table").queryAs(TableView.class);
    long total = expectedCount("test_id", "B") + checks;
    waitUntil(() -> table.getItems().size() == total);
    @SuppressWarnings("unchecked")
    ComboBox<Choice<String>> app = robot.lookup("#findings-app").queryAs(ComboBox.class);
    waitUntil(() -> app.getItems().size() > 2);
    String chosen = app.getItems().get(1).value();
    long inApp =
        table.getItems().stream()
            .map(o -> (Finding) o)
            .filter(f -> FindingQuery.appOf(f).equals(chosen))
            .count();
    robot.interact(() -> app.getSelectionModel().select(1));
    waitUntil(() -> table.getItems().size() == inApp);
    assertTrue(inApp > 0 && inApp < total, inApp + " of " + total);
    robot.interact(() -> app.getSelectionModel().select(0));
    @SuppressWarnings("unchecked")
    ComboBox<Choice<Quadrant>> quadrant =
        robot.lookup("#findings-quadrant").queryAs(ComboBox.class);
    long quick =
        table.getItems().stream()
            .map(o -> (Finding) o)
            .filter(f -> f.impact().value() >= 4 && f.effort().hours() <= 16)
            .count();
    robot.interact(() -> quadrant.getSelectionModel().select(1)); // Quick win
    waitUntil(() -> table.getItems().size() == quick);
    robot.interact(() -> quadrant.getSelectionModel().select(0));
    @SuppressWarnings("unchecked")
    ComboBox<Choice<Category>> category =
        robot.lookup("#findings-category").queryAs(ComboBox.class);
    robot.interact(
        () ->
            category
                .getSelectionModel()
                .select(
                    category.getItems().stream()
                        .filter(c -> c.value() == Category.SECURITY)
                        .findFirst()
                        .orElseThrow()));
    waitUntil(() -> table.getItems().size() == total);
    // The table has the page's width until a finding is chosen; then the detail pane (the
    // board's) opens on it: title and place, then its story.
    assertTrue(robot.lookup("#findings-detail").tryQuery().isEmpty(), "no empty detail pane");
    robot.interact(() -> table.getSelectionModel().clearSelection());
    robot.interact(() -> table.getSelectionModel().select(0));
    var selected = (Finding) table.getItems().get(0);
    javafx.scene.Node pane = robot.lookup("#findings-detail").query();
    waitUntil(
        () -> {
          Label title = (Label) pane.lookup("#board-detail-title");
          return title != null && title.getText().startsWith(selected.title());
        });
  }
}
