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
 * is made again for any target without rescanning.
 */
public record UpgradeFacts(List<PythonPin> python, List<ApiUse> uses) {
  /** Django's rows, then Python's: one pass over each module for both tables. */
  private static final RemovedApiFinder FINDER =
      new RemovedApiFinder(
          Stream.concat(Removals.django().stream(), Removals.python().stream()).toList());

  public UpgradeFacts {
    python = List.copyOf(python);
    uses = List.copyOf(uses);
  }

  public static UpgradeFacts scan(
      Path repo, List<RepoFile> files, List<ModuleFacts> modules, DjangoInventory inventory) {
    List<ApiUse> uses = FINDER.find(modules, inventory, repo);
    return new UpgradeFacts(PythonVersions.find(repo, files), uses);
  }
}
