package dev.auditworkbench.engine.repo;

/**
 * Syntax trees as indented lines (field, type, byte range, lines): for comparing parsers and for
 * looking.
 */
public final class SyntaxTrees {
  private SyntaxTrees() {}

  public static String describe(SyntaxNode n) {
    StringBuilder out = new StringBuilder();
    describe(n, 0, out);
    return out.toString();
  }

  private static void describe(SyntaxNode n, int depth, StringBuilder out) {
    out.append("  ".repeat(depth))
        .append(n.field() == null ? "" : n.field() + ": ")
        .append(n.type())
        .append(' ')
        .append(n.startByte())
        .append('-')
        .append(n.endByte())
        .append(" L")
        .append(n.startLine())
        .append('-')
        .append(n.endLine())
        .append(n.isMissing() ? " MISSING" : "")
        .append('\n');
    for (SyntaxNode c : n.children()) {
      describe(c, depth + 1, out);
    }
  }
}
