package dev.auditworkbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.app.cli.BanditReports;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.DismissReason;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.priority.Planner;
import dev.auditworkbench.engine.priority.Quadrant;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.project.FindingQuery;
import dev.auditworkbench.engine.queries.QueryAnalysis;
import dev.auditworkbench.engine.repo.TestCode;
import dev.auditworkbench.engine.scan.ScanService;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.BoardRepository;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ImportRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.testing.Resources;
import dev.auditworkbench.views.board.BoardView;
import dev.auditworkbench.views.common.BackgroundWork;
import dev.auditworkbench.views.common.Choice;
import dev.auditworkbench.views.matrix.MatrixViewTestAccess;
import dev.auditworkbench.views.shell.MainViewModel;
import dev.auditworkbench.views.shell.MainWindow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.event.ActionEvent;
import javafx.geometry.Point2D;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.eclipse.jgit.api.Git;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The project window driven as a user drives it. Tagged "ui" and per page ("overview", "findings",
 * "board", "matrix", "seams", "queries", "report", "import", "shell"), so one page's tests run
 * alone: {@code ./mvnw -pl app -am test -Dgroups=board -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest {
  @TempDir static Path dir;

  private ProjectStore store;
  private Path repo;
  private BackgroundWork background;
  private MainWindow window;
  private MainViewModel model;
  private final UiFixtures.RecordingDialogs dialogs = new UiFixtures.RecordingDialogs();

  @Start
  void start(Stage stage) throws Exception {
    Path projectDir = Files.createTempDirectory(dir, "p");
    store = UiFixtures.projectWith(projectDir, "many_vulns.json");
    repo = projectDir.resolve("repo");
    background = new BackgroundWork();
    var project = AuditProject.of(store, Clock.systemUTC());
    model =
        new MainViewModel(project, project.imports(ImporterRegistry.load()), background, dialogs);
    window = new MainWindow(model, () -> {}, () -> {});
    Scene scene = new Scene(window, 1200, 800);
    scene.getStylesheets().add(dev.auditworkbench.views.common.Css.STYLESHEET);
    dev.auditworkbench.views.common.Theme.LIGHT
        .apply(); // the AtlantaFX theme the app applies // as the app does
    stage.setScene(scene);
    stage.show();
    stage.requestFocus();
  }

  @AfterEach
  void closeProject() {
    background.shutdownAndWait();
    store.close();
  }

  /**
   * Findings the sample gives with this value: distinct records (one repeated byte for byte is one
   * finding).
   */
  private int expectedCount(String field, String value) throws Exception {
    Set<String> distinct = new HashSet<>();
    for (var r :
        new ObjectMapper().readTree(UiFixtures.sample("many_vulns.json").toFile()).get("results")) {
      if (r.get(field).asText().contains(value)) {
        distinct.add(r.toString());
      }
    }
    return distinct.size();
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
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
    Path check = Resources.path(MainWindowUiTest.class, "demo/captures/scans/check-deploy.txt");
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
  @Tag("import")
  void importThroughTheWindowReportsCountsAndUpdatesTheViews(FxRobot robot) throws Exception {
    robot.interact(() -> window.importFiles(List.of(UiFixtures.sample("one_vuln.json"))));

    waitUntil(() -> !dialogs.infos.isEmpty());
    assertTrue(
        dialogs.infos.get(0).contains("one_vuln.json: detected Bandit JSON; 1 record read, 1 new"),
        dialogs.infos.toString());
    // one_vuln.json scanned only one/one.py: the earlier report's findings elsewhere stay open.
    // (Findings in test code, dojo/unittests here, are information, not low.)
    Set<String> lowInTestsDistinct = new HashSet<>();
    for (var r :
        new ObjectMapper().readTree(UiFixtures.sample("many_vulns.json").toFile()).get("results")) {
      if (r.get("issue_severity").asText().equals("LOW")
          && TestCode.isTest(r.get("filename").asText().replace('\\', '/'))) {
        lowInTestsDistinct.add(r.toString());
      }
    }
    int lowInTests = lowInTestsDistinct.size();
    String lowAfter = String.valueOf(expectedCount("issue_severity", "LOW") - lowInTests + 1);
    waitUntil(
        () ->
            robot.lookup("#tile-low .tile-number").queryAs(Label.class).getText().equals(lowAfter));
  }

  @Test
  void rescanShowsWhenItRanAndTheFilesThatAreNotPython3(FxRobot robot) throws Exception {
    assertEquals(
        "The repository has not been scanned yet (File > Re-scan repository).",
        robot.lookup("#overview-scan").queryAs(Label.class).getText());
    Files.writeString(repo.resolve("ok.py"), "x = 1\n");
    Files.writeString(repo.resolve("legacy.py"), "print 'python 2'\n");

    robot.interact(() -> model.rescan());

    waitUntil(
        () ->
            robot.lookup("#overview-scan").queryAs(Label.class).getText().startsWith("Last scan "));
    String line = robot.lookup("#overview-scan").queryAs(Label.class).getText();
    // To the minute, in the machine's zone; no commit (the folder is not a git repository).
    assertTrue(
        line.matches("Last scan \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}; 1 file not valid Python 3"),
        line);
  }

  @Test
  @Tag("import")
  void badFileInAnImportIsNamedAndTheOthersLand(FxRobot robot) throws Exception {
    Path bad =
        Files.writeString(dir.resolve("notes-" + System.nanoTime() + ".txt"), "not a report");

    robot.interact(() -> window.importFiles(List.of(bad, UiFixtures.sample("one_vuln.json"))));

    waitUntil(() -> !dialogs.errors.isEmpty());
    String report = dialogs.errors.get(0);
    assertTrue(report.contains("Not imported: " + bad), report);
    assertTrue(
        report.contains("one_vuln.json: detected Bandit JSON; 1 record read, 1 new"), report);
  }

  @Test
  @Tag("import")
  void cancellingAnImportLeavesTheProjectAsItWas(FxRobot robot) throws Exception {
    Path big = dir.resolve("big-" + System.nanoTime() + ".json");
    BanditReports.generate(big, 300_000);
    int before = store.read(c -> new FindingRepository(c).count());
    int importsBefore = store.read(c -> new ImportRepository(c).all()).size();

    robot.interact(() -> window.importFiles(List.of(big)));
    waitUntil(
        () ->
            robot.lookup("#status-cancel").queryButton().isVisible()
                && robot
                    .lookup("#status-message")
                    .queryAs(Label.class)
                    .getText()
                    .startsWith("Importing big-"));
    robot.clickOn("#status-cancel");

    waitUntil(() -> dialogs.infos.stream().anyMatch(i -> i.startsWith("Import cancelled")));
    int after = store.read(c -> new FindingRepository(c).count());
    assertEquals(before, after);
    assertEquals(importsBefore, store.read(c -> new ImportRepository(c).all()).size());
  }

  @Test
  @Tag("queries")
  void queriesPageShowsRoutesAndPlanProblemsOnceTracesAreImported(FxRobot robot) throws Exception {
    robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT6);
    waitUntil(() -> robot.lookup("#queries-view").tryQuery().map(Node::isVisible).orElse(false));
    Label summary = robot.lookup("#queries-summary").queryAs(Label.class);
    waitUntil(() -> summary.getText().startsWith("No query data yet"));

    Path access = Resources.path(MainWindowUiTest.class, "demo/captures/web/nginx-access.log");
    Path explain =
        Resources.path(MainWindowUiTest.class, "demo/captures/postgres/explain-reconcile.json");
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
  @Tag("report")
  void reportPagePreviewsTheReportAndExportsIt(FxRobot robot) throws Exception {
    robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT7);
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

  private Finding stored(long id) {
    return store.read(
        c -> {
          try (var r = new FindingRepository(c)) {
            return r.byId(id).orElseThrow();
          }
        });
  }

  @Test
  @Tag("board")
  void boardMovesCardsByKeyboardAndDropSavesThemAndUndoes(FxRobot robot) throws Exception {
    robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT3);
    @SuppressWarnings("unchecked")
    ListView<Finding> inbox = robot.lookup("#board-inbox").queryAs(ListView.class);
    @SuppressWarnings("unchecked")
    ListView<Finding> confirmed = robot.lookup("#board-confirmed").queryAs(ListView.class);
    int total = expectedCount("test_id", "B");
    waitUntil(() -> inbox.getItems().size() == total);
    Label header = robot.lookup("#board-header-inbox").queryAs(Label.class);
    assertTrue(
        header.getText().matches("Inbox  " + total + "\\R[0-9,]+ h of work"), header.getText());

    // Keyboard: Alt+2 moves the selected card to Confirmed, saved at once.
    var first = inbox.getItems().get(0);
    robot.interact(
        () -> {
          inbox.requestFocus();
          inbox.getSelectionModel().clearAndSelect(0);
        });
    robot.press(KeyCode.ALT, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.ALT);
    waitUntil(
        () -> stored(first.id()).status() == Status.CONFIRMED && confirmed.getItems().size() == 1);

    // Undo puts it back.
    robot.clickOn("#tool-undo");
    waitUntil(
        () ->
            stored(first.id()).status() == Status.INBOX
                && confirmed.getItems().isEmpty()
                && inbox.getItems().size() == total);

    // Drop a card on Dismissed (the drop handler's path; the OS gesture itself is not available
    // headless):
    // the reason is asked, then saved.
    var dragged = inbox.getItems().get(1);
    var board = robot.lookup("#board-view").queryAs(BoardView.class);
    robot.interact(() -> board.drop(List.of(dragged.id()), Status.DISMISSED));
    waitUntil(() -> stored(dragged.id()).status() == Status.DISMISSED);
    assertEquals(DismissReason.FALSE_POSITIVE, stored(dragged.id()).dismissReason());
    // A second card dismissed for another reason; reordering the two within Dismissed keeps both
    // reasons.
    var other = inbox.getItems().get(1);
    dialogs.dismissReason = DismissReason.ACCEPTED_RISK;
    robot.interact(() -> board.drop(List.of(other.id()), Status.DISMISSED));
    waitUntil(() -> stored(other.id()).dismissReason() == DismissReason.ACCEPTED_RISK);
    dialogs.dismissReason = null; // a reorder must not ask
    robot.interact(() -> board.drop(List.of(other.id()), Status.DISMISSED, dragged.id()));
    waitUntil(
        () ->
            store
                    .read(c -> new BoardRepository(c).ranks())
                    .getOrDefault(stored(other.id()).fingerprint(), -1)
                == 0);
    assertEquals(DismissReason.ACCEPTED_RISK, stored(other.id()).dismissReason());
    assertEquals(DismissReason.FALSE_POSITIVE, stored(dragged.id()).dismissReason());
    dialogs.dismissReason = DismissReason.FALSE_POSITIVE;

    // The detail pane: evidence of the selected card, notes saved at once, the change in its
    // history.
    var card = inbox.getItems().get(0);
    robot.interact(() -> inbox.getSelectionModel().clearAndSelect(0));
    Label title = robot.lookup("#board-detail-title").queryAs(Label.class);
    waitUntil(() -> title.getText().startsWith(card.title()));
    TextArea notes = robot.lookup("#board-notes").queryAs(TextArea.class);
    robot.interact(() -> notes.setText("Checked with the client: *real* issue."));
    robot.clickOn("#board-save-notes");
    waitUntil(() -> "Checked with the client: *real* issue.".equals(stored(card.id()).notes()));
    robot.interact(
        () -> {
          inbox.getSelectionModel().clearSelection();
          inbox.getSelectionModel().select(card);
        });
    @SuppressWarnings("unchecked")
    ListView<String> history = robot.lookup("#board-history").queryAs(ListView.class);
    waitUntil(() -> history.getItems().stream().anyMatch(h -> h.contains("notes")));
  }

  @Test
  @Tag("board")
  void boardDetailShowsHighlightedCodeAtTheScannedCommitEditsUndoReordersMergesAndLanes(
      FxRobot robot) throws Exception {
    // A repo whose scanned commit holds the risky line; the working tree changed since.
    String committed =
        "from django.db import connection\n\n\ndef order(request, pk):\n    with connection.cursor() as c:\n"
            + "        c.execute(\"SELECT * FROM shop_order WHERE id = %s\" % pk)\n        return c.fetchone()\n";
    Files.createDirectories(repo.resolve("shop"));
    Files.writeString(repo.resolve("shop/__init__.py"), "");
    Files.writeString(repo.resolve("shop/views.py"), committed);
    try (var git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("client code")
          .setSign(false)
          .setAuthor("a", "a@example.com")
          .setCommitter("a", "a@example.com")
          .call();
    }
    new ScanService(store, Clock.systemUTC()).scan(ProgressListener.NONE);
    Files.writeString(repo.resolve("shop/views.py"), "# rewritten after the scan\n");
    robot.interact(() -> model.findings().reload());
    robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT3);
    @SuppressWarnings("unchecked")
    ListView<Finding> inbox = robot.lookup("#board-inbox").queryAs(ListView.class);
    waitUntil(
        () ->
            inbox.getItems().stream()
                .anyMatch(
                    f ->
                        "shop/views.py".equals(f.location().path())
                            && f.location().startLine() == 6));
    Finding sql =
        inbox.getItems().stream()
            .filter(
                f -> "shop/views.py".equals(f.location().path()) && f.location().startLine() == 6)
            .findFirst()
            .orElseThrow();
    robot.interact(
        () -> {
          inbox.requestFocus();
          inbox.getSelectionModel().clearSelection();
          inbox.getSelectionModel().select(sql);
        });
    Label source = robot.lookup("#board-code-source").queryAs(Label.class);
    waitUntil(() -> source.getText().contains("at the scanned commit"));
    CodeArea code = robot.lookup("#board-code").queryAs(CodeArea.class);
    assertEquals(
        committed.strip(), code.getText().strip(), "the file as scanned, not the working tree");
    int marked = 5; // line 6, shown from line 1
    assertEquals(List.of("marked"), List.copyOf(code.getParagraph(marked).getParagraphStyle()));
    assertTrue(code.getParagraph(marked).getText().contains("c.execute("));
    assertEquals(List.of(), List.copyOf(code.getParagraph(0).getParagraphStyle()));
    assertTrue(code.getStyleSpans(marked).getStyleSpan(0).getStyle().isEmpty());
    assertTrue(
        code.getStyleOfChar(3, 1).contains("code-keyword"),
        "def is a keyword: " + code.getStyleOfChar(3, 1));

    // Notes first: later undos of other edits must not take them back with a stale copy.
    TextArea notes = robot.lookup("#board-notes").queryAs(TextArea.class);
    robot.interact(() -> notes.setText("Tenant id is trusted; *method* is not."));
    robot.clickOn("#board-save-notes");
    waitUntil(() -> "Tenant id is trusted; *method* is not.".equals(stored(sql.id()).notes()));

    // Impact and tags from the pane, saved at once; undo takes the impact back to the rule's
    // default.
    @SuppressWarnings("unchecked")
    ComboBox<Integer> impact = robot.lookup("#board-impact").queryAs(ComboBox.class);
    int defaultImpact = sql.impact().value();
    int chosen = defaultImpact == 5 ? 4 : 5;
    robot.interact(() -> impact.setValue(chosen));
    waitUntil(() -> stored(sql.id()).impact().value() == chosen);
    TextField tags = robot.lookup("#board-tags").queryAs(TextField.class);
    robot.interact(
        () -> {
          tags.setText("sqli, quick-win");
          tags.fireEvent(new ActionEvent());
        });
    waitUntil(() -> stored(sql.id()).tags().equals(List.of("sqli", "quick-win")));
    robot.clickOn("#tool-undo");
    waitUntil(() -> stored(sql.id()).tags().isEmpty());
    robot.clickOn("#tool-undo");
    waitUntil(() -> stored(sql.id()).impactOverride() == null);
    robot.clickOn("#tool-redo");
    waitUntil(() -> stored(sql.id()).impact().value() == chosen);
    assertEquals("Tenant id is trusted; *method* is not.", stored(sql.id()).notes());
    @SuppressWarnings("unchecked")
    ListView<String> history = robot.lookup("#board-history").queryAs(ListView.class);
    waitUntil(() -> history.getItems().stream().filter(h -> h.contains("impact:")).count() == 3);

    // Reorder within the column: dropped on the first card, it goes first, and stays first after a
    // reload.
    Finding last = inbox.getItems().get(inbox.getItems().size() - 1);
    Finding head = inbox.getItems().get(0);
    var board = robot.lookup("#board-view").queryAs(BoardView.class);
    robot.interact(() -> board.drop(List.of(last.id()), Status.INBOX, head.id()));
    waitUntil(() -> inbox.getItems().get(0).id() == last.id());
    robot.interact(() -> model.findings().reload());
    waitUntil(() -> store.read(c -> new BoardRepository(c).ranks()).get(last.fingerprint()) == 0);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(last.id(), inbox.getItems().get(0).id());
    assertEquals(head.id(), inbox.getItems().get(1).id());

    // Merge: two selected cards, Ctrl+M keeps the one shown and dismisses the other as a duplicate.
    Finding keep = inbox.getItems().get(0);
    Finding dup = inbox.getItems().get(1);
    robot.interact(
        () -> {
          inbox.requestFocus();
          inbox.getSelectionModel().clearSelection();
          inbox.getSelectionModel().select(keep);
        });
    Label title = robot.lookup("#board-detail-title").queryAs(Label.class);
    waitUntil(() -> title.getText().startsWith(keep.title()));
    robot.interact(() -> inbox.getSelectionModel().select(dup));
    robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
    waitUntil(() -> stored(dup.id()).dismissReason() == DismissReason.DUPLICATE);
    waitUntil(() -> inbox.getItems().stream().noneMatch(f -> f.id() == dup.id()));
    waitUntil(
        () ->
            robot.lookup(".list-cell").queryAll().stream()
                .anyMatch(
                    n ->
                        n instanceof ListCell<?> cell
                            && cell.getItem() instanceof Finding f
                            && f.id() == keep.id()
                            && ((VBox) cell.getGraphic()).getChildren().get(0) instanceof Label l
                            && l.getText().startsWith("×2")));

    // The shared search filters the board's columns.
    int before = inbox.getItems().size();
    robot.interact(() -> model.findings().searchProperty().set("B608"));
    waitUntil(
        () ->
            inbox.getItems().size() < before
                && !inbox.getItems().isEmpty()
                && inbox.getItems().stream()
                    .allMatch(
                        f -> f.sources().stream().anyMatch(x -> "B608".equals(x.nativeRuleId()))));
    robot.interact(() -> model.findings().searchProperty().set(""));
    waitUntil(() -> inbox.getItems().size() == before);

    // A change the store refuses (the finding was deleted behind the board's back) is reported, not
    // swallowed.
    Finding doomed = inbox.getItems().get(inbox.getItems().size() - 1);
    store.write(
        c -> {
          try (var st = c.createStatement()) {
            st.executeUpdate("DELETE FROM finding_history WHERE finding_id = " + doomed.id());
            st.executeUpdate("DELETE FROM findings WHERE id = " + doomed.id());
          }
          return null;
        });
    robot.interact(() -> board.drop(List.of(doomed.id()), Status.CONFIRMED));
    try {
      waitUntil(
          () ->
              dialogs.errors.stream()
                  .anyMatch(
                      e ->
                          e.startsWith("Board: Could not move 1 card to Confirmed")
                              && e.contains("#" + doomed.id() + " is gone")));
    } catch (TimeoutException e) {
      throw new AssertionError("errors: " + dialogs.errors, e);
    }
    waitUntil(() -> inbox.getItems().stream().noneMatch(f -> f.id() == doomed.id()));

    // Swimlanes by category: one row of four columns per category.
    @SuppressWarnings("unchecked")
    ComboBox<BoardView.Lanes> lanes = robot.lookup("#board-lanes").queryAs(ComboBox.class);
    robot.interact(() -> lanes.setValue(BoardView.Lanes.CATEGORY));
    waitUntil(() -> robot.lookup("#board-lane-security").tryQuery().isPresent());
    @SuppressWarnings("unchecked")
    ListView<Finding> securityInbox = robot.lookup("#board-inbox-security").queryAs(ListView.class);
    assertTrue(
        securityInbox.getItems().stream().allMatch(f -> f.category().key().equals("security")));
    assertEquals(
        inbox.getItems().stream()
            .filter(f -> f.category().key().equals("security"))
            .map(Finding::id)
            .toList(),
        securityInbox.getItems().stream().map(Finding::id).toList(),
        "the lane keeps the column's order");
    // The lane's count follows moves: one security card from Inbox to Confirmed keeps the lane's
    // total.
    Label laneTitle = robot.lookup("#board-lane-security").queryAs(Label.class);
    long security =
        model.findings().all().stream()
            .filter(f -> !f.gone() && f.category().key().equals("security"))
            .count();
    assertEquals("security  (" + security + ")", laneTitle.getText());
    @SuppressWarnings("unchecked")
    ListView<Finding> securityConfirmed =
        robot.lookup("#board-confirmed-security").queryAs(ListView.class);
    int confirmedBefore = securityConfirmed.getItems().size();
    Finding moving = securityInbox.getItems().get(0);
    robot.interact(() -> board.drop(List.of(moving.id()), Status.CONFIRMED));
    waitUntil(() -> securityConfirmed.getItems().size() == confirmedBefore + 1);
    assertEquals("security  (" + security + ")", laneTitle.getText());
    // ...and the filters: searching shrinks it to the cards shown in its four lists.
    robot.interact(() -> model.findings().searchProperty().set("B608"));
    waitUntil(() -> securityInbox.getItems().size() < security);
    int shownInLane =
        robot.lookup(".list-view").queryAll().stream()
            .filter(
                n ->
                    n.getId() != null
                        && n.getId().startsWith("board-")
                        && n.getId().endsWith("-security"))
            .mapToInt(n -> ((ListView<?>) n).getItems().size())
            .sum();
    assertTrue(shownInLane > 0 && shownInLane < security, "shown " + shownInLane);
    assertEquals("security  (" + shownInLane + ")", laneTitle.getText());
    robot.interact(() -> model.findings().searchProperty().set(""));
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
  @Tag("shell")
  void statusBarNamesTheProjectAndTheLastImport(FxRobot robot) throws Exception {
    Label status = robot.lookup("#status-project").queryAs(Label.class);
    waitUntil(() -> status.getText().contains("last import: many_vulns.json ("));
    assertTrue(
        status.getText().startsWith(store.file().getFileName().toString()), status.getText());
    assertTrue(status.getTooltip().getText().startsWith(store.file().toString()));
  }

  @Test
  @Tag("findings")
  void findingsFilterByAppAndQuadrant(FxRobot robot) throws Exception {
    Path check = Resources.path(MainWindowUiTest.class, "demo/captures/scans/check-deploy.txt");
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

  @Test
  @Tag("queries")
  void selectingAnNPlusOneShowsItsRouteAndCount(FxRobot robot) throws Exception {
    Path access = Resources.path(MainWindowUiTest.class, "demo/captures/web/nginx-access.log");
    Path sql = Resources.path(MainWindowUiTest.class, "demo/captures/django/django-sql.log");
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

  @Test
  @Tag("board")
  void aSearchTypedOnTheFindingsPageIsShownOnTheBoardAndMatrixAndCanBeCleared(FxRobot robot)
      throws Exception {
    robot.interact(() -> model.findings().searchProperty().set("B608"));
    robot.interact(() -> window.show(MainWindow.Page.BOARD));
    javafx.scene.Node notice = robot.lookup("#board-filters").query();
    waitUntil(notice::isVisible);
    assertTrue(
        robot.lookup("#board-filters-text").queryAs(Label.class).getText().contains("\"b608\""));
    robot.interact(() -> window.show(MainWindow.Page.MATRIX));
    waitUntil(() -> robot.lookup("#matrix-filters").query().isVisible());
    robot.clickOn("#matrix-filters-clear");
    waitUntil(() -> model.findings().searchProperty().get().isEmpty());
    waitUntil(() -> !robot.lookup("#matrix-filters").query().isVisible());
  }
}
