package dev.auditworkbench.engine.repo;

/**
 * Lines of a file: total, blank, comment (lines whose first text is '#', and docstring lines) and
 * code (the rest), the way an auditor counts "how big is this module".
 */
public record LineCounts(int total, int code, int comment, int blank) {
  public static final LineCounts ZERO = new LineCounts(0, 0, 0, 0);

  public LineCounts plus(LineCounts o) {
    return new LineCounts(total + o.total, code + o.code, comment + o.comment, blank + o.blank);
  }

  /** Counts a Python file; {@code docstringLines} marks lines inside docstrings (may be null). */
  public static LineCounts of(String text, boolean[] docstringLines) {
    if (text.isEmpty()) {
      return ZERO;
    }
    String[] lines = text.split("\r?\n", -1);
    int n = lines.length;
    if (text.endsWith("\n")) {
      n--; // the empty piece after the final newline is not a line
    }
    int blank = 0;
    int comment = 0;
    for (int i = 0; i < n; i++) {
      String t = lines[i].strip();
      if (t.isEmpty()) {
        blank++;
      } else if (t.startsWith("#")
          || (docstringLines != null && i < docstringLines.length && docstringLines[i])) {
        comment++;
      }
    }
    return new LineCounts(n, n - blank - comment, comment, blank);
  }

  /** Counts a non-Python text file (templates): no comment syntax assumed. */
  public static LineCounts ofText(String text) {
    return of(text, null);
  }
}
