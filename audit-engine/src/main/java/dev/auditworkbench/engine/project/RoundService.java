package dev.auditworkbench.engine.project;

import dev.auditworkbench.engine.model.Round;
import dev.auditworkbench.engine.progress.Progress;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.store.RoundRepository;
import java.time.Clock;
import java.util.List;

/**
 * The rounds of an engagement: the baseline, then each round opened later ("after sprint 2"), whose
 * imports and scans are compared with the baseline's.
 */
public final class RoundService {
  private final ProjectStore store;
  private final Clock clock;

  RoundService(ProjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Opens a round: every import and scan from now on belongs to it.
   *
   * @throws IllegalArgumentException when the name is blank or taken
   */
  public Round open(String name) {
    return store.write(c -> new RoundRepository(c).open(name, clock.instant()));
  }

  /** The baseline, then every round, oldest first. */
  public List<Round> all() {
    return store.read(c -> new RoundRepository(c).all());
  }

  /**
   * Two rounds side by side (numbers or names; null: the baseline, and the last round).
   *
   * @throws IllegalArgumentException naming a round that does not exist
   */
  public Progress.Comparison compare(String from, String to) {
    return compare(from, to, Progress.MIN_REQUESTS);
  }

  /** The same, comparing the routes with at least {@code minRequests} requests in both. */
  public Progress.Comparison compare(String from, String to, int minRequests) {
    return store.read(c -> Progress.compare(c, from, to, minRequests));
  }
}
