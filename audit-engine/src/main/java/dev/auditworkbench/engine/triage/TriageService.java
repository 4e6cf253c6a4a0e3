package dev.auditworkbench.engine.triage;

import dev.auditworkbench.engine.model.DismissReason;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.model.Triage;
import dev.auditworkbench.engine.model.TriageChange;
import dev.auditworkbench.engine.store.BoardRepository;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.HistoryRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The auditor's decisions on findings. Each call is one transaction that also appends a history row
 * per changed field, so an edit is saved at once, survives a crash and can be traced.
 */
public final class TriageService {
  private final ProjectStore store;
  private final Clock clock;

  public TriageService(ProjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Runs a triage command in one transaction (all of it or none), with a history row per changed
   * field, and returns what undoing and redoing it needs.
   */
  public TriageStep execute(TriageCommand command, String origin) {
    return store.write(
        c -> {
          BoardRepository board = new BoardRepository(c);
          if (command instanceof TriageCommand.Move m) {
            List<Finding> before = snapshots(c, m.ids());
            List<Finding> after = new ArrayList<>();
            for (long id : m.ids()) {
              after.add(
                  applyIn(
                      c,
                      id,
                      TriageEdit.status(m.to(), m.to() == Status.DISMISSED ? m.reason() : null),
                      origin));
            }
            Map<String, Integer> ranksBefore = ranksOf(board, m.ranks().keySet());
            if (!m.ranks().isEmpty()) {
              board.setRanks(m.ranks());
            }
            return new TriageStep(m.label(), before, after, ranksBefore, m.ranks(), null);
          } else if (command instanceof TriageCommand.Edit e) {
            List<Finding> before = snapshots(c, List.copyOf(e.edits().keySet()));
            List<Finding> after = new ArrayList<>();
            for (var entry : e.edits().entrySet()) {
              after.add(applyIn(c, entry.getKey(), entry.getValue(), origin));
            }
            Map<String, Integer> ranksBefore = ranksOf(board, e.ranks().keySet());
            if (!e.ranks().isEmpty()) {
              board.setRanks(e.ranks());
            }
            Map<String, String> links = board.duplicates();
            Map<String, String> linksBefore = new HashMap<>();
            e.links().keySet().forEach(fp -> linksBefore.put(fp, links.get(fp)));
            setLinks(board, e.links());
            return new TriageStep(
                e.label(), before, after, ranksBefore, e.ranks(), null, linksBefore, e.links());
          } else if (command instanceof TriageCommand.Merge m) {
            Finding kept = snapshots(c, List.of(m.keptId())).get(0);
            List<Finding> before = snapshots(c, m.duplicateIds());
            mergeIn(c, kept, before, origin);
            return new TriageStep(
                m.label(), before, snapshots(c, m.duplicateIds()), Map.of(), Map.of(), kept);
          } else {
            TriageCommand.Rank r = (TriageCommand.Rank) command;
            Map<String, Integer> ranksBefore = ranksOf(board, r.ranks().keySet());
            board.setRanks(r.ranks());
            return new TriageStep(r.label(), List.of(), List.of(), ranksBefore, r.ranks(), null);
          }
        });
  }

  /** This copy's triage, to hand to another auditor ({@link TriageExchange}). */
  public TriageExchange.Document exportTriage() {
    var info = store.info(); // its own read: not inside the export's
    return store.read(c -> TriageExchange.export(c, info, clock.instant()));
  }

  /**
   * What importing another copy's triage would do; nothing is changed until the plan's edits are
   * executed (one undoable step).
   */
  public TriageExchange.Plan planImport(TriageExchange.Document theirs, boolean takeTheirs) {
    return store.read(c -> TriageExchange.plan(c, theirs, takeTheirs));
  }

  /** Puts back what {@code step} changed, in one transaction. */
  public void undo(TriageStep step, String origin) {
    store.write(
        c -> {
          if (step.mergedInto() != null) {
            unmergeIn(c, step.mergedInto(), step.before(), origin);
          } else {
            restoreIn(c, step.before(), origin);
          }
          if (!step.ranksBefore().isEmpty()) {
            new BoardRepository(c).setRanks(step.ranksBefore());
          }
          setLinks(new BoardRepository(c), step.linksBefore());
          return null;
        });
  }

  /** Does {@code step} again after an undo, in one transaction. */
  public void redo(TriageStep step, String origin) {
    store.write(
        c -> {
          if (step.mergedInto() != null) {
            mergeIn(c, step.mergedInto(), step.before(), origin);
          } else {
            restoreIn(c, step.after(), origin);
          }
          if (!step.ranksAfter().isEmpty()) {
            new BoardRepository(c).setRanks(step.ranksAfter());
          }
          setLinks(new BoardRepository(c), step.linksAfter());
          return null;
        });
  }

  private static void setLinks(BoardRepository board, Map<String, String> links)
      throws SQLException {
    for (var link : links.entrySet()) {
      board.setDuplicateOf(link.getKey(), link.getValue());
    }
  }

  private static List<Finding> snapshots(Connection c, List<Long> ids) throws SQLException {
    try (FindingRepository findings = new FindingRepository(c)) {
      List<Finding> out = new ArrayList<>();
      for (long id : ids) {
        out.add(
            findings
                .byId(id)
                .orElseThrow(() -> new IllegalArgumentException("finding #" + id + " is gone")));
      }
      return out;
    }
  }

  private static Map<String, Integer> ranksOf(BoardRepository board, Set<String> fingerprints)
      throws SQLException {
    Map<String, Integer> all = board.ranks();
    Map<String, Integer> out = new HashMap<>();
    fingerprints.forEach(fp -> out.put(fp, all.get(fp)));
    return out;
  }

  /** Applies {@code edit} to the finding with {@code findingId} and returns it as saved. */
  public Finding apply(long findingId, TriageEdit edit, String origin) {
    return store.write(c -> applyIn(c, findingId, edit, origin));
  }

  /**
   * Applies each finding's edit in one transaction (all or none: a bulk change from the CLI or a
   * multi-selection), and returns the findings as saved, in the order given.
   */
  public List<Finding> applyEach(Map<Long, TriageEdit> edits, String origin) {
    return store.write(
        c -> {
          List<Finding> out = new ArrayList<>();
          for (var e : edits.entrySet()) {
            out.add(applyIn(c, e.getKey(), e.getValue(), origin));
          }
          return out;
        });
  }

  private Finding applyIn(Connection c, long findingId, TriageEdit edit, String origin)
      throws SQLException {
    try (FindingRepository findings = new FindingRepository(c)) {
      Finding before =
          findings
              .byId(findingId)
              .orElseThrow(() -> new IllegalArgumentException("no finding with id " + findingId));
      Finding after = edited(before, edit);
      findings.saveTriage(after);
      recordChanges(new HistoryRepository(c), before, after, origin, clock.instant());
      return findings.byId(findingId).orElseThrow();
    }
  }

  private static Finding edited(Finding f, TriageEdit e) {
    Status status = e.status() != null ? e.status() : f.status();
    var reason = e.status() != null ? e.dismissReason() : f.dismissReason();
    if (status == Status.DISMISSED && reason == null) {
      throw new IllegalArgumentException(
          "dismissing needs a reason: false_positive, accepted_risk, duplicate or wont_fix");
    }
    Impact impact = e.impact() != null ? e.impact() : f.impactOverride();
    Effort effort = e.effort() != null ? e.effort() : f.effortOverride();
    String notes = e.notes() != null ? e.notes() : f.notes();
    List<String> tags = e.tags() != null ? cleanTags(e.tags()) : f.tags();
    return withTriage(f, status, reason, impact, effort, notes, tags);
  }

  private static Finding withTriage(
      Finding f,
      Status status,
      DismissReason reason,
      Impact impact,
      Effort effort,
      String notes,
      List<String> tags) {
    return f.withTriage(new Triage(status, reason, impact, effort, notes, tags));
  }

  /** Trimmed, without blanks and repeats, in the order given. */
  static List<String> cleanTags(List<String> tags) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : tags) {
      String trimmed = t == null ? "" : t.trim();
      if (!trimmed.isEmpty()) {
        out.add(trimmed);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Puts the auditor's decisions (status, reason, overrides, notes, tags) back as they are in these
   * earlier copies of findings, in one transaction: what undo and redo do. Returns the findings as
   * saved.
   */
  public List<Finding> restore(List<Finding> snapshots, String origin) {
    return store.write(c -> restoreIn(c, snapshots, origin));
  }

  private List<Finding> restoreIn(Connection c, List<Finding> snapshots, String origin)
      throws SQLException {
    {
      List<Finding> saved = new ArrayList<>();
      try (FindingRepository findings = new FindingRepository(c)) {
        HistoryRepository history = new HistoryRepository(c);
        Instant at = clock.instant();
        for (Finding snapshot : snapshots) {
          Finding before =
              findings
                  .byId(snapshot.id())
                  .orElseThrow(
                      () -> new IllegalArgumentException("no finding with id " + snapshot.id()));
          Finding after =
              withTriage(
                  before,
                  snapshot.status(),
                  snapshot.dismissReason(),
                  snapshot.impactOverride(),
                  snapshot.effortOverride(),
                  snapshot.notes(),
                  snapshot.tags());
          findings.saveTriage(after);
          recordChanges(history, before, after, origin, at);
          saved.add(findings.byId(snapshot.id()).orElseThrow());
        }
      }
      return saved;
    }
  }

  /**
   * Merges {@code duplicates} into {@code kept}: each is dismissed as a duplicate and linked to it,
   * so the kept finding shows their tools and count. One transaction; history on both sides.
   */
  public void merge(Finding kept, List<Finding> duplicates, String origin) {
    store.write(
        c -> {
          mergeIn(c, kept, duplicates, origin);
          return null;
        });
  }

  private void mergeIn(Connection c, Finding kept, List<Finding> duplicates, String origin)
      throws SQLException {
    try (FindingRepository findings = new FindingRepository(c)) {
      HistoryRepository history = new HistoryRepository(c);
      BoardRepository board = new BoardRepository(c);
      Instant at = clock.instant();
      for (Finding d : duplicates) {
        if (d.id() == kept.id()) {
          throw new IllegalArgumentException("a finding cannot be merged into itself");
        }
        Finding before =
            findings
                .byId(d.id())
                .orElseThrow(() -> new IllegalArgumentException("no finding with id " + d.id()));
        Finding after =
            withTriage(
                before,
                Status.DISMISSED,
                DismissReason.DUPLICATE,
                before.impactOverride(),
                before.effortOverride(),
                before.notes(),
                before.tags());
        findings.saveTriage(after);
        recordChanges(history, before, after, origin, at);
        board.setDuplicateOf(d.fingerprint(), kept.fingerprint());
        change(
            history, d.id(), at, origin, "merged", null, "into #" + kept.id() + " " + kept.title());
        change(history, kept.id(), at, origin, "merged", null, "#" + d.id() + " " + d.title());
      }
    }
  }

  /** Undoes a merge: the duplicates get their earlier triage back and lose the link. */
  public void unmerge(Finding kept, List<Finding> snapshots, String origin) {
    store.write(
        c -> {
          unmergeIn(c, kept, snapshots, origin);
          return null;
        });
  }

  private void unmergeIn(Connection c, Finding kept, List<Finding> snapshots, String origin)
      throws SQLException {
    restoreIn(c, snapshots, origin);
    BoardRepository board = new BoardRepository(c);
    HistoryRepository history = new HistoryRepository(c);
    Instant at = clock.instant();
    for (Finding d : snapshots) {
      board.setDuplicateOf(d.fingerprint(), null);
      change(
          history, d.id(), at, origin, "merged", "into #" + kept.id() + " " + kept.title(), null);
      change(history, kept.id(), at, origin, "merged", "#" + d.id() + " " + d.title(), null);
    }
  }

  /** Sets cards' ranks within their board column (a null rank: back to the default order). */
  public void rank(Map<String, Integer> ranks) {
    store.write(
        c -> {
          new BoardRepository(c).setRanks(ranks);
          return null;
        });
  }

  private static void recordChanges(
      HistoryRepository history, Finding before, Finding after, String origin, Instant at)
      throws SQLException {
    change(history, before.id(), at, origin, "status", statusText(before), statusText(after));
    change(
        history,
        before.id(),
        at,
        origin,
        "impact",
        String.valueOf(before.impact().value()),
        String.valueOf(after.impact().value()));
    change(
        history,
        before.id(),
        at,
        origin,
        "effort",
        before.effort().toString(),
        after.effort().toString());
    change(history, before.id(), at, origin, "notes", before.notes(), after.notes());
    change(
        history,
        before.id(),
        at,
        origin,
        "tags",
        String.join(", ", before.tags()),
        String.join(", ", after.tags()));
  }

  private static String statusText(Finding f) {
    return f.dismissReason() == null
        ? f.status().key()
        : f.status().key() + " (" + f.dismissReason().key() + ")";
  }

  private static void change(
      HistoryRepository history,
      long id,
      Instant at,
      String origin,
      String field,
      String oldValue,
      String newValue)
      throws SQLException {
    if (!Objects.equals(oldValue, newValue)) {
      history.append(new TriageChange(id, at, field, oldValue, newValue, origin));
    }
  }
}
