package dev.auditworkbench.views.queries;

import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.OutboundFindings;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.queries.QueryAnalysis;
import dev.auditworkbench.views.common.BackgroundWork;
import dev.auditworkbench.views.common.FxTasks;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

/**
 * What the imported traces say (statements, N+1 per route, plans, route latency, outside calls),
 * computed off the FX thread.
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

  /**
   * A call to an outside service a request waits on: measured in traces (per route and host) or
   * found in the code (the call site, with its chain from the route).
   */
  public record OutsideCall(
      String source, String route, String target, String title, String where, String detail) {
    /** The row of an outbound finding (outbound.measured or outbound.blocking-call). */
    public static OutsideCall of(Finding f) {
      Optional<String[]> measured = OutboundFindings.measured(f);
      List<String> chain = OutboundFindings.chain(f);
      return new OutsideCall(
          measured.isPresent() ? "trace" : "code",
          measured.map(m -> m[0]).orElse(chain.isEmpty() ? "" : chain.get(0)),
          OutboundFindings.target(f),
          f.title(),
          f.location().display(),
          f.title() + "\n\n" + f.description());
    }
  }

  /** What one load reads: the traffic's analysis and the outside calls. */
  private record Loaded(QueryAnalysis.Result result, List<OutsideCall> outside) {}

  private final ReadOnlyObjectWrapper<List<OutsideCall>> outside =
      new ReadOnlyObjectWrapper<>(List.of());

  public Task<?> reload() {
    Task<Loaded> task =
        FxTasks.task(
            "Analysing queries",
            l ->
                new Loaded(
                    project.analyses().queries(QueryAnalysis.DEFAULT_N_PLUS_ONE),
                    // the report's order (OutboundFindings.inRouteOrder)
                    OutboundFindings.inRouteOrder(
                            project
                                .findings()
                                .ofRules(
                                    List.of(OutboundFindings.MEASURED, OutboundFindings.BLOCKING))
                                .stream()
                                .filter(f -> !f.gone())
                                .toList())
                        .stream()
                        .map(OutsideCall::of)
                        .toList()));
    task.setOnSucceeded(
        e -> {
          loaded.set(true);
          outside.set(task.getValue().outside());
          result.set(Optional.of(task.getValue().result()));
        });
    return background.submit(task);
  }

  /**
   * The outside services requests wait on, from traces and from the code, by route (traces first).
   */
  public ReadOnlyObjectProperty<List<OutsideCall>> outsideProperty() {
    return outside.getReadOnlyProperty();
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
