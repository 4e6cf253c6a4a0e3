package dev.auditworkbench.engine.model;

/**
 * Where a finding is. {@code path} is repo-relative with '/' separators, or null for findings that
 * are not about a file (a dependency, a route). Lines are 1-based; 0 means unknown.
 *
 * @param inRepo false when the scanner named a path that does not exist in the scanned repository
 */
public record Location(String path, int startLine, int endLine, String symbol, boolean inRepo) {
  public Location {
    if (startLine < 0 || endLine < 0) {
      throw new IllegalArgumentException("negative line");
    }
    if (endLine < startLine) {
      endLine = startLine;
    }
  }

  public static Location none() {
    return new Location(null, 0, 0, null, false);
  }

  /** "path:line", "path", or the symbol, for one-line displays. */
  public String display() {
    if (path == null) {
      return symbol == null ? "" : symbol;
    }
    return startLine > 0 ? path + ":" + startLine : path;
  }
}
