package dev.auditworkbench.app.cli;

import dev.auditworkbench.engine.spi.ProgressListener;
import java.io.PrintWriter;

/** Progress on stderr as one rewritten line, only when a person is watching a terminal. */
final class ConsoleProgress implements ProgressListener {
  private final PrintWriter err;
  private final boolean enabled;
  private int lastPercent = -1;

  ConsoleProgress(PrintWriter err) {
    this.err = err;
    this.enabled = System.console() != null;
  }

  @Override
  public void progress(long done, long total, String message) {
    if (!enabled || total <= 0) {
      return;
    }
    int percent = (int) (100 * done / total);
    if (percent != lastPercent) {
      lastPercent = percent;
      err.printf("\r%-60.60s %3d%%", message, percent);
      err.flush();
    }
  }

  void done() {
    if (enabled && lastPercent >= 0) {
      err.print("\r" + " ".repeat(66) + "\r");
      err.flush();
      lastPercent = -1;
    }
  }

  @Override
  public boolean isCancelled() {
    return false;
  }
}
