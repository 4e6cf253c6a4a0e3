package dev.auditworkbench.views.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The status bar's task: the one running, and none once every task has finished. */
class BackgroundWorkTest {
  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  /**
   * A task whose FutureTask has not completed yet when its SUCCEEDED state reaches the FX thread,
   * as happens when the background thread is slower than the FX thread between posting the state
   * and recording the result.
   */
  private static final class LateFuture extends Task<String> {
    private final List<String> seen;

    LateFuture(List<String> seen) {
      this.seen = seen;
    }

    @Override
    protected String call() {
      return "ranked";
    }

    @Override
    public boolean isDone() {
      return false; // the moment of the race: FX says SUCCEEDED, the future not yet
    }

    @Override
    protected void succeeded() {
      seen.add(getState().name());
    }
  }

  @Test
  void aFinishedTaskLeavesTheStatusBarEvenBeforeItsFutureCompletes() throws Exception {
    List<String> seen = new ArrayList<>();
    BackgroundWork background = BackgroundWork.direct();
    List<Task<?>> current = new ArrayList<>();
    WaitForAsyncUtils.asyncFx(
            () -> {
              background.currentProperty().addListener((o, a, t) -> current.add(t));
              background.submit(new LateFuture(seen));
            })
        .get(5, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of("SUCCEEDED"), seen);
    assertTrue(current.size() >= 2, "the task was shown, then cleared: " + current);
    assertNull(background.currentProperty().get(), "no task is running");
    assertTrue(background.isIdle());
  }
}
