package dev.auditworkbench.engine.deps;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One declared dependency: canonical name (PEP 503), the version specifier as written, the exact
 * version when pinned (== or a lock file), and where it is declared.
 */
public record Requirement(
    String name, String spec, String pinned, String path, int line, String source) {
  public boolean isPinned() {
    return pinned != null;
  }

  /**
   * What the project declares, one entry per package: constraints files left out (they bound, they
   * do not ask), and requirements files preferred to other sources (a lock file's line says less).
   */
  public static List<Requirement> declaredOncePerPackage(List<Requirement> all) {
    Set<String> seen = new HashSet<>();
    return all.stream()
        .filter(r -> !r.source().equals("constraints"))
        .sorted(Comparator.comparing((Requirement r) -> !r.source().equals("requirements")))
        .filter(r -> seen.add(canonical(r.name())))
        .toList();
  }

  public static String canonical(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }
}
