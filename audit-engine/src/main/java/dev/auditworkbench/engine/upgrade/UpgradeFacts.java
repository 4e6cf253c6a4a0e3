package dev.auditworkbench.engine.upgrade;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.repo.RepoFile;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a scan read for the upgrade path: the Python versions the repository names and every use of
 * something a later Django or Python removes. Stored with the scan ("upgrade" facts), so the plan
 * is made again for any target without rescanning. {@code imported} is every top-level module the
 * code imports or INSTALLED_APPS names, lower-case (null in facts stored before it was recorded): a
 * package only the client's environment lists counts when the code uses it.
 */
public record UpgradeFacts(List<PythonPin> python, List<ApiUse> uses, List<String> imported) {
  /** Django's rows, then Python's: one pass over each module for both tables. */
  private static final RemovedApiFinder FINDER =
      new RemovedApiFinder(
          Stream.concat(Removals.django().stream(), Removals.python().stream()).toList());

  public UpgradeFacts {
    python = List.copyOf(python);
    uses = List.copyOf(uses);
    imported = imported == null ? null : List.copyOf(imported);
  }

  public static UpgradeFacts scan(
      Path repo, List<RepoFile> files, List<ModuleFacts> modules, DjangoInventory inventory) {
    List<ApiUse> uses = FINDER.find(modules, inventory, repo);
    java.util.TreeSet<String> imported = new java.util.TreeSet<>();
    for (ModuleFacts m : modules) {
      for (ModuleFacts.ImportRef i : m.imports()) {
        if (i.level() == 0 && i.module() != null && !i.module().isEmpty()) {
          imported.add(topLevel(i.module()));
        }
      }
    }
    for (DjangoInventory.App app : inventory.apps()) {
      imported.add(topLevel(app.name()));
    }
    return new UpgradeFacts(PythonVersions.find(repo, files), uses, List.copyOf(imported));
  }

  private static String topLevel(String dotted) {
    int dot = dotted.indexOf('.');
    return (dot < 0 ? dotted : dotted.substring(0, dot)).toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether the code uses a package: imports one of its modules or names it in INSTALLED_APPS. */
  public boolean usesPackage(String canonicalPackage) {
    return imported != null
        && PackageModules.of(canonicalPackage).stream().anyMatch(imported::contains);
  }
}
