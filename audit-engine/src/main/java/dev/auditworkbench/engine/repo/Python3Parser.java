package dev.auditworkbench.engine.repo;

import java.util.List;

/**
 * The scan's parser: well-formed Python 3 goes through {@link FastPythonParser} (pure Java, no
 * native calls, several times faster), and every file it leaves alone (syntax errors, Python 2,
 * constructs it does not build) goes through {@link TreeSitterPythonParser}, which recovers from
 * errors. Both give the same tree for the files the fast parser accepts, so what a scan finds does
 * not depend on which one read a file.
 */
public final class Python3Parser implements PythonParser {
  private TreeSitterPythonParser tolerant;
  private int fast;
  private int fallbacks;

  /**
   * Parses a file; a leading byte order mark is dropped first (tree-sitter leaves it out of its
   * byte offsets, so node texts would be shifted by its three bytes).
   */
  @Override
  public ParsedFile parse(String path, String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    SourceText source = new SourceText(text);
    try {
      SyntaxNode root = FastPythonParser.parse(source);
      fast++;
      return new ParsedFile(path, source, root, List.of());
    } catch (FastPythonParser.Reject | StackOverflowError e) {
      fallbacks++;
      if (tolerant == null) {
        tolerant = new TreeSitterPythonParser();
      }
      return tolerant.parse(path, text);
    }
  }

  /** Files parsed by the fast parser so far. */
  public int fastCount() {
    return fast;
  }

  /** Files handed to tree-sitter so far. */
  public int fallbackCount() {
    return fallbacks;
  }

  @Override
  public void close() {
    if (tolerant != null) {
      tolerant.close();
    }
  }
}
