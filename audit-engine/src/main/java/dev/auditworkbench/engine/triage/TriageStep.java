package dev.auditworkbench.engine.triage;

import dev.auditworkbench.engine.model.Finding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A triage command as it was executed: the findings before and after, the ranks it replaced, and
 * for a merge the finding kept, and the merge links an imported triage set. {@link
 * TriageService#undo} and {@link TriageService#redo} replay it.
 */
public record TriageStep(
    String label,
    List<Finding> before,
    List<Finding> after,
    Map<String, Integer> ranksBefore,
    Map<String, Integer> ranksAfter,
    Finding mergedInto,
    Map<String, String> linksBefore,
    Map<String, String> linksAfter) {

  public TriageStep {
    before = List.copyOf(before);
    after = List.copyOf(after);
    ranksBefore = new HashMap<>(ranksBefore); // null values: no rank before
    ranksAfter = new HashMap<>(ranksAfter);
    linksBefore = new HashMap<>(linksBefore); // duplicate -> kept; null: not merged
    linksAfter = new HashMap<>(linksAfter);
  }

  public TriageStep(
      String label,
      List<Finding> before,
      List<Finding> after,
      Map<String, Integer> ranksBefore,
      Map<String, Integer> ranksAfter,
      Finding mergedInto) {
    this(label, before, after, ranksBefore, ranksAfter, mergedInto, Map.of(), Map.of());
  }

  /** Merge links (duplicate fingerprint to the kept one's; null: none) before the step. */
  @Override
  public Map<String, String> linksBefore() {
    return new HashMap<>(linksBefore);
  }

  @Override
  public Map<String, String> linksAfter() {
    return new HashMap<>(linksAfter);
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
