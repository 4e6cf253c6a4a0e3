package dev.auditworkbench.engine.history;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What git says about one file over the window: commits that changed it, lines added and deleted,
 * and each author's share of those commits (most first). Renames are followed: the history of a
 * file includes the commits that changed it under its old names.
 */
public record FileHistory(
    String path,
    int commits,
    int linesAdded,
    int linesDeleted,
    Map<String, Integer> commitsByAuthor,
    Instant firstChange,
    Instant lastChange,
    List<String> commitIds) {

  public int churn() {
    return linesAdded + linesDeleted;
  }

  /** The author with most commits, and their share (0..1). */
  public Map.Entry<String, Integer> topAuthor() {
    return commitsByAuthor.entrySet().stream()
        .max(
            Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .orElseThrow();
  }

  public double topAuthorShare() {
    return commits == 0 ? 0 : (double) topAuthor().getValue() / commits;
  }
}
