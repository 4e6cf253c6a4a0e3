package dev.auditworkbench.views.seams;

import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.report.OutputFile;
import dev.auditworkbench.engine.scan.SeamDetails;
import dev.auditworkbench.engine.seams.SeamMap;
import dev.auditworkbench.engine.seams.SeamSvg;
import dev.auditworkbench.engine.strangler.StranglerCandidates;
import dev.auditworkbench.engine.strangler.StranglerRouting;
import dev.auditworkbench.engine.strangler.Stranglers;
import dev.auditworkbench.views.common.BackgroundWork;
import dev.auditworkbench.views.common.FxTasks;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

/** The seam map of the last scan, built off the FX thread; empty until the project is scanned. */
public final class SeamsViewModel {
  private final AuditProject project;
  private final BackgroundWork background;
  private final ReadOnlyObjectWrapper<Optional<SeamMap>> map =
      new ReadOnlyObjectWrapper<>(Optional.empty());

  public SeamsViewModel(AuditProject project, BackgroundWork background) {
    this.project = project;
    this.background = background;
  }

  public Task<Optional<SeamMap>> reload() {
    Task<Optional<SeamMap>> task =
        FxTasks.task("Drawing the seam map", l -> project.analyses().seamMap());
    task.setOnSucceeded(
        e -> {
          loaded.set(true);
          map.set(task.getValue());
          task.getValue().ifPresentOrElse(this::rank, () -> candidates.set(Optional.empty()));
        });
    return background.submit(task);
  }

  /** Ranks the drawn map's clusters as candidates (it joins the traffic: after the map shows). */
  private void rank(SeamMap drawn) {
    Task<Optional<Stranglers.Analysis>> ranking =
        FxTasks.task(
            "Ranking strangler-fig candidates",
            l -> Optional.of(project.analyses().stranglerCandidates(drawn)));
    ranking.setOnSucceeded(e -> candidates.set(ranking.getValue()));
    background.submit(ranking);
  }

  private final ReadOnlyObjectWrapper<Optional<Stranglers.Analysis>> candidates =
      new ReadOnlyObjectWrapper<>(Optional.empty());

  /** The clusters ranked as strangler-fig candidates, with the traffic joined. */
  public ReadOnlyObjectProperty<Optional<Stranglers.Analysis>> candidatesProperty() {
    return candidates.getReadOnlyProperty();
  }

  /** What moving a candidate takes: routes, nginx, crossing imports, replay list. */
  public Optional<StranglerRouting.Plan> plan(StranglerCandidates.Candidate k) {
    return candidates.get().map(a -> StranglerRouting.of(a, k));
  }

  /** Writes a candidate's routes, crossing imports and replay list: TOML for .toml, else JSON. */
  public Task<Path> exportReplay(StranglerCandidates.Candidate k, Path file) {
    Optional<Stranglers.Analysis> current = candidates.get();
    return background.submit(
        FxTasks.task(
            "Exporting the replay list",
            l -> {
              StranglerRouting.Plan plan =
                  StranglerRouting.of(
                      current.orElseThrow(
                          () ->
                              new IllegalStateException("no candidates yet: scan the repository")),
                      k);
              boolean toml = file.getFileName().toString().toLowerCase().endsWith(".toml");
              OutputFile.writeString(
                  file, toml ? StranglerRouting.toml(plan) : StranglerRouting.json(plan));
              return file;
            }));
  }

  private final ReadOnlyObjectWrapper<Optional<SeamDetails>> details =
      new ReadOnlyObjectWrapper<>(Optional.empty());

  /** Loads what is behind one app (modules, hotspots, owners, crossing imports). */
  public Task<Optional<SeamDetails>> select(String app) {
    Optional<SeamMap> current = map.get();
    Task<Optional<SeamDetails>> task =
        FxTasks.task(
            "Reading " + app,
            l ->
                current.isEmpty()
                    ? Optional.empty()
                    : project.analyses().seamDetails(current.get(), app));
    task.setOnSucceeded(e -> details.set(task.getValue()));
    return background.submit(task);
  }

  public ReadOnlyObjectProperty<Optional<SeamDetails>> detailsProperty() {
    return details.getReadOnlyProperty();
  }

  /** Writes the map as SVG, DOT or GraphML (by the file's extension). */
  public Task<Path> export(Path file) {
    Optional<SeamMap> current = map.get();
    return background.submit(
        FxTasks.task(
            "Exporting the seam map",
            l -> {
              SeamMap m =
                  current.orElseThrow(
                      () -> new IllegalStateException("no seam map yet: scan the repository"));
              String name = file.getFileName().toString();
              String text =
                  name.endsWith(".dot")
                      ? m.toDot()
                      : name.endsWith(".graphml") ? m.toGraphMl() : SeamSvg.render(m);
              OutputFile.writeString(file, text);
              return file;
            }));
  }

  public ReadOnlyObjectProperty<Optional<SeamMap>> mapProperty() {
    return map.getReadOnlyProperty();
  }

  private final javafx.beans.property.ReadOnlyBooleanWrapper loaded =
      new javafx.beans.property.ReadOnlyBooleanWrapper(false);

  /** False until the first load finished: the page says it is reading, never "nothing yet". */
  public javafx.beans.property.ReadOnlyBooleanProperty loadedProperty() {
    return loaded.getReadOnlyProperty();
  }
}
