package dev.auditworkbench.views.progress;

import dev.auditworkbench.engine.model.Round;
import dev.auditworkbench.engine.progress.Progress;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.views.common.BackgroundWork;
import dev.auditworkbench.views.common.FxTasks;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

/**
 * The engagement's rounds and two of them compared (by default the baseline and the last round),
 * computed off the FX thread.
 */
public final class ProgressViewModel {
  private final AuditProject project;
  private final BackgroundWork background;
  private final ReadOnlyObjectWrapper<List<Round>> rounds = new ReadOnlyObjectWrapper<>(List.of());
  private final ReadOnlyObjectWrapper<Optional<Progress.Comparison>> comparison =
      new ReadOnlyObjectWrapper<>(Optional.empty());
  private volatile String from;
  private volatile String to;

  public ProgressViewModel(AuditProject project, BackgroundWork background) {
    this.project = project;
    this.background = background;
  }

  /** Reads the rounds and compares the chosen two again (after an import, a scan, a new round). */
  public Task<Progress.Comparison> reload() {
    String a = from;
    String b = to;
    Task<List<Round>> list = FxTasks.task("Reading the rounds", l -> project.rounds().all());
    list.setOnSucceeded(e -> rounds.set(list.getValue()));
    background.submit(list);
    Task<Progress.Comparison> task =
        FxTasks.task("Comparing the rounds", l -> project.rounds().compare(a, b));
    task.setOnSucceeded(e -> comparison.set(Optional.of(task.getValue())));
    return background.submit(task);
  }

  /** Compares {@code from} with {@code to} (round numbers as text; null: baseline, last). */
  public Task<Progress.Comparison> compare(String from, String to) {
    this.from = from;
    this.to = to;
    return reload();
  }

  public ReadOnlyObjectProperty<List<Round>> roundsProperty() {
    return rounds.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Optional<Progress.Comparison>> comparisonProperty() {
    return comparison.getReadOnlyProperty();
  }
}
