package dev.auditworkbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.app.demo.DemoProject;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.views.common.BackgroundWork;
import dev.auditworkbench.views.common.Css;
import dev.auditworkbench.views.shell.MainViewModel;
import dev.auditworkbench.views.shell.MainWindow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
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
 * Every page of the demo audit at 1366x768 (a laptop's screen, less the title bar): no label,
 * button, combo box or column header shows an ellipsis in place of its words. Table cells and cards
 * may cut long titles (their tooltips hold the rest); the controls around them may not.
 */
@Tag("ui")
@Tag("layout")
@ExtendWith(ApplicationExtension.class)
class LayoutAt1366Test {
  @TempDir static Path dir;

  private AuditProject project;
  private BackgroundWork background;
  private MainWindow window;
  private final UiFixtures.RecordingDialogs dialogs = new UiFixtures.RecordingDialogs();

  private static Path demo;

  @org.junit.jupiter.api.BeforeAll
  static void createTheDemoOnce() throws Exception {
    demo = DemoProject.create(dir.resolve("demo.audit"), false, ProgressListener.NONE).project();
  }

  @Start
  void start(Stage stage) throws Exception {
    // Each test opens its own copy: one test's exports and reloads do not reach the other.
    Path file = dir.resolve("copy-" + System.nanoTime() + ".audit");
    java.nio.file.Files.copy(demo, file);
    project = AuditProject.open(file);
    background = new BackgroundWork();
    MainViewModel model =
        new MainViewModel(project, project.imports(ImporterRegistry.load()), background, dialogs);
    window = new MainWindow(model, () -> {}, () -> {});
    Scene scene = new Scene(window, 1366, 740);
    scene.getStylesheets().add(Css.STYLESHEET);
    dev.auditworkbench.views.common.Theme.LIGHT.apply(); // the AtlantaFX theme the app applies
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void close() {
    background.shutdownAndWait();
    project.close();
  }

  @Test
  void noControlOnAnyPageCutsItsWords(FxRobot robot) throws Exception {
    robot.interact(() -> window.show(MainWindow.Page.FINDINGS));
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () -> robot.lookup("#findings-table").queryAs(TableView.class).getItems().size() > 100);
    List<String> cut = new ArrayList<>();
    for (MainWindow.Page page : MainWindow.Page.values()) {
      robot.interact(() -> window.show(page));
      try {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, background::isIdle);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError(page + " kept the background busy", e);
      }
      WaitForAsyncUtils.waitForFxEvents();
      robot.interact(
          () -> {
            window.applyCss();
            window.layout();
            collect(window, page, cut);
          });
    }
    assertTrue(cut.isEmpty(), "cut at 1366x768:\n" + String.join("\n", cut));
  }

  @Test
  void theSeamsPageRanksStranglerCandidatesAndExportsTheChosenOnesReplayList(FxRobot robot)
      throws Exception {
    robot.interact(() -> window.show(MainWindow.Page.SEAMS));
    robot.clickOn("Strangler candidates");
    @SuppressWarnings("unchecked")
    javafx.scene.control.ListView<dev.auditworkbench.engine.strangler.StranglerCandidates.Candidate>
        list = robot.lookup("#seam-candidates").queryAs(javafx.scene.control.ListView.class);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !list.getItems().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of("ledger", "payments"), list.getItems().get(0).apps());
    javafx.scene.control.TextArea plan =
        robot.lookup("#seam-candidate-plan").queryAs(javafx.scene.control.TextArea.class);
    assertTrue(plan.getText().contains("location ^~ /payments/ { proxy_pass http://strangled; }"));
    assertTrue(
        robot
            .lookup("#seam-not-candidates")
            .queryAs(javafx.scene.control.Label.class)
            .getText()
            .startsWith("Not candidates: the core (cluster 1)"));
    robot.interact(() -> list.getSelectionModel().select(1));
    assertTrue(plan.getText().startsWith("2. api (cluster "), plan.getText());
    Path out = java.nio.file.Files.createTempDirectory(dir, "replay");
    dialogs.exportTo = out;
    robot.clickOn("#seam-export-replay");
    Path file = out.resolve("replay-api.toml");
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> java.nio.file.Files.exists(file));
    var toml = new com.fasterxml.jackson.dataformat.toml.TomlMapper().readTree(file.toFile());
    assertEquals("api", toml.get("candidate").asText());
    assertEquals(3, toml.get("routes").size());
  }

  /** Labeled controls whose drawn text ends in an ellipsis their own text does not have. */
  private static void collect(Node node, MainWindow.Page page, List<String> cut) {
    if (!node.isVisible()) {
      return;
    }
    boolean inCell =
        node instanceof IndexedCell<?>
            && !(node.getParent() instanceof ComboBox<?>)
            && !isComboButtonCell(node);
    if (inCell) {
      return; // cells and cards cut long titles by design (the tooltip holds the rest)
    }
    if (node instanceof Labeled labeled
        && labeled.getText() != null
        && !labeled.getText().isEmpty()) {
      Node drawn = labeled.lookup(".text");
      if (drawn instanceof Text text
          && text.getText() != null
          && text.getText().endsWith(labeled.getEllipsisString())
          && !labeled.getText().endsWith(labeled.getEllipsisString())) {
        cut.add(page + ": " + describe(labeled) + " shows '" + text.getText() + "'");
      }
    }
    if (node instanceof Parent parent) {
      for (Node child : parent.getChildrenUnmodifiable()) {
        collect(child, page, cut);
      }
    }
  }

  private static boolean isComboButtonCell(Node node) {
    for (Node n = node.getParent(); n != null; n = n.getParent()) {
      if (n instanceof ComboBox<?>) {
        return true;
      }
      if (n instanceof IndexedCell<?> || n instanceof TableView<?>) {
        return false;
      }
    }
    return false;
  }

  private static String describe(Labeled l) {
    return l.getClass().getSimpleName()
        + (l.getId() == null ? "" : "#" + l.getId())
        + " '"
        + l.getText()
        + "'";
  }
}
