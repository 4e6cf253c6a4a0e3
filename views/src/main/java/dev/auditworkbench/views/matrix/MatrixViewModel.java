package dev.auditworkbench.views.matrix;

import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.priority.Planner;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.triage.TriageCommand;
import dev.auditworkbench.engine.triage.TriageEdit;
import dev.auditworkbench.views.common.BackgroundWork;
import dev.auditworkbench.views.common.FxTasks;
import dev.auditworkbench.views.common.Staleness;
import dev.auditworkbench.views.common.TriageActions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

/** The plan (work items, quadrants, roadmap) for the matrix, and re-scoring by dragging. */
public final class MatrixViewModel {
  private final AuditProject project;
  private final TriageActions actions;
  private final BackgroundWork background;
  private final ReadOnlyObjectWrapper<Optional<Planner.Plan>> plan =
      new ReadOnlyObjectWrapper<>(Optional.empty());

  public MatrixViewModel(AuditProject project, TriageActions actions, BackgroundWork background) {
    this.project = project;
    this.actions = actions;
    this.background = background;
  }

  private final Staleness planning = new Staleness(this::plan);

  /** Plans again now. */
  public Task<?> reload() {
    return planning.refresh();
  }

  /** Plans again when the project changed since the last plan (a page visit). */
  public Task<?> reloadIfStale() {
    return planning.refreshIfStale();
  }

  /** The project changed: the plan is made again when the matrix is next shown. */
  public void invalidate() {
    planning.invalidate();
  }

  private Task<Planner.Plan> plan() {
    Task<Planner.Plan> task = FxTasks.task("Planning", l -> project.plans().plan());
    task.setOnSucceeded(e -> plan.set(Optional.of(task.getValue())));
    return background.submit(task);
  }

  /**
   * Gives a work item a new impact and effort, saved at once as the auditor's overrides: every
   * member gets the impact; a single finding gets the effort, a group's largest member gets what
   * makes the combined effort come out at the asked hours (the others keep theirs).
   */
  public Task<?> rescore(Planner.WorkItem item, int impact, int hours) {
    int clampedImpact = Math.max(1, Math.min(5, impact));
    List<Finding> members =
        item.findings().stream()
            .sorted(Comparator.comparingInt((Finding f) -> f.effort().hours()).reversed())
            .toList();
    int others = members.stream().skip(1).mapToInt(f -> f.effort().hours()).sum();
    int largest = Math.max(1, Math.min(10_000, hours - (int) Math.ceil(others / 2.0)));
    Map<Long, TriageEdit> edits = new LinkedHashMap<>();
    for (int i = 0; i < members.size(); i++) {
      Effort effort = i == 0 ? Effort.hours(largest) : null;
      edits.put(
          members.get(i).id(), new TriageEdit(null, null, Impact.of(clampedImpact), effort, null));
    }
    return actions.execute(new TriageCommand.Edit(edits, "re-score " + item.title()), "matrix");
  }

  public ReadOnlyObjectProperty<Optional<Planner.Plan>> planProperty() {
    return plan.getReadOnlyProperty();
  }
}
