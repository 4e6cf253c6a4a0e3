package dev.auditworkbench.views.common;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
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
  private final ExecutorService executor;
  private final ReadOnlyObjectWrapper<Task<?>> current = new ReadOnlyObjectWrapper<>();
  private final java.util.concurrent.atomic.AtomicInteger pending =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile BiConsumer<String, Throwable> failures = (title, e) -> {};
  private volatile BiConsumer<String, Throwable> handledFailures = (title, e) -> {};

  public BackgroundWork() {
    this(
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "workbench-background");
              t.setDaemon(true);
              return t;
            }));
  }

  private BackgroundWork(ExecutorService executor) {
    this.executor = executor;
  }

  /**
   * Runs each task at once on the thread that submits it: for view-model tests, which submit from
   * the FX thread, so tasks run in the order asked with no background thread (their handlers run
   * once the FX thread has handled the events JavaFX posts for them).
   */
  public static BackgroundWork direct() {
    return new BackgroundWork(new DirectExecutor());
  }

  /** An executor that runs each task on the calling thread. */
  private static final class DirectExecutor extends AbstractExecutorService {
    private volatile boolean shutdown;

    @Override
    public void execute(Runnable command) {
      if (shutdown) {
        throw new RejectedExecutionException("shut down");
      }
      command.run();
    }

    @Override
    public void shutdown() {
      shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
      shutdown = true;
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return shutdown;
    }

    @Override
    public boolean isTerminated() {
      return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return true;
    }
  }

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
              boolean finished =
                  state == Worker.State.SUCCEEDED
                      || state == Worker.State.FAILED
                      || state == Worker.State.CANCELLED;
              if (finished) {
                pending.decrementAndGet();
              }
              // The FX state, not task.isDone(): the FutureTask underneath completes on the
              // background thread after it has posted SUCCEEDED, so isDone() can still be false
              // here, and the status bar kept a finished task's message and spinner for ever.
              if (state == Worker.State.RUNNING) {
                current.set(task);
              } else if (current.get() == task && finished) {
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
