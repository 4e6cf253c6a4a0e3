package dev.auditworkbench.app.gui;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.views.common.BackgroundWork;
import dev.auditworkbench.views.shell.MainViewModel;
import dev.auditworkbench.views.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A project window on a bandit sample, built as the app builds it (light theme, the app's
 * stylesheet), for the page tests that extend it: one class per page, each tagged with its page.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
abstract class ProjectWindowUiTest {
  @TempDir static Path dir;

  ProjectStore store;
  Path repo;
  BackgroundWork background;
  MainWindow window;
  MainViewModel model;
  final UiFixtures.RecordingDialogs dialogs = new UiFixtures.RecordingDialogs();

  /** Opens the window on a fresh project (each page test calls it from its own @Start). */
  void open(Stage stage) throws Exception {
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
  int expectedCount(String field, String value) throws Exception {
    Set<String> distinct = new HashSet<>();
    for (var r :
        new ObjectMapper().readTree(UiFixtures.sample("many_vulns.json").toFile()).get("results")) {
      if (r.get(field).asText().contains(value)) {
        distinct.add(r.toString());
      }
    }
    return distinct.size();
  }

  static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  Finding stored(long id) {
    return store.read(
        c -> {
          try (var r = new FindingRepository(c)) {
            return r.byId(id).orElseThrow();
          }
        });
  }
}
