package dev.auditworkbench.views.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * Runs tasks one at a time on one background thread, so project writes are serialised and the FX
 * thread only draws. The task running now is exposed for the status bar's progress and cancel.
 */
public final class BackgroundWork {
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "workbench-background");
            t.setDaemon(true);
            return t;
          });
  private final ReadOnlyObjectWrapper<Task<?>> current = new ReadOnlyObjectWrapper<>();
  private final java.util.concurrent.atomic.AtomicInteger pending =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile BiConsumer<String, Throwable> failures = (title, e) -> {};
  private volatile BiConsumer<String, Throwable> handledFailures = (title, e) -> {};

  /**
   * Who hears of a task that failed and that nobody else handled (it has no onFailed handler): the
   * app shows it in a dialog and logs it. No background failure is ever silent.
   */
  public void onUnhandledFailure(BiConsumer<String, Throwable> reporter) {
    failures = reporter;
  }

  /** Who hears of a failure its task's own handler shows (the app logs it). */
  public void onHandledFailure(BiConsumer<String, Throwable> reporter) {
    handledFailures = reporter;
  }

  /**
   * Queues {@code task}; once {@link #shutdownAndWait} has begun, the task is cancelled instead.
   */
  public <T> Task<T> submit(Task<T> task) {
    pending.incrementAndGet();
    task.stateProperty()
        .addListener(
            (obs, old, state) -> {
              if (state == Worker.State.SUCCEEDED
                  || state == Worker.State.FAILED
                  || state == Worker.State.CANCELLED) {
                pending.decrementAndGet();
              }
              if (state == Worker.State.RUNNING) {
                current.set(task);
              } else if (current.get() == task && task.isDone()) {
                current.set(null);
              }
              if (state == Worker.State.FAILED) {
                (task.getOnFailed() == null ? failures : handledFailures)
                    .accept(task.getTitle(), task.getException());
              }
            });
    try {
      executor.execute(task);
    } catch (RejectedExecutionException closing) {
      // The project is closing: work asked for now (a reload's follow-up) is not run.
      task.cancel();
    }
    return task;
  }

  /** Whether every task submitted so far has finished (tests wait on it instead of sleeping). */
  public boolean isIdle() {
    return pending.get() == 0;
  }

  public ReadOnlyObjectProperty<Task<?>> currentProperty() {
    return current.getReadOnlyProperty();
  }

  /** Lets queued work (such as closing the project) finish, then stops the thread. */
  public void shutdownAndWait() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
