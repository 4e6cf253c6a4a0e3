package dev.auditworkbench.engine.upgrade;

import dev.auditworkbench.engine.model.BundledTable;
import dev.auditworkbench.engine.model.VersionSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Python versions each Django series supports ({@code django-python.tsv}, with its sources).
 */
public final class PythonSupport {
  /** Oldest and newest Python a Django series supports. */
  public record Range(String min, String max) {
    public boolean contains(String python) {
      String s = VersionSpec.series(python);
      return VersionSpec.compare(s, min) >= 0 && VersionSpec.compare(s, max) <= 0;
    }
  }

  private static final Map<String, Range> TABLE = load();

  private PythonSupport() {}

  public static Optional<Range> of(String djangoSeries) {
    return Optional.ofNullable(TABLE.get(VersionSpec.series(djangoSeries)));
  }

  private static Map<String, Range> load() {
    Map<String, Range> out = new LinkedHashMap<>();
    for (BundledTable.Row row :
        BundledTable.read(PythonSupport.class, "django-python.tsv", 4, false)) {
      out.put(row.columns()[0], new Range(row.columns()[1], row.columns()[2]));
    }
    return Map.copyOf(out);
  }
}
