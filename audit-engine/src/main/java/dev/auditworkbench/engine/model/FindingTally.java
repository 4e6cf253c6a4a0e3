package dev.auditworkbench.engine.model;

import java.util.Map;

/**
 * How many findings a project holds ({@code all}), and the open ones as the report counts them
 * ({@link Finding#counted()}), in all and by severity and category.
 */
public record FindingTally(
    int all, int counted, Map<Severity, Integer> bySeverity, Map<Category, Integer> byCategory) {
  public FindingTally {
    bySeverity = Map.copyOf(bySeverity);
    byCategory = Map.copyOf(byCategory);
  }
}
