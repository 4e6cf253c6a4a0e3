package dev.auditworkbench.engine.triage;

import dev.auditworkbench.engine.model.DismissReason;
import dev.auditworkbench.engine.model.Status;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One triage step as the auditor names it: {@link TriageService#execute} runs it in one transaction
 * and returns what undo and redo need. The board, the findings table, the matrix and the CLI all
 * change findings through these.
 */
public sealed interface TriageCommand {
  /** What the Undo button says, e.g. "move 3 cards to In report". */
  String label();

  /**
   * Moves findings to a status (Dismissed needs a reason) and, optionally, sets ranks within the
   * target column.
   *
   * @param ids the findings whose status changes
   * @param ranks new ranks by fingerprint (empty: the order stays)
   */
  record Move(
      List<Long> ids, Status to, DismissReason reason, Map<String, Integer> ranks, String label)
      implements TriageCommand {
    public Move {
      ids = List.copyOf(ids);
      ranks = Map.copyOf(ranks);
      if (to == Status.DISMISSED && reason == null && !ids.isEmpty()) {
        throw new IllegalArgumentException(
            "dismissing needs a reason: false_positive, accepted_risk, duplicate or wont_fix");
      }
    }
  }

  /**
   * The same edit, or one per finding, on several findings at once (status, impact, effort, notes,
   * tags).
   */
  record Edit(
      Map<Long, TriageEdit> edits,
      Map<String, Integer> ranks,
      Map<String, String> links,
      String label)
      implements TriageCommand {
    public Edit {
      edits = new LinkedHashMap<>(edits);
      ranks = new HashMap<>(ranks);
      links = new HashMap<>(links); // duplicate fingerprint -> kept fingerprint; null: unlink
    }

    public Edit(Map<Long, TriageEdit> edits, String label) {
      this(edits, Map.of(), Map.of(), label);
    }

    @Override
    public Map<String, String> links() {
      return new HashMap<>(links);
    }

    @Override
    public Map<String, Integer> ranks() {
      return new HashMap<>(ranks);
    }

    public static Edit of(long id, TriageEdit edit, String label) {
      return new Edit(Map.of(id, edit), label);
    }

    public static Edit each(List<Long> ids, TriageEdit edit, String label) {
      Map<Long, TriageEdit> m = new LinkedHashMap<>();
      ids.forEach(id -> m.put(id, edit));
      return new Edit(m, label);
    }

    @Override
    public Map<Long, TriageEdit> edits() {
      return new LinkedHashMap<>(edits);
    }
  }

  /** Dismisses {@code duplicateIds} as duplicates of {@code keptId} and links them to it. */
  record Merge(long keptId, List<Long> duplicateIds, String label) implements TriageCommand {
    public Merge {
      duplicateIds = List.copyOf(duplicateIds);
      if (duplicateIds.contains(keptId)) {
        throw new IllegalArgumentException("a finding cannot be merged into itself");
      }
    }
  }

  /**
   * New ranks within board columns, by fingerprint; a null rank puts a card back in the default
   * order.
   */
  record Rank(Map<String, Integer> ranks, String label) implements TriageCommand {
    public Rank {
      ranks = new HashMap<>(ranks);
    }

    @Override
    public Map<String, Integer> ranks() {
      return new HashMap<>(ranks);
    }
  }
}
