package dev.auditworkbench.engine.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.testing.PythonStdlib;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fast parser must build tree-sitter's tree exactly (node types, fields, byte ranges, where
 * comments hang) for every file it accepts, and leave everything else to tree-sitter.
 */
class FastPythonParserTest {
  /** The tree the fast parser builds, described; fails if it rejects the text. */
  private static String fast(String text) {
    return SyntaxTrees.describe(FastPythonParser.parse(new SourceText(text)));
  }

  private static String treeSitter(String text) {
    try (TreeSitterPythonParser p = new TreeSitterPythonParser()) {
      ParsedFile f = p.parse("x.py", text);
      assertTrue(
          f.problems().isEmpty(), "tree-sitter found problems in the sample: " + f.problems());
      return SyntaxTrees.describe(f.root());
    }
  }

  @Test
  void commentsHangWhereTreeSitterPutsThem() {
    String text =
        """
        # leading comment
        def f(a):  # after the colon
            # before the first statement
            x = 1  # trailing
                # deeper, still in the block
        # at module level, after the function
        @decorator  # on the decorator line
        class A(B,  # inside the arguments
                C):
            def g(self):
                return [
                    1,  # in the list
                ]
            # class level, between methods
            def h(self): pass
        """;
    String tree = fast(text);
    assertEquals(treeSitter(text), tree);
    // spot checks, so the expectation does not rest on tree-sitter alone
    assertTrue(tree.startsWith("module 0-"), tree);
    assertTrue(tree.contains("  function_definition 18-"), tree);
    assertTrue(
        tree.contains(
            "\n    comment 29-46 L2-2\n    comment 51-79 L3-3\n    body: block 84-138 L4-5\n"),
        tree);
  }

  @Test
  void blocksEndAtTheirLastStatementOrCommentAndNotAtTheLineBreak() {
    String text = "if x:\n    y = 1\n\n\n    # c\n\nz = 2   \n";
    assertEquals(treeSitter(text), fast(text));
    assertTrue(fast(text).contains("consequence: block 10-25 L2-5"), fast(text));
  }

  @Test
  void aBackslashBeforeAStringIsPaddingAndElsewhereALineContinuation() {
    String text = "x = 1 + \\\n    y\nassert x, \\\n    'message'\nz = 'a' \\\n    'b'\n";
    String tree = fast(text);
    assertEquals(treeSitter(text), tree);
    assertEquals(1, tree.split("line_continuation", -1).length - 1, tree);
  }

  @Test
  void expressionsStatementsAndAnnotationsMatchTreeSitter() {
    String text =
        """
        from . import (a as b, c)
        from ..x.y import *
        import os.path as p, sys
        x: List[int] = []
        y: Dict[str, List[int]] = {}
        def f(a, b: int = 1, *args, c=2, d: "X" = None, **kw) -> Optional[str]:
            return a if b else c
        v = [i for i in range(3) if i for j in k]
        d = {k: v for k, v in x.items()}
        g = f(x for x in y)
        a, *b = c
        q = -x ** 2 + ~y
        r = a[1:2, ::3]
        n = (m := 3)
        t = not a and b or c < d <= e is not f not in g
        with open(f) as fh, g():
            pass
        try:
            pass
        except (A, B) as e:
            raise X from e
        else:
            del a, b
        finally:
            pass
        lambda x, y=1: x
        s = f"{x!r:>{width}} {'nested'}" + rb'raw' + 1_000 + 0x1F + 1.5e3 + 1j
        """;
    assertEquals(treeSitter(text), fast(text));
  }

  @Test
  void windowsLineEndsAndTabIndentationGiveTreeSittersTree() {
    String crlf =
        "x = 1  # c\r\nif x:\r\n    y = (1,\r\n      2)  \r\n    # d\r\nz = \"\"\"a\r\nb\"\"\" + \\\r\n  w\r\n";
    assertEquals(treeSitter(crlf), fast(crlf));
    assertTrue(
        fast(crlf).contains("comment 7-11 L1-1"),
        "the comment keeps its carriage return, as tree-sitter's does");
    String tabs = "class A:\n\tdef f(self):\n\t\treturn 1\n\t# c\n\tx = 2\n";
    assertEquals(treeSitter(tabs), fast(tabs));
  }

