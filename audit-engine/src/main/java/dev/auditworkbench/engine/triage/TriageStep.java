package dev.auditworkbench.engine.triage;

import dev.auditworkbench.engine.model.Finding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A triage command as it was executed: the findings before and after, the ranks it replaced, and
 * for a merge the finding kept. {@link TriageService#undo} and {@link TriageService#redo} replay
 * it.
 */
public record TriageStep(
    String label,
    List<Finding> before,
    List<Finding> after,
    Map<String, Integer> ranksBefore,
    Map<String, Integer> ranksAfter,
    Finding mergedInto) {

  public TriageStep {
    before = List.copyOf(before);
    after = List.copyOf(after);
    ranksBefore = new HashMap<>(ranksBefore); // null values: no rank before
    ranksAfter = new HashMap<>(ranksAfter);
  }

  @Override
  public Map<String, Integer> ranksBefore() {
    return new HashMap<>(ranksBefore);
  }

  @Override
  public Map<String, Integer> ranksAfter() {
    return new HashMap<>(ranksAfter);
  }
}
