package dev.auditworkbench.views.queries;

import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.queries.QueryAnalysis;
import dev.auditworkbench.views.common.BackgroundWork;
import dev.auditworkbench.views.common.FxTasks;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

/**
 * What the imported traces say (statements, N+1 per route, plans, route latency), computed off the
 * FX thread.
 */
public final class QueriesViewModel {
  private final AuditProject project;
  private final BackgroundWork background;
  private final ReadOnlyObjectWrapper<Optional<QueryAnalysis.Result>> result =
      new ReadOnlyObjectWrapper<>(Optional.empty());

  public QueriesViewModel(AuditProject project, BackgroundWork background) {
    this.project = project;
    this.background = background;
  }

  public Task<QueryAnalysis.Result> reload() {
    Task<QueryAnalysis.Result> task =
        FxTasks.task(
            "Analysing queries", l -> project.analyses().queries(QueryAnalysis.DEFAULT_N_PLUS_ONE));
    task.setOnSucceeded(
        e -> {
          loaded.set(true);
          result.set(Optional.of(task.getValue()));
        });
    return background.submit(task);
  }

  public ReadOnlyObjectProperty<Optional<QueryAnalysis.Result>> resultProperty() {
    return result.getReadOnlyProperty();
  }

  /** True when nothing was imported that the page can show. */
  public static boolean isEmpty(QueryAnalysis.Result r) {
    return r.statements().isEmpty()
        && r.nPlusOnes().isEmpty()
        && r.planIssues().isEmpty()
        && r.routes().isEmpty();
  }

  private final javafx.beans.property.ReadOnlyBooleanWrapper loaded =
      new javafx.beans.property.ReadOnlyBooleanWrapper(false);

  /** False until the first load finished: the page says it is reading, never "nothing yet". */
  public javafx.beans.property.ReadOnlyBooleanProperty loadedProperty() {
    return loaded.getReadOnlyProperty();
  }
}
