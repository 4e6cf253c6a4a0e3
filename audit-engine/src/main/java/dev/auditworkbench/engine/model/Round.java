package dev.auditworkbench.engine.model;

import java.time.Instant;

/**
 * One round of an engagement: the baseline (number 0: everything imported before the first round)
 * or a round opened later ("after sprint 2"), holding the imports made after {@code afterImportId}
 * up to {@code lastImportId}.
 */
public record Round(
    int number, String name, Instant createdAt, long afterImportId, long lastImportId) {
  public static final String BASELINE = "baseline";

  /** Whether an import (a scan or a file) belongs to this round. */
  public boolean holds(long importId) {
    return importId > afterImportId && importId <= lastImportId;
  }

  /** Whether anything was imported in it. */
  public boolean isEmpty() {
    return lastImportId <= afterImportId;
  }
}
