package dev.auditworkbench.engine.project;

import java.time.LocalDate;
import java.util.List;

/**
 * Changes to the plan, saved together or not at all; null and empty fields stay as they are.
 *
 * @param groups {@code NAME=FP,FP...}: these findings (fingerprint prefixes) become one work item
 * @param ungroup fingerprint prefixes of findings taken out of their work item
 * @param phases {@code ITEM=PHASE}: a work item (its key, or a prefix of one of its findings) put
 *     in a phase (1-6 or its name; {@code rules} gives it back to the rules)
 * @param rules phase rules tried before the others, e.g. {@code rule:queries.* = stop-the-bleeding}
 * @param clearRules forget the rules added before
 */
public record PlanEdit(
    Integer teamSize,
    Integer hoursPerWeek,
    LocalDate start,
    List<String> groups,
    List<String> ungroup,
    List<String> phases,
    List<String> rules,
    boolean clearRules) {

  public PlanEdit {
    groups = List.copyOf(groups);
    ungroup = List.copyOf(ungroup);
    phases = List.copyOf(phases);
    rules = List.copyOf(rules);
  }

  public boolean isEmpty() {
    return teamSize == null
        && hoursPerWeek == null
        && start == null
        && groups.isEmpty()
        && ungroup.isEmpty()
        && phases.isEmpty()
        && rules.isEmpty()
        && !clearRules;
  }
}
