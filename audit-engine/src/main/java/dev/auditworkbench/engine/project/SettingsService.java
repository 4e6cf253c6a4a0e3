package dev.auditworkbench.engine.project;

import dev.auditworkbench.engine.priority.PlanSettings;
import dev.auditworkbench.engine.report.ReportRenderer;
import dev.auditworkbench.engine.rules.Thresholds;
import dev.auditworkbench.engine.store.ProjectRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.strangler.StranglerSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The project's settings: analysis thresholds, plan settings and the report template. */
public final class SettingsService {
  private final ProjectStore store;
  private final Clock clock;

  SettingsService(ProjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Every setting with its value as used now (defaults filled in), in a stable order. */
  public Map<String, String> effective() {
    Map<String, String> stored = store.read(c -> new ProjectRepository(c).all());
    Map<String, String> out = new LinkedHashMap<>(Thresholds.from(stored).asMap());
    out.put(
        ReportRenderer.TEMPLATE_SETTING, stored.getOrDefault(ReportRenderer.TEMPLATE_SETTING, ""));
    out.putAll(PlanSettings.from(stored, LocalDate.now(clock)).asMap());
    out.putAll(StranglerSettings.from(stored).asMap());
    return out;
  }

  /**
   * Sets {@code key} to {@code value}, checked first (a number for a threshold, a plan setting the
   * planner accepts, a template folder with a report.html; empty clears the template).
   *
   * @throws IllegalArgumentException naming the setting and what it takes; nothing is saved
   */
  public void set(String key, String value) {
    String v = value.trim();
    if (key.equals(ReportRenderer.TEMPLATE_SETTING)) {
      String dir = v.isEmpty() ? "" : Path.of(v).toAbsolutePath().toString();
      if (!dir.isEmpty()) {
        new ReportRenderer(Path.of(dir));
      }
      put(key, dir);
      return;
    }
    if (PlanSettings.KEYS.contains(key)) {
      store.write(
          c -> {
            ProjectRepository repo = new ProjectRepository(c);
            repo.put(key, v.replace("; ", "\n"));
            PlanSettings.from(repo.all(), LocalDate.now(clock)); // throws, and the write rolls back
            return null;
          });
      return;
    }
    if (StranglerSettings.KEYS.contains(key)) {
      store.write(
          c -> {
            ProjectRepository repo = new ProjectRepository(c);
            repo.put(key, v);
            StranglerSettings.from(repo.all()); // throws, and the write rolls back
            return null;
          });
      return;
    }
    if (!Thresholds.DEFAULTS.asMap().containsKey(key)) {
      throw new IllegalArgumentException(
          "unknown setting '"
              + key
              + "'; one of "
              + String.join(", ", Thresholds.DEFAULTS.asMap().keySet())
              + ", "
              + ReportRenderer.TEMPLATE_SETTING
              + ", "
              + String.join(", ", PlanSettings.KEYS)
              + ", "
              + String.join(", ", StranglerSettings.KEYS));
    }
    try {
      Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, was '" + v + "'");
    }
    put(key, v);
  }

  /** The engagement's first and last day (either may be null: not set). */
  public void setEngagementDates(LocalDate start, LocalDate end) {
    store.write(
        c -> {
          ProjectRepository meta = new ProjectRepository(c);
          if (start != null) {
            meta.put("start_date", start.toString());
          }
          if (end != null) {
            meta.put("end_date", end.toString());
          }
          return null;
        });
  }

  private void put(String key, String value) {
    store.write(
        c -> {
          new ProjectRepository(c).put(key, value);
          return null;
        });
  }
}
