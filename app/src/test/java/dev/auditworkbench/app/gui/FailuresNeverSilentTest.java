package dev.auditworkbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.auditworkbench.views.common.BackgroundWork;
import dev.auditworkbench.views.common.FxTasks;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A background task that fails is reported even when the code that started it forgot to handle it.
 */
@ExtendWith(ApplicationExtension.class)
class FailuresNeverSilentTest {
  private final BackgroundWork background = new BackgroundWork();
  private final List<String> reported = new CopyOnWriteArrayList<>();

  @Start
  void start(Stage stage) {
    background.onUnhandledFailure((title, e) -> reported.add(title + ": " + e.getMessage()));
    stage.setScene(new Scene(new Pane(), 100, 100));
    stage.show();
  }

  @AfterEach
  void stop() {
    background.shutdownAndWait();
  }

  @Test
  void anUnhandledFailureIsReportedAndAHandledOneIsLeftToItsHandler(FxRobot robot)
      throws Exception {
    List<String> handled = new CopyOnWriteArrayList<>();
    robot.interact(
        () -> {
          background.submit(
              FxTasks.task(
                  "Moving 3 cards",
                  l -> {
                    throw new IllegalStateException("the finding was deleted");
                  }));
          Task<Object> withHandler =
              FxTasks.task(
                  "Exporting",
                  l -> {
                    throw new IllegalStateException("disk full");
                  });
          withHandler.setOnFailed(e -> handled.add(withHandler.getException().getMessage()));
          background.submit(withHandler);
        });
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> reported.size() == 1 && handled.size() == 1);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of("Moving 3 cards: the finding was deleted"), reported);
    assertEquals(List.of("disk full"), handled);
  }
}
