package dev.auditworkbench.engine.deps;

import java.util.Locale;

/**
 * One declared dependency: canonical name (PEP 503), the version specifier as written, the exact
 * version when pinned (== or a lock file), and where it is declared.
 */
public record Requirement(String name, String spec, String pinned, String path, int line, String source) {
  public boolean isPinned() {
    return pinned != null;
  }

  public static String canonical(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }
}
