package dev.auditworkbench.views.common;

import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;

/**
 * Work a page redoes only when the project changed since it last ran: visiting a page again
 * recomputes nothing (the plan and the report preview take seconds on a large project). A run that
 * fails or is cancelled leaves the page stale, so the next visit tries again.
 */
public final class Staleness {
  private final Supplier<Task<?>> work;
  private boolean stale = true;

  public Staleness(Supplier<Task<?>> work) {
    this.work = work;
  }

  /** The project changed: the next {@link #refreshIfStale} runs the work. */
  public void invalidate() {
    stale = true;
  }

  public boolean isStale() {
    return stale;
  }

  /** Runs the work now, whether stale or not (the page's own Refresh). */
  public Task<?> refresh() {
    stale = false;
    Task<?> task = work.get();
    task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> stale = true);
    task.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, e -> stale = true);
    return task;
  }

  /** Runs the work when the project changed since it last ran; null when nothing is to do. */
  public Task<?> refreshIfStale() {
    return stale ? refresh() : null;
  }
}
