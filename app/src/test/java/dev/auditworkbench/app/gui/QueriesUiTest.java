package dev.auditworkbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.queries.QueryAnalysis;
import dev.auditworkbench.engine.testing.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Queries page, on a project window. */
class QueriesUiTest extends ProjectWindowUiTest {
  @Start
  void start(Stage stage) throws Exception {
    open(stage); // TestFX looks for @Start on the test class itself
  }

  @Test
  @Tag("queries")
  void queriesPageShowsRoutesAndPlanProblemsOnceTracesAreImported(FxRobot robot) throws Exception {
    robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT6);
    waitUntil(() -> robot.lookup("#queries-view").tryQuery().map(Node::isVisible).orElse(false));
    Label summary = robot.lookup("#queries-summary").queryAs(Label.class);
    waitUntil(() -> summary.getText().startsWith("No query data yet"));

    Path access = Resources.path(ProjectWindowUiTest.class, "demo/captures/web/nginx-access.log");
    Path explain =
        Resources.path(ProjectWindowUiTest.class, "demo/captures/postgres/explain-reconcile.json");
    robot.interact(() -> window.importFiles(List.of(access, explain)));
    waitUntil(() -> summary.getText().contains("1 plan problems"));
    TableView<?> plans = robot.lookup("#queries-plans").queryAs(TableView.class);
    assertEquals(1, plans.getItems().size());
    TableView<?> routes = robot.lookup("#queries-routes").queryAs(TableView.class);
    long paths =
        Files.readAllLines(access).stream()
            .map(l -> l.split(" ")[6].replaceAll("\\?.*", "").replaceAll("/\\d+(?=/|$)", "/{id}"))
            .distinct()
            .count();
    assertEquals(
        paths,
        routes.getItems().size(),
        "one row per route (ids folded; no scan here to name patterns)");

    robot.clickOn("Plans");
    robot.interact(() -> plans.getSelectionModel().select(0));
    CodeArea detail = robot.lookup("#queries-detail").queryAs(CodeArea.class);
    assertTrue(
        detail.getText().contains("CREATE INDEX CONCURRENTLY invoices_invoice_external_ref_idx"),
        detail.getText());
  }

  @Test
  @Tag("queries")
  void routesTabChartsDailyLatencyAndMarksTheDayItChanged(FxRobot robot) throws Exception {
    // Ten days of one route: about 100 ms for six days, then about 600 ms (combined format +
    // $request_time).
    StringBuilder log = new StringBuilder();
    DateTimeFormatter f = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss", Locale.ROOT);
    for (int day = 0; day < 10; day++) {
      for (int i = 0; i < 40; i++) {
        var t = LocalDateTime.of(2026, 11, 10 + day, 9, i);
        double rt = (day < 6 ? 0.100 : 0.600) * (1 + (i % 7) / 20.0);
        log.append(
            String.format(
                Locale.ROOT,
                "10.0.0.1 - - [%s +0000] \"GET /invoices/ HTTP/1.1\" 200 512 \"-\" \"ua\" %.3f%n",
                f.format(t),
                rt));
      }
    }
    Path access = Files.createTempFile(dir, "access", ".log");
    Files.writeString(access, log);
    robot.interact(() -> window.importFiles(List.of(access)));
    waitUntil(() -> !dialogs.infos.isEmpty());
    robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT6);
    TableView<?> routes = robot.lookup("#queries-routes").queryAs(TableView.class);
    waitUntil(() -> routes.getItems().size() == 1);
    robot.clickOn("Routes");
    robot.interact(() -> routes.getSelectionModel().select(0));
    @SuppressWarnings("unchecked")
    LineChart<String, Number> chart =
        robot.lookup("#queries-latency-chart").queryAs(LineChart.class);
    waitUntil(() -> chart.getData().size() == 4);
    assertTrue(chart.getTitle().contains("p95 changed on 2026-11-16"), chart.getTitle());
    assertEquals(10, chart.getData().get(1).getData().size(), "one p95 point per day");
    assertEquals("2026-11-16", chart.getData().get(3).getData().get(0).getXValue());
  }

  @Test
  @Tag("queries")
  void selectingAnNPlusOneShowsItsRouteAndCount(FxRobot robot) throws Exception {
    Path access = Resources.path(ProjectWindowUiTest.class, "demo/captures/web/nginx-access.log");
    Path sql = Resources.path(ProjectWindowUiTest.class, "demo/captures/django/django-sql.log");
    robot.interact(() -> window.importFiles(List.of(access, sql)));
    robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT6);
    TableView<?> nPlusOnes = robot.lookup("#queries-n-plus-one").queryAs(TableView.class);
    waitUntil(
        () ->
            nPlusOnes.getItems().stream()
                .anyMatch(o -> ((QueryAnalysis.NPlusOne) o).route().equals("GET /invoices/")));
    int row = 0;
    while (!((QueryAnalysis.NPlusOne) nPlusOnes.getItems().get(row))
        .route()
        .equals("GET /invoices/")) {
      row++;
    }
    int chosen = row;
    robot.interact(() -> nPlusOnes.getSelectionModel().select(chosen));
    var n = (QueryAnalysis.NPlusOne) nPlusOnes.getItems().get(chosen);
    CodeArea detail = robot.lookup("#queries-detail").queryAs(CodeArea.class);
    assertEquals(100, n.repeats());
    assertTrue(
        detail.getText().startsWith("-- GET /invoices/: 100 x the statement below in each of "),
        detail.getText());
    // The SQL is laid out one clause per line and highlighted.
    assertTrue(
        detail.getText().contains("\n  FROM \"") && detail.getText().contains("\n  WHERE "),
        detail.getText());
    int select = detail.getText().indexOf("SELECT");
    assertEquals(Set.of("sql-keyword"), Set.copyOf(detail.getStyleOfChar(select + 1)));
    // What is said about the statement is a comment: "in" there is not a keyword.
    assertEquals(
        Set.of("sql-comment"),
        Set.copyOf(detail.getStyleOfChar(detail.getText().indexOf(" in each") + 2)));
  }
}
