package dev.auditworkbench.engine.upgrade;

import dev.auditworkbench.engine.deps.Requirement;
import dev.auditworkbench.engine.store.InstalledPackageRepository;
import dev.auditworkbench.engine.store.ScanRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The upgrade plan of a project's latest scan, for the CLI, the app and the report. */
public final class UpgradePlans {
  private UpgradePlans() {}

  /**
   * The plan to {@code target} (null: the next two LTS releases); empty when the latest scan did
   * not record the upgrade facts (it predates them: rescan) or the project pins no Django.
   */
  public static Optional<UpgradePlan> latest(Connection c, String target) throws SQLException {
    ScanRepository scans = new ScanRepository(c);
    Optional<UpgradeFacts> facts = scans.latestFacts("upgrade", UpgradeFacts.class);
    if (facts.isEmpty()) {
      return Optional.empty();
    }
    List<Requirement> dependencies =
        scans.latestFacts("dependencies", Requirement[].class).map(List::of).orElse(List.of());
    return UpgradePlan.of(
        facts.get(), dependencies, new InstalledPackageRepository(c).latest(), target);
  }
}
