package dev.auditworkbench.engine.project;

import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.FindingTally;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.model.TriageChange;
import dev.auditworkbench.engine.store.BoardRepository;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.HistoryRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** Reads findings, their history and the board's stored order for the views and the CLI. */
public final class FindingService {
  /** Severity, then category, then place: how the table, the board and the CLI list findings. */
  public static final Comparator<Finding> DISPLAY_ORDER = FindingRepository.DISPLAY_ORDER;

  /**
   * The board's stored decisions: ranks within a column and duplicate links, keyed by fingerprint.
   */
  public record BoardState(Map<String, Integer> ranks, Map<String, String> duplicateOf) {
    public BoardState {
      ranks = Map.copyOf(ranks);
      duplicateOf = Map.copyOf(duplicateOf);
    }
  }

  private final ProjectStore store;

  FindingService(ProjectStore store) {
    this.store = store;
  }

  /** Every finding, gone ones included, in display order. */
  public List<Finding> all() {
    return store.read(c -> new FindingRepository(c).all());
  }

  /**
   * Streams the findings the query lets through in display order without holding them all (the CLI
   * lists projects of any size this way).
   */
  public void forEach(FindingQuery query, Consumer<Finding> action) {
    store.read(
        c -> {
          try (FindingRepository r = new FindingRepository(c)) {
            r.forEach(
                f -> {
                  if (query.test(f)) {
                    action.accept(f);
                  }
                });
          }
          return null;
        });
  }

  public List<Finding> byFingerprintPrefix(String prefix) {
    return store.read(
        c -> new FindingRepository(c).byFingerprintPrefix(prefix.toLowerCase(Locale.ROOT)));
  }

  /**
   * The one finding whose fingerprint starts with {@code prefix}.
   *
   * @throws IllegalArgumentException naming the prefix when none or several match
   */
  public Finding one(String prefix) {
    List<Finding> matches = byFingerprintPrefix(prefix);
    if (matches.size() != 1) {
      throw new IllegalArgumentException(
          matches.isEmpty()
              ? "no finding's fingerprint starts with '" + prefix + "'"
              : prefix + " matches " + matches.size() + " findings; give more of the fingerprint");
    }
    return matches.get(0);
  }

  /** The findings with these ids as stored now (a view's copies may be a reload behind). */
  public List<Finding> current(Collection<Long> ids) {
    return store.read(
        c -> {
          try (FindingRepository r = new FindingRepository(c)) {
            List<Finding> out = new ArrayList<>();
            for (long id : ids) {
              out.add(
                  r.byId(id)
                      .orElseThrow(() -> new IllegalStateException("finding #" + id + " is gone")));
            }
            return out;
          }
        });
  }

  /** What was changed on a finding, oldest first. */
  public List<TriageChange> history(long findingId) {
    return store.read(c -> new HistoryRepository(c).of(findingId));
  }

  public BoardState board() {
    return store.read(
        c -> {
          BoardRepository board = new BoardRepository(c);
          return new BoardState(board.ranks(), board.duplicates());
        });
  }

  /**
   * How many findings carry an auditor's decision: a status other than Inbox, notes, tags, or an
   * impact or effort override. What must never be wiped without asking.
   */
  public int triagedCount() {
    return (int)
        all().stream()
            .filter(
                f ->
                    f.status() != Status.INBOX
                        || (f.notes() != null && !f.notes().isBlank())
                        || !f.tags().isEmpty()
                        || f.impactOverride() != null
                        || f.effortOverride() != null)
            .count();
  }

  /** How many findings have each value of a column ({@code status}, {@code severity}...). */
  public Map<String, Integer> countBy(String column) {
    return store.read(c -> new FindingRepository(c).countBy(column));
  }

  /**
   * Every finding counted, and the open ones as the report counts them by severity and category,
   * counted by the database (no finding is read).
   */
  public FindingTally tally() {
    return store.read(c -> new FindingRepository(c).tally());
  }

  /** The still-reported findings of these rules. */
  public List<Finding> ofRules(List<String> ruleIds) {
    return store.read(
        c -> {
          try (FindingRepository r = new FindingRepository(c)) {
            return r.ofRules(ruleIds);
          }
        });
  }
}
