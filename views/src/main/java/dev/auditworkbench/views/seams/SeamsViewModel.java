package dev.auditworkbench.views.seams;

import dev.auditworkbench.engine.seams.SeamMap;
import dev.auditworkbench.engine.scan.SeamMaps;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.views.common.BackgroundWork;
import dev.auditworkbench.views.common.FxTasks;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

/** The seam map of the last scan, built off the FX thread; empty until the project is scanned. */
public final class SeamsViewModel {
  private final ProjectStore store;
  private final BackgroundWork background;
  private final ReadOnlyObjectWrapper<Optional<SeamMap>> map = new ReadOnlyObjectWrapper<>(Optional.empty());

  public SeamsViewModel(ProjectStore store, BackgroundWork background) {
    this.store = store;
    this.background = background;
  }

  public Task<Optional<SeamMap>> reload() {
    Task<Optional<SeamMap>> task = FxTasks.task("Drawing the seam map", l -> store.read(SeamMaps::ofLatestScan));
    task.setOnSucceeded(e -> map.set(task.getValue()));
    return background.submit(task);
  }

  public ReadOnlyObjectProperty<Optional<SeamMap>> mapProperty() {
    return map.getReadOnlyProperty();
  }
}
