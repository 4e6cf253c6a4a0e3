package dev.auditworkbench.engine.repo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSSymbolType;
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

  /** Named nodes whose children nothing reads: their text is enough. */
  private static final Set<String> LEAVES =
      Set.of(
          "string",
          "concatenated_string",
          "comment",
          "identifier",
          "dotted_name",
          "integer",
          "float",
          "true",
          "false",
          "none",
          "escape_sequence");

  /** Whether the copy keeps a node of this type without its children. */
  static boolean isLeaf(String type) {
    return LEAVES.contains(type);
  }

  // Only the binding's public accessors are called (ADR 3): each costs two JNI calls, but the
  // fast path parses 96-99% of files, so tree-sitter copies only the rest.
  private static int startByte(TSNode n) {
    return n.getStartByte();
  }

  private static int endByte(TSNode n) {
    return n.getEndByte();
  }

  private static int symbol(TSNode n) {
    return n.getSymbol();
  }

  private final TSParser parser = new TSParser();
  private final String[] symbolNames;
  private final boolean[] symbolNamed;
  private final String[] fieldNames;

  public TreeSitterPythonParser() {
    TreeSitterPython language = new TreeSitterPython();
    parser.setLanguage(language);
    parser.setTimeoutMicros(TIMEOUT_MICROS);
    // Node types and field names as ids, looked up once: a JNI string per node is the slow part.
    int symbols = language.symbolCount();
    symbolNames = new String[symbols];
    symbolNamed = new boolean[symbols];
    for (int i = 0; i < symbols; i++) {
      symbolNames[i] = language.symbolName(i).intern();
      symbolNamed[i] = language.symbolType(i) == TSSymbolType.TSSymbolTypeRegular;
    }
    fieldNames = new String[language.fieldCount() + 1];
    for (int i = 1; i < fieldNames.length; i++) {
      fieldNames[i] = language.fieldNameForId(i).intern();
    }
  }

  @Override
  public ParsedFile parse(String path, String text) {
    SourceText source = new SourceText(text);
    TSTree tree = parser.parseString(null, text);
    List<ParsedFile.Problem> problems = new ArrayList<>();
    if (tree == null) {
      problems.add(new ParsedFile.Problem(1, "parser gave up (timeout)"));
      return new ParsedFile(
          path, source, new SyntaxNode("module", null, 0, 0, 1, 1, false, source), problems);
    }
    SyntaxNode root = copy(tree.getRootNode(), source, problems);
    problems.sort(Comparator.comparingInt(ParsedFile.Problem::line));
    return new ParsedFile(path, source, root, problems);
  }

  /**
   * Copies the named nodes of the tree, depth first, with a cursor. Tokens (unnamed nodes) have no
   * children and are only stepped over; error checks run only when the tree has an error.
   */
  private SyntaxNode copy(TSNode rootNode, SourceText source, List<ParsedFile.Problem> problems) {
    boolean hasErrors = rootNode.hasError();
    TSTreeCursor cursor = new TSTreeCursor(rootNode);
    SyntaxNode root =
        SyntaxNode.at(
            "module", null, rootNode.getStartByte(), rootNode.getEndByte(), false, source);
    List<SyntaxNode> stack = new ArrayList<>();
    stack.add(root);
    if (!cursor.gotoFirstChild()) {
      return root;
    }
    while (true) {
      TSNode n = cursor.currentNode();
      int symbol = symbol(n);
      boolean known = symbol >= 0 && symbol < symbolNames.length;
      boolean named = known ? symbolNamed[symbol] : n.isNamed();
      boolean missing = hasErrors && n.isMissing();
      SyntaxNode added = null;
      if (named || missing) {
        String type = known ? symbolNames[symbol] : n.getType();
        int fieldId = cursor.currentFieldId();
        String field = fieldId > 0 && fieldId < fieldNames.length ? fieldNames[fieldId] : null;
        added = SyntaxNode.at(type, field, startByte(n), endByte(n), missing, source);
        stack.get(stack.size() - 1).add(added);
        if (hasErrors
            || type.endsWith("_statement")
                && (type.startsWith("print") || type.startsWith("exec"))) {
          noteProblem(added, problems);
        }
      }
      if (added != null && !LEAVES.contains(added.type()) && cursor.gotoFirstChild()) {
        stack.add(added);
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent() || stack.size() == 1) {
          return root;
        }
        stack.remove(stack.size() - 1);
      }
    }
  }

  private static void noteProblem(SyntaxNode n, List<ParsedFile.Problem> problems) {
    switch (n.type()) {
      case "ERROR" -> problems.add(new ParsedFile.Problem(n.startLine(), "syntax error"));
      case "print_statement" ->
          problems.add(new ParsedFile.Problem(n.startLine(), "Python 2 print statement"));
      case "exec_statement" ->
          problems.add(new ParsedFile.Problem(n.startLine(), "Python 2 exec statement"));
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
