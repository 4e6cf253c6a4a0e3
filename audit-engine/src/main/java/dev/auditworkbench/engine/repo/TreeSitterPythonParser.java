package dev.auditworkbench.engine.repo;

import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;
import org.treesitter.TreeSitterPython;

/**
 * The only class that touches tree-sitter (JNI). It copies each tree into {@link SyntaxNode}s
 * before returning, so no native object outlives a call; it only uses the calls the binding's own
 * tests use (parseString, a tree cursor), as a wrong JNI call crashes the whole JVM.
 *
 * <p>tree-sitter-python accepts Python 2's print and exec statements; they are reported as
 * problems, since no Python 3 interpreter runs them.
 */
public final class TreeSitterPythonParser implements PythonParser {
  private static final long TIMEOUT_MICROS = 20_000_000;

  private final TSParser parser = new TSParser();

  public TreeSitterPythonParser() {
    parser.setLanguage(new TreeSitterPython());
    parser.setTimeoutMicros(TIMEOUT_MICROS);
  }

  @Override
  public ParsedFile parse(String path, String text) {
    SourceText source = new SourceText(text);
    TSTree tree = parser.parseString(null, text);
    List<ParsedFile.Problem> problems = new ArrayList<>();
    if (tree == null) {
      problems.add(new ParsedFile.Problem(1, "parser gave up (timeout)"));
      return new ParsedFile(path, source, new SyntaxNode("module", null, 0, 0, 1, 1, false, source), problems);
    }
    SyntaxNode root = copy(tree.getRootNode(), source, problems);
    return new ParsedFile(path, source, root, problems);
  }

  /** Copies the named nodes of the tree, depth first, with a cursor (one JNI step per node). */
  private static SyntaxNode copy(TSNode rootNode, SourceText source, List<ParsedFile.Problem> problems) {
    TSTreeCursor cursor = new TSTreeCursor(rootNode);
    SyntaxNode root = node(cursor.currentNode(), null, source);
    List<SyntaxNode> stack = new ArrayList<>();
    stack.add(root);
    if (!cursor.gotoFirstChild()) {
      return root;
    }
    while (true) {
      TSNode n = cursor.currentNode();
      SyntaxNode parent = stack.get(stack.size() - 1);
      SyntaxNode added = null;
      if (n.isNamed() || n.isMissing()) {
        added = node(n, cursor.currentFieldName(), source);
        parent.add(added);
        noteProblem(added, problems);
      }
      if (cursor.gotoFirstChild()) {
        stack.add(added != null ? added : parent);
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent() || stack.size() == 1) {
          problems.sort(java.util.Comparator.comparingInt(ParsedFile.Problem::line));
          return root;
        }
        stack.remove(stack.size() - 1);
      }
    }
  }

  private static SyntaxNode node(TSNode n, String field, SourceText source) {
    return new SyntaxNode(
        n.getType(), field, n.getStartByte(), n.getEndByte(),
        n.getStartPoint().getRow() + 1, n.getEndPoint().getRow() + 1, n.isMissing(), source);
  }

  private static void noteProblem(SyntaxNode n, List<ParsedFile.Problem> problems) {
    switch (n.type()) {
      case "ERROR" -> problems.add(new ParsedFile.Problem(n.startLine(), "syntax error"));
      case "print_statement" -> problems.add(new ParsedFile.Problem(n.startLine(), "Python 2 print statement"));
      case "exec_statement" -> problems.add(new ParsedFile.Problem(n.startLine(), "Python 2 exec statement"));
      default -> {
        if (n.isMissing()) {
          problems.add(new ParsedFile.Problem(n.startLine(), "missing " + n.type()));
        }
      }
    }
  }

  @Override
  public void close() {
    // TSParser frees its native memory through a Cleaner when unreachable.
  }
}
