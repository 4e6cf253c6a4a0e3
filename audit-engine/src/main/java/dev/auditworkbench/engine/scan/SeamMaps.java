package dev.auditworkbench.engine.scan;

import dev.auditworkbench.engine.django.AppUnits;
import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.history.GitHistory;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.seams.SeamMap;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ScanRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds the seam map of a project's last scan, for the CLI, the desktop view and the report. */
public final class SeamMaps {
  private SeamMaps() {}

  /**
   * The seam map of the last scan: its import graph, its history's change couplings, and the apps
   * of its top three hotspots; empty when the project has not been scanned.
   */
  public static Optional<SeamMap> ofLatestScan(Connection c) throws SQLException {
    ScanRepository scans = new ScanRepository(c);
    Optional<GraphFacts> graph = scans.latestFacts("graph", GraphFacts.class);
    if (graph.isEmpty()) {
      return Optional.empty();
    }
    List<GitHistory.Coupling> couplings =
        scans
            .latestFacts("history", GitHistory.Result.class)
            .map(GitHistory.Result::couplings)
            .orElse(List.of());
    Set<String> hotspots =
        new FindingRepository(c)
            .all().stream()
                .filter(
                    f ->
                        f.ruleId().equals("history.hotspot")
                            && f.severity() == Severity.MEDIUM
                            && !f.gone())
                .map(f -> f.location().path())
                .collect(Collectors.toSet());
    AppUnits units =
        AppUnits.of(scans.latestFacts("inventory", DjangoInventory.class).orElse(null));
    return Optional.of(
        SeamMap.build(graph.get().modules(), graph.get().edges(), couplings, hotspots, units));
  }
}
