package dev.auditworkbench.engine.spi;

/**
 * How long work reports progress and learns it was cancelled. The engine is synchronous; the GUI
 * adapts this to a {@code javafx.concurrent.Task}, tests and the CLI use it directly.
 */
public interface ProgressListener {
  ProgressListener NONE =
      new ProgressListener() {
        @Override
        public void progress(long done, long total, String message) {}

        @Override
        public boolean isCancelled() {
          return false;
        }
      };

  /** {@code total} is -1 when unknown. */
  void progress(long done, long total, String message);

  boolean isCancelled();

  /** Throws {@link CancelledException} if the user asked to stop. */
  default void checkCancelled() {
    if (isCancelled()) {
      throw new CancelledException();
    }
  }
}
