package dev.auditworkbench.views.common;

import dev.auditworkbench.engine.triage.TriageCommand;
import dev.auditworkbench.engine.triage.TriageService;
import dev.auditworkbench.engine.triage.TriageStep;
import dev.auditworkbench.engine.triage.UndoHistory;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/**
 * Every triage change of the open project, wherever it is made (board, findings table, matrix):
 * each runs as one {@link TriageCommand} in one transaction off the FX thread, and lands on one
 * bounded undo history the toolbar's Undo and Redo name. Pages listen with {@link #onChanged} to
 * reload what they show.
 */
public final class TriageActions {
  /** How many steps can be undone. */
  public static final int UNDO_LIMIT = 100;

  private final TriageService triage;
  private final BackgroundWork background;
  private final UndoHistory<TriageStep> history = new UndoHistory<>(UNDO_LIMIT);
  private final List<Runnable> listeners = new ArrayList<>();
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

  public TriageActions(TriageService triage, BackgroundWork background) {
    this.triage = triage;
    this.background = background;
  }

  /**
   * Runs after every change, undo and redo that reached the store, and after a failure (to show the
   * stored state).
   */
  public void onChanged(Runnable listener) {
    listeners.add(listener);
  }

  /** Runs the command (one transaction) and makes it the step to undo. */
  public Task<TriageStep> execute(TriageCommand command, String origin) {
    Task<TriageStep> task =
        FxTasks.task(Texts.capitalised(command.label()), l -> triage.execute(command, origin));
    task.setOnSucceeded(
        e -> {
          history.done(task.getValue());
          updateFlags();
          changed();
        });
    task.setOnFailed(e -> failed(command.label(), task));
    return background.submit(task);
  }

  /** Undoes the last step; if that fails, it stays the one to undo. */
  public Task<Void> undo() {
    return history
        .undo()
        .map(
            s -> {
              updateFlags();
              return replay(
                  "undo " + s.label(), () -> triage.undo(s, "undo"), () -> history.undoFailed(s));
            })
        .orElse(null);
  }

  /** Redoes the last undone step; if that fails, it stays the one to redo. */
  public Task<Void> redo() {
    return history
        .redo()
        .map(
            s -> {
              updateFlags();
              return replay(
                  "redo " + s.label(), () -> triage.redo(s, "redo"), () -> history.redoFailed(s));
            })
        .orElse(null);
  }

  private Task<Void> replay(String label, Runnable r, Runnable putBack) {
    Task<Void> task =
        FxTasks.task(
            Texts.capitalised(label),
            l -> {
              r.run();
              return null;
            });
    task.setOnSucceeded(e -> changed());
    task.setOnFailed(
        e -> {
          putBack.run();
          updateFlags();
          failed(label, task);
        });
    return background.submit(task);
  }

  private void failed(String label, Task<?> task) {
    Throwable cause = task.getException();
    error.set("");
    error.set(
        "Could not "
            + label
            + ": "
            + (cause == null ? "unknown error" : String.valueOf(cause.getMessage())));
    changed();
  }

  private void changed() {
    List.copyOf(listeners).forEach(Runnable::run);
  }

  private void updateFlags() {
    canUndo.set(history.nextUndo().isPresent());
    canRedo.set(history.nextRedo().isPresent());
    undoLabel.set(history.nextUndo().map(TriageStep::label).orElse(""));
    redoLabel.set(history.nextRedo().map(TriageStep::label).orElse(""));
  }

  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canRedoProperty() {
    return canRedo.getReadOnlyProperty();
  }

  /** What Undo would undo ("move 3 cards to In report"), empty when nothing. */
  public ReadOnlyStringProperty undoLabelProperty() {
    return undoLabel.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty redoLabelProperty() {
    return redoLabel.getReadOnlyProperty();
  }

  /** The last change that failed, set again on each failure. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }
}
