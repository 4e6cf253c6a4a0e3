package dev.auditworkbench.engine.deps;

import dev.auditworkbench.engine.model.BundledTable;
import dev.auditworkbench.engine.model.VersionSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The bundled table of unmaintained or superseded packages ({@code unmaintained.tsv}). */
public final class Unmaintained {
  /**
   * One package: the last Django series it can run with (null when it does not block an upgrade),
   * what replaces it and why.
   */
  public record Package(String name, String lastDjango, String replacement, String reason) {
    /** True when the package cannot run with Django {@code series} ("5.2"). */
    public boolean blocks(String series) {
      return lastDjango != null && VersionSpec.compare(series, lastDjango) > 0;
    }
  }

  /**
   * Hours to replace a package that blocks the upgrade: its finding's and the upgrade plan's
   * estimate.
   */
  public static final int REPLACEMENT_HOURS = 16;

  private static final Map<String, Package> TABLE = load();

  private Unmaintained() {}

  public static Optional<Package> of(String name) {
    return Optional.ofNullable(TABLE.get(Requirement.canonical(name)));
  }

  public static int size() {
    return TABLE.size();
  }

  private static Map<String, Package> load() {
    Map<String, Package> out = new LinkedHashMap<>();
    for (BundledTable.Row row :
        BundledTable.read(Unmaintained.class, "unmaintained.tsv", 4, false)) {
      String[] c = row.columns();
      out.put(
          Requirement.canonical(c[0]),
          new Package(c[0], c[1].equals("-") ? null : c[1], c[2], c[3]));
    }
    return Map.copyOf(out);
  }
}
