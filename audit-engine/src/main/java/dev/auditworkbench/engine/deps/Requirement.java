package dev.auditworkbench.engine.deps;

import com.fasterxml.jackson.annotation.JsonIgnore;
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
  @JsonIgnore // "pinned" is the version; a derived boolean of that name would overwrite it in JSON
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

  /** The Django version the project pins: a lock file's first, else an exact requirement. */
  public static java.util.Optional<Requirement> pinnedDjango(List<Requirement> all) {
    return all.stream()
        .filter(r -> r.name().equals("django") && r.isPinned())
        .min(Comparator.comparing((Requirement r) -> !r.source().equals("lock")));
  }

  public static String canonical(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }
}
