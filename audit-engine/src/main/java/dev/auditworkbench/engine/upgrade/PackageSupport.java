package dev.auditworkbench.engine.upgrade;

import dev.auditworkbench.engine.deps.Requirement;
import dev.auditworkbench.engine.model.BundledTable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The first release of the most used Django packages that supports each Django LTS series ({@code
 * django-packages.tsv}: read from each package's changelog or classifiers, with the source per
 * row). Rows the sources could not settle are absent: the plan says "not known" rather than guess.
 */
public final class PackageSupport {
  /**
   * The answer for one package and series: a version, or "never" (the package stopped before it).
   * {@code byPython}: the package does not depend on Django (celery), so the version is the first
   * that runs on the oldest Python the series supports.
   */
  public record First(String version, boolean never, String source) {
    public boolean byPython() {
      return source.contains("Python-based");
    }
  }

  private static final Map<String, First> TABLE = load();

  private PackageSupport() {}

  /** Whether the table knows the package at all. */
  public static boolean knows(String name) {
    String key = Requirement.canonical(name) + "\t";
    return TABLE.keySet().stream().anyMatch(k -> k.startsWith(key));
  }

  public static Optional<First> first(String name, String djangoSeries) {
    return Optional.ofNullable(TABLE.get(Requirement.canonical(name) + "\t" + djangoSeries));
  }

  private static Map<String, First> load() {
    Map<String, First> out = new HashMap<>();
    for (BundledTable.Row row :
        BundledTable.read(PackageSupport.class, "django-packages.tsv", 4, false)) {
      String[] c = row.columns();
      if (c[2].equals("?") || c[2].equals("any")) {
        continue;
      }
      out.put(
          Requirement.canonical(c[0]) + "\t" + c[1],
          new First(c[2].equals("-") ? null : c[2], c[2].equals("-"), c[3]));
    }
    return Map.copyOf(out);
  }
}
