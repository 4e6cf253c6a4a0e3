package dev.auditworkbench.engine.upgrade;

import dev.auditworkbench.engine.model.BundledTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The bundled tables of what Django 2.0 to 6.0 ({@code django-removals.tsv}) and Python 3.8 to 3.13
 * ({@code python-removals.tsv}) removed or changed in a way that breaks a project's own code. The
 * Django table's header documents the columns and the sources; both tables share them. Python rows'
 * ids start with "python:" and their releases are Python's.
 */
public final class Removals {
  /** How a removal is found in the code; the table's "kind" column. */
  public enum Kind {
    IMPORT,
    METHOD,
    CALL_WITHOUT,
    CALL_KEYWORD,
    SETTING,
    SETTING_VALUE,
    SETTING_TEXT,
    SETTING_UNSET,
    META,
    CLASS_ATTR,
    MODULE_ATTR,
    TEMPLATE;

    static Kind parse(String text) {
      return valueOf(text.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
  }

  /**
   * One row: {@code deprecated} is null when Django removed it without a deprecation period; {@code
   * fixer} is null when no tool rewrites it; {@code keptForMigrations} when Django keeps the old
   * name for historical migrations (their files are not reported).
   */
  public record Removal(
      String id,
      String deprecated,
      String removed,
      Kind kind,
      List<String> patterns,
      String replacement,
      String fixer,
      int minutes,
      String what,
      boolean keptForMigrations) {
    public boolean automatic() {
      return fixer != null;
    }

    /** A behaviour that changes rather than a name that goes: the code still runs, differently. */
    public boolean behaviour() {
      return kind == Kind.SETTING_UNSET;
    }
  }

  private static final List<Removal> DJANGO = load("django-removals.tsv");
  private static final List<Removal> PYTHON = load("python-removals.tsv");

  private Removals() {}

  public static List<Removal> django() {
    return DJANGO;
  }

  public static List<Removal> python() {
    return PYTHON;
  }

  /** A row of either table by id. */
  public static Optional<Removal> of(String id) {
    return (id.startsWith("python:") ? PYTHON : DJANGO)
        .stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** Whether the row is Python's (its releases are Python versions). */
  public static boolean isPython(Removal r) {
    return r.id().startsWith("python:");
  }

  private static List<Removal> load(String resource) {
    List<Removal> out = new ArrayList<>();
    for (BundledTable.Row row : BundledTable.read(Removals.class, resource, 10, true)) {
      String[] c = row.columns();
      Kind kind = Kind.parse(c[3]);
      List<String> patterns =
          kind == Kind.TEMPLATE ? List.of(c[4]) : Arrays.asList(c[4].split(" "));
      out.add(
          new Removal(
              c[0],
              c[1].equals("-") ? null : c[1],
              c[2],
              kind,
              List.copyOf(patterns),
              c[5],
              c[6].equals("-") ? null : c[6],
              Integer.parseInt(c[7]),
              c[8],
              c[9].equals("kept")));
    }
    return List.copyOf(out);
  }
}
