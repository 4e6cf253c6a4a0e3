package dev.auditworkbench.engine.upgrade;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.repo.RepoFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a scan read for the upgrade path: the Python versions the repository names and every use of
 * something a later Django or Python removes. Stored with the scan ("upgrade" facts), so the plan
 * is made again for any target without rescanning.
 */
public record UpgradeFacts(List<PythonPin> python, List<ApiUse> uses) {
  public UpgradeFacts {
    python = List.copyOf(python);
    uses = List.copyOf(uses);
  }

  public static UpgradeFacts empty() {
    return new UpgradeFacts(List.of(), List.of());
  }

  public static UpgradeFacts scan(
      Path repo, List<RepoFile> files, List<ModuleFacts> modules, DjangoInventory inventory) {
    List<ApiUse> uses = new ArrayList<>();
    uses.addAll(new RemovedApiFinder(Removals.django()).find(modules, inventory, repo));
    uses.addAll(new RemovedApiFinder(Removals.python()).find(modules, inventory, repo));
    uses.sort(Comparator.comparing(ApiUse::path).thenComparingInt(ApiUse::line));
    return new UpgradeFacts(PythonVersions.find(repo, files), uses);
  }
}
