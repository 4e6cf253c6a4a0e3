package dev.auditworkbench.engine.triage;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The steps that can be undone and redone, newest first, at most {@code capacity} of them (the
 * oldest are forgotten). A new step clears what could be redone. Not thread-safe: one owner (the UI
 * thread) uses it.
 */
public final class UndoHistory<T> {
  private final int capacity;
  private final Deque<T> undo = new ArrayDeque<>();
  private final Deque<T> redo = new ArrayDeque<>();

  public UndoHistory(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
  }

  /** A new step was done. */
  public void done(T step) {
    undo.push(step);
    while (undo.size() > capacity) {
      undo.removeLast();
    }
    redo.clear();
  }

  /** The step to undo, moved to the redo side; empty when there is none. */
  public Optional<T> undo() {
    T s = undo.poll();
    if (s != null) {
      redo.push(s);
    }
    return Optional.ofNullable(s);
  }

  /** The step to redo, moved back to the undo side. */
  public Optional<T> redo() {
    T s = redo.poll();
    if (s != null) {
      undo.push(s);
    }
    return Optional.ofNullable(s);
  }

  /** Undoing {@code step} failed: it stays the one to undo. */
  public void undoFailed(T step) {
    if (redo.remove(step)) {
      undo.push(step);
    }
  }

  /** Redoing {@code step} failed: it stays the one to redo. */
  public void redoFailed(T step) {
    if (undo.remove(step)) {
      redo.push(step);
    }
  }

  public Optional<T> nextUndo() {
    return Optional.ofNullable(undo.peek());
  }

  public Optional<T> nextRedo() {
    return Optional.ofNullable(redo.peek());
  }

  public int size() {
    return undo.size();
  }
}
