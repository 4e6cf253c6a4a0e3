package dev.auditworkbench.engine.project;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.model.ImportRecord;
import dev.auditworkbench.engine.model.ScanRecord;
import dev.auditworkbench.engine.queries.QueryAnalysis;
import dev.auditworkbench.engine.scan.GraphFacts;
import dev.auditworkbench.engine.scan.SeamDetails;
import dev.auditworkbench.engine.scan.SeamMaps;
import dev.auditworkbench.engine.seams.SeamMap;
import dev.auditworkbench.engine.store.ImportRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.store.ScanRepository;
import dev.auditworkbench.engine.upgrade.UpgradePlan;
import dev.auditworkbench.engine.upgrade.UpgradePlans;
import java.util.List;
import java.util.Optional;

/**
 * What the latest scan and the imported captures say: inventory, import graph, seams, queries,
 * imports.
 */
public final class AnalysisService {
  private final ProjectStore store;

  AnalysisService(ProjectStore store) {
    this.store = store;
  }

  /** The latest scan's summary, if the repository was scanned. */
  public Optional<ScanRecord> latestScan() {
    return store.read(c -> new ScanRepository(c).latest());
  }

  /** The latest scan's Django inventory (apps, models, routes, settings). */
  public Optional<DjangoInventory> inventory() {
    return store.read(c -> new ScanRepository(c).latestFacts("inventory", DjangoInventory.class));
  }

  /** The latest scan's import graph. */
  public Optional<GraphFacts> graph() {
    return store.read(c -> new ScanRepository(c).latestFacts("graph", GraphFacts.class));
  }

  /** The seam map of the latest scan. */
  public Optional<SeamMap> seamMap() {
    return store.read(SeamMaps::ofLatestScan);
  }

  /** One app's seams in detail: what crosses into and out of it. */
  public Optional<SeamDetails> seamDetails(SeamMap map, String app) {
    return store.read(c -> SeamDetails.of(c, map, app));
  }

  /**
   * The captured traffic's statistics, N+1 patterns, plans and routes.
   *
   * @param nPlusOneThreshold repeats of one statement in a request from which it counts as N+1
   */
  public QueryAnalysis.Result queries(int nPlusOneThreshold) {
    return store.read(c -> QueryAnalysis.of(c, nPlusOneThreshold));
  }

  /**
   * The upgrade plan from the pinned Django to {@code target} ("5.2"; null for the next two LTS
   * releases), from the latest scan; empty when no scan recorded it (scanned before the upgrade
   * path existed: rescan) or the project pins no Django version.
   */
  public Optional<UpgradePlan> upgradePlan(String target) {
    return store.read(c -> UpgradePlans.latest(c, target));
  }

  /**
   * The seam map's clusters ranked as strangler-fig candidates, joined with the captured traffic,
   * coverage and history; empty before the first scan.
   */
  public Optional<dev.auditworkbench.engine.strangler.Stranglers.Analysis> stranglerCandidates() {
    return store.read(dev.auditworkbench.engine.strangler.Stranglers::of);
  }

  /** The same, for a seam map already drawn (not drawn again). */
  public dev.auditworkbench.engine.strangler.Stranglers.Analysis stranglerCandidates(SeamMap map) {
    return store.read(c -> dev.auditworkbench.engine.strangler.Stranglers.of(c, map, null));
  }

  /** Every import, oldest first. */
  public List<ImportRecord> imports() {
    return store.read(c -> new ImportRepository(c).all());
  }
}
