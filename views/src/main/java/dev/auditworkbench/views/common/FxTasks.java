package dev.auditworkbench.views.common;

import dev.auditworkbench.engine.spi.ProgressListener;
import javafx.concurrent.Task;

/**
 * The one adapter between the engine's synchronous, listener-based long work and JavaFX: a {@link
 * Task} whose progress and message follow the listener and whose cancel the engine sees.
 */
public final class FxTasks {
  private FxTasks() {}

  /** Long work that reports progress and checks for cancel through the listener it is given. */
  @FunctionalInterface
  public interface Work<T> {
    T run(ProgressListener listener) throws Exception;
  }

  public static <T> Task<T> task(String title, Work<T> work) {
    return new ListenerTask<>(title, work);
  }

  private static final class ListenerTask<T> extends Task<T> implements ProgressListener {
    private final String title;
    private final Work<T> work;

    ListenerTask(String title, Work<T> work) {
      this.title = title;
      this.work = work;
      updateTitle(title);
    }

    @Override
    protected T call() throws Exception {
      updateMessage(title);
      return work.run(this);
    }

    @Override
    public void progress(long done, long total, String message) {
      updateMessage(message);
      if (total > 0) {
        updateProgress(done, total);
      } else {
        updateProgress(-1, -1);
      }
    }
  }
}
