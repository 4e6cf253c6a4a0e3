package dev.auditworkbench.app.gui;

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

  @Start
  void start(Stage stage) throws Exception {
    Path file =
        DemoProject.create(dir.resolve("demo.audit"), false, ProgressListener.NONE).project();
    project = AuditProject.open(file);
    background = new BackgroundWork();
    MainViewModel model =
        new MainViewModel(
            project,
            project.imports(ImporterRegistry.load()),
            background,
            new UiFixtures.RecordingDialogs());
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
