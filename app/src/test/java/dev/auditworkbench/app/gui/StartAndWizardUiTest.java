package dev.auditworkbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.ProjectRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.store.ScanRepository;
import dev.auditworkbench.views.start.NewAuditDialog;
import dev.auditworkbench.views.start.NewAuditViewModel;
import dev.auditworkbench.views.start.RecentProject;
import dev.auditworkbench.views.start.StartView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@Tag("ui")
@Tag("start")
@ExtendWith(ApplicationExtension.class)
class StartAndWizardUiTest {
  @TempDir static Path dir;

  private final List<String> calls = new CopyOnWriteArrayList<>();
  private Stage stage;
  private Path recentProject;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    recentProject = Files.createTempFile(dir, "recent", ".audit");
    StartView view =
        new StartView(
            List.of(
                new RecentProject(
                    recentProject,
                    "Acme Pay \u00b7 Q4 audit",
                    Instant.parse("2026-12-01T10:15:00Z"))),
            new StartView.Actions() {
              @Override
              public void openProject(Path file) {
                calls.add("open " + file.getFileName());
              }

              @Override
              public void chooseProject() {
                calls.add("choose");
              }

              @Override
              public void newAudit() {
                calls.add("new");
              }

              @Override
              public Runnable openDemo() {
                return () -> calls.add("demo");
              }
            },
            new SimpleObjectProperty<Task<?>>());
    stage.setScene(new Scene(view, 900, 600));
    stage.show();
    stage.requestFocus();
  }

  @Test
  void startScreenButtonsAndRecentProjectsDoWhatTheySay(FxRobot robot) {
    robot.clickOn("#start-new");
    robot.clickOn("#start-open");
    robot.clickOn("#start-demo");
    ListCell<?> cell = robot.lookup("#start-recent .list-cell").nth(0).queryAs(ListCell.class);
    var texts =
        robot.from(cell).lookup(".label").queryAllAs(Label.class).stream()
            .map(Label::getText)
            .toList();
    assertEquals("Acme Pay \u00b7 Q4 audit", texts.get(0));
    assertTrue(texts.get(1).startsWith(recentProject + "  \u00b7  opened 2026-12-0"), texts.get(1));
    robot.doubleClickOn(cell);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of("new", "choose", "demo", "open " + recentProject.getFileName()), calls);
  }

  @Test
  void wizardNeedsClientAndRepositoryThenCreatesAndScansTheAudit(FxRobot robot) throws Exception {
    Path repo = Files.createDirectories(dir.resolve("client-repo-" + System.nanoTime()));
    Files.createDirectories(repo.resolve("shop"));
    Files.writeString(repo.resolve("manage.py"), "import os\n");
    Files.writeString(repo.resolve("shop/__init__.py"), "");
    Files.writeString(
        repo.resolve("shop/models.py"),
        "from django.db import models\n\nclass Order(models.Model):\n    total = models.IntegerField()\n");
    NewAuditViewModel model = new NewAuditViewModel();
    NewAuditDialog.Chooser chooser =
        new NewAuditDialog.Chooser() {
          @Override
          public Optional<Path> folder(Window owner) {
            return Optional.of(repo);
          }

          @Override
          public Optional<Path> saveAs(Window owner, Path suggestion) {
            return Optional.of(suggestion);
          }
        };
    NewAuditDialog[] dialog = new NewAuditDialog[1];
    robot.interact(
        () -> {
          dialog[0] = new NewAuditDialog(stage, model, chooser);
          dialog[0].show();
        });
    Button create = robot.lookup("#new-create").queryButton();
    assertTrue(create.isDisabled());
    assertEquals("Name the client.", model.problemProperty().get());

    robot.clickOn("#new-client").write("Acme Pay");
    robot.clickOn("#new-engagement").write("Q4 health check");
    assertEquals("Choose the client's repository folder.", model.problemProperty().get());
    robot.clickOn("#new-repo-choose");
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(create.isDisabled(), model.problemProperty().get());
    assertEquals(repo.resolveSibling(repo.getFileName() + ".audit"), model.projectProperty().get());

    robot.clickOn("#new-create");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialog[0].getResult() != null);
    NewAuditViewModel.Request request = dialog[0].getResult();
    AuditCreator.create(request, ProgressListener.NONE);

    try (ProjectStore store = ProjectStore.open(request.project())) {
      ProjectInfo info = store.info();
      assertEquals("Acme Pay", info.client());
      assertEquals("Q4 health check", info.engagement());
      Map<String, String> meta = store.read(c -> new ProjectRepository(c).all());
      assertEquals(request.start().toString(), meta.get("start_date"));
      DjangoInventory inventory =
          store
              .read(c -> new ScanRepository(c).latestFacts("inventory", DjangoInventory.class))
              .orElseThrow();
      assertEquals(
          List.of("shop.models.Order"),
          inventory.models().stream().map(DjangoInventory.Model::qualname).toList());
    }
  }
}