  @Test
  void tagsLikeTreeSitterWhereItDiffersFromPython() {
    // tree-sitter-python ranks ^ above &, and reads generic annotations as generic_type and
    // union_type
    String text =
        """
        x = a | b & c ^ d
        y: List[int] | None = None
        def f(c: Callable[[int, str], bool], t: type[X], *args: int) -> Dict[str, Tuple[int, ...]]:
            return [*a, *b.c()], {*a.b, 1}, f(*a.b())
        """;
    String tree = fast(text);
    assertEquals(treeSitter(text), tree);
    assertTrue(tree.contains("union_type"), tree);
  }

  @Test
  void theByteOrderMarkIsDroppedBeforeEitherParserReadsTheFile() {
    try (Python3Parser parser = new Python3Parser()) {
      ParsedFile f = parser.parse("bom.py", "\uFEFFimport os\n");
      assertEquals("import os", f.root().children().get(0).text());
      assertEquals(1, parser.fastCount());
    }
  }

  @Test
  void whatItDoesNotBuildIsRejectedForTreeSitter() {
    for (String text :
        List.of(
            "print 'python 2'\n",
            "print >>sys.stderr, 'x'\n",
            "exec 'code'\n",
            "x = 0777\n",
            "x = 10L\n",
            "if a <> b:\n    pass\n",
            "def f():\n\t    return 1\n",
            "x = 1\ry = 2\n",
            "\uFEFFx = 1\n",
            "\u20ac = 2\n",
            "x = [*range(3)]\n",
            "x = 1, *a.b\n",
            "type(x).y = 1\n",
            "match x:\n    case 1:\n        pass\n",
            "def f(:\n    pass\n",
            "x = 'unterminated\n",
            "if x:\ny = 1\n",
            "  x = 1\n",
            "try:\n    pass\nexcept E, e:\n    pass\n")) {
      assertThrows(
          FastPythonParser.Reject.class, () -> FastPythonParser.parse(new SourceText(text)), text);
    }
  }

  @Test
  void theScansParserFallsBackToTreeSitterAndStillReportsProblems() {
    try (Python3Parser parser = new Python3Parser()) {
      ParsedFile good = parser.parse("good.py", "import os\n\ndef f():\n    return os.sep\n");
      ParsedFile py2 =
          parser.parse("old.py", "import os\nprint 'hello'\n\ndef f():\n    return 1\n");
      ParsedFile deep =
          parser.parse("deep.py", "x = " + "(".repeat(20_000) + "1" + ")".repeat(20_000) + "\n");
      assertTrue(good.isValidPython3());
      assertEquals(List.of(new ParsedFile.Problem(2, "Python 2 print statement")), py2.problems());
      assertTrue(
          py2.root().children().stream().anyMatch(n -> n.type().equals("function_definition")),
          "tree-sitter keeps the definitions around the Python 2 statement");
      assertEquals("module", deep.root().type());
      assertEquals(1, parser.fastCount());
      assertEquals(2, parser.fallbackCount());
    }
  }

  /**
   * Every Python file of the demo and of the standard library of this machine's python3: the same
   * tree as tree-sitter's wherever the fast parser accepts a file, and it accepts almost all.
   */
  @Test
  void buildsTreeSittersTreeForEveryFileOfTheStandardLibraryThatItAccepts() throws Exception {
    List<Path> files =
        new ArrayList<>(pythonFiles(Path.of("..", "app", "src", "main", "resources", "demo")));
    Path stdlib = PythonStdlib.folder();
    files.addAll(
        pythonFiles(stdlib).stream()
            .filter(
                p -> {
                  String rel = stdlib.relativize(p).toString();
                  return !rel.startsWith("site-packages")
                      && !rel.startsWith("test/")
                      && !rel.contains("/tests/");
                })
            .toList());
    assertTrue(
        files.size() > 500,
        "expected the standard library's files under " + stdlib + ", found " + files.size());
    ParserComparison.Result r = ParserComparison.compare(files, 3);
    assertEquals(List.of(), r.diffs());
    assertEquals(0, r.different());
    assertTrue(
        r.same() >= 0.95 * (r.same() + r.rejected()),
        "the fast parser should accept at least 95% of valid files: "
            + r.same()
            + " of "
            + (r.same() + r.rejected())
            + ", left to tree-sitter: "
            + r.reasons());
  }

  private static List<Path> pythonFiles(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p))
          .sorted()
          .toList();
    }
  }
}
