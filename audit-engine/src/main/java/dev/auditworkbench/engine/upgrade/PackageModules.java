package dev.auditworkbench.engine.upgrade;

import dev.auditworkbench.engine.model.BundledTable;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The top-level modules a package installs, to tell whether the code uses a package the client's
 * environment has but the repository does not declare: the bundled {@code package-modules.tsv}
 * where the name says otherwise ("djangorestframework" installs "rest_framework"), else the name
 * with "-" as "_", with and without its "django-" prefix.
 */
final class PackageModules {
  private static final Map<String, String> TABLE = new HashMap<>();

  static {
    for (BundledTable.Row r :
        BundledTable.read(PackageModules.class, "package-modules.tsv", 2, true)) {
      TABLE.put(r.columns()[0], r.columns()[1].toLowerCase(Locale.ROOT));
    }
  }

  private PackageModules() {}

  /** The lower-case module names a package (PEP 503 name) may install. */
  static Set<String> of(String canonicalName) {
    Set<String> out = new LinkedHashSet<>();
    String known = TABLE.get(canonicalName);
    if (known != null) {
      out.add(known);
    }
    String underscored = canonicalName.replace('-', '_');
    out.add(underscored);
    if (underscored.startsWith("django_")) {
      out.add(underscored.substring("django_".length()));
    }
    return out;
  }
}
