package dev.auditworkbench.app.gui;

import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Ends the JavaFX toolkit, and with it WebKit's threads, once every test of the fork has run, and
 * waits for the FX application thread to finish. Without it the fork's JVM exits while WebKit's
 * native threads still run, and C++ destructors racing them aborted the fork once in CI (SIGABRT
 * after all 234 tests had passed, which Surefire reports as a failed build).
 */
public final class FxShutdownAfterTests implements TestExecutionListener {

  private static final long WAIT_SECONDS = 20;

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    Thread fx = fxThread();
    if (fx == null) {
      return; // this fork never started JavaFX
    }
    Platform.exit();
    try {
      fx.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (fx.isAlive()) {
      System.err.println(
          "FxShutdownAfterTests: the JavaFX application thread still runs "
              + WAIT_SECONDS
              + " s after Platform.exit()");
    }
  }

  private static Thread fxThread() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("JavaFX Application Thread"))
        .findFirst()
        .orElse(null);
  }
}
