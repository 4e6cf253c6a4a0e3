package dev.auditworkbench.views.queries;

import dev.auditworkbench.engine.model.Finding;
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
      boolean measured = f.ruleId().equals("outbound.measured");
      String symbol = f.location().symbol() == null ? "" : f.location().symbol();
      String chain =
          f.evidence().stream()
              .map(e -> e.text())
              .filter(t -> t.startsWith("Call chain: "))
              .map(t -> t.substring(12))
              .findFirst()
              .orElse("");
      String[] hops = chain.split(" -> ");
      String route = measured ? symbol.split(" -> ")[0] : hops[0];
      String target =
          measured
              ? f.title().replaceFirst("^.* waits on (\\S+) .*$", "$1")
              : hops[hops.length - 1];
      return new OutsideCall(
          measured ? "trace" : "code",
          route,
          target,
          f.title(),
          f.location().display(),
          f.title() + "\n\n" + f.description());
    }
  }

  private final ReadOnlyObjectWrapper<List<OutsideCall>> outside =
      new ReadOnlyObjectWrapper<>(List.of());

  public Task<QueryAnalysis.Result> reload() {
    List<List<OutsideCall>> calls = new java.util.ArrayList<>(1);
    Task<QueryAnalysis.Result> task =
        FxTasks.task(
            "Analysing queries",
            l -> {
              calls.add(
                  project
                      .findings()
                      .ofRules(List.of("outbound.measured", "outbound.blocking-call"))
                      .stream()
                      .filter(f -> !f.gone())
                      .map(OutsideCall::of)
                      .sorted(
                          java.util.Comparator.comparing(OutsideCall::route)
                              .thenComparing(
                                  OutsideCall::source, java.util.Comparator.reverseOrder()))
                      .toList());
              return project.analyses().queries(QueryAnalysis.DEFAULT_N_PLUS_ONE);
            });
    task.setOnSucceeded(
        e -> {
          loaded.set(true);
          outside.set(calls.get(0));
          result.set(Optional.of(task.getValue()));
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
