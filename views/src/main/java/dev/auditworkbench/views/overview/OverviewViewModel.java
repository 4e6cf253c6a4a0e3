package dev.auditworkbench.views.overview;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.ImportRecord;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ImportRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.store.ScanRepository;
import dev.auditworkbench.views.common.BackgroundWork;
import dev.auditworkbench.views.common.FxTasks;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

/** The audit at a glance: findings by severity and category, and the imports so far. */
public final class OverviewViewModel {
  /** What the overview shows, computed off the FX thread. */
  public record Snapshot(
      int findings,
      int open,
      Map<Severity, Integer> bySeverity,
      Map<Category, Integer> byCategory,
      List<ImportRecord> imports,
      Optional<ScanRepository.Scan> scan,
      Optional<DjangoInventory> inventory) {}

  private final ProjectStore store;
  private final BackgroundWork background;
  private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>();

  public OverviewViewModel(ProjectStore store, BackgroundWork background) {
    this.store = store;
    this.background = background;
  }

  public Task<Snapshot> reload() {
    Task<Snapshot> task = FxTasks.task("Summarising the audit", l -> compute(store));
    task.setOnSucceeded(e -> snapshot.set(task.getValue()));
    return background.submit(task);
  }

  static Snapshot compute(ProjectStore store) {
    List<Finding> findings = store.read(c -> new FindingRepository(c).all());
    List<ImportRecord> imports = store.read(c -> new ImportRepository(c).all());
    Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    Map<Category, Integer> byCategory = new EnumMap<>(Category.class);
    for (Severity s : Severity.values()) {
      bySeverity.put(s, 0);
    }
    int open = 0;
    for (Finding f : findings) {
      if (f.gone()) {
        continue;
      }
      open++;
      bySeverity.merge(f.severity(), 1, Integer::sum);
      byCategory.merge(f.category(), 1, Integer::sum);
    }
    Optional<ScanRepository.Scan> scan = store.read(c -> new ScanRepository(c).latest());
    Optional<DjangoInventory> inventory = store.read(c -> new ScanRepository(c).latestFacts("inventory", DjangoInventory.class));
    return new Snapshot(findings.size(), open, bySeverity, byCategory, imports, scan, inventory);
  }

  public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
    return snapshot.getReadOnlyProperty();
  }
}
