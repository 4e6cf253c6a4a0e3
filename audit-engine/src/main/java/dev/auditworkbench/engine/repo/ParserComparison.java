package dev.auditworkbench.engine.repo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses files with both the fast parser and tree-sitter and compares their trees node for node:
 * what FastPythonParserTest asserts and what `workbench bench parse` prints.
 */
public final class ParserComparison {
  /**
   * @param same files the fast parser accepted, with tree-sitter's very tree
   * @param rejected valid files the fast parser left to tree-sitter, counted by reason in {@code
   *     reasons}
   * @param different files where the trees differ, or that the fast parser accepted while
   *     tree-sitter saw errors
   * @param invalid files where tree-sitter saw errors or Python 2 statements
   * @param diffs the first differences, each with the lines around it
   */
  public record Result(
      int same,
      int rejected,
      int different,
      int invalid,
      Map<String, Integer> reasons,
      List<String> diffs,
      long lines,
      long rejectedLines,
      long fastNanos,
      long treeSitterNanos) {}

  private ParserComparison() {}

  public static Result compare(List<Path> files, int maxDiffs) throws IOException {
    int same = 0;
    int rejected = 0;
    int different = 0;
    int invalid = 0;
    long lines = 0;
    long rejectedLines = 0;
    long fastNanos = 0;
    long treeSitterNanos = 0;
    Map<String, Integer> reasons = new TreeMap<>();
    List<String> diffs = new ArrayList<>();
    try (TreeSitterPythonParser ts = new TreeSitterPythonParser()) {
      for (Path f : files) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        ParsedFile expected = ts.parse(f.toString(), text);
        long t1 = System.nanoTime();
        treeSitterNanos += t1 - t0;
        lines += expected.root().endLine();
        SyntaxNode actual = null;
        String reason = null;
        try {
          actual = FastPythonParser.parse(new SourceText(text));
        } catch (FastPythonParser.Reject e) {
          reason = e.getMessage().replaceAll(" at byte \\d+", "");
        }
        fastNanos += System.nanoTime() - t1;
        if (!expected.problems().isEmpty()) {
          invalid++;
          if (actual != null) {
            different++;
            add(
                diffs,
                maxDiffs,
                f
                    + ": accepted by the fast parser, but tree-sitter reports "
                    + expected.problems());
          }
        } else if (actual == null) {
          rejected++;
          rejectedLines += expected.root().endLine();
          reasons.merge(reason, 1, Integer::sum);
        } else {
          String a = SyntaxTrees.describe(actual);
          String b = SyntaxTrees.describe(expected.root());
          if (a.equals(b)) {
            same++;
          } else {
            different++;
            add(diffs, maxDiffs, firstDifference(f, a, b));
          }
        }
      }
    }
    return new Result(
        same,
        rejected,
        different,
        invalid,
        reasons,
        diffs,
        lines,
        rejectedLines,
        fastNanos,
        treeSitterNanos);
  }

  private static void add(List<String> diffs, int max, String diff) {
    if (diffs.size() < max) {
      diffs.add(diff);
    }
  }

  private static String firstDifference(Path f, String fast, String treeSitter) {
    String[] al = fast.split("\n");
    String[] bl = treeSitter.split("\n");
    int i = 0;
    while (i < al.length && i < bl.length && al[i].equals(bl[i])) {
      i++;
    }
    StringBuilder d = new StringBuilder(f + ": first difference at tree line " + (i + 1) + "\n");
    for (int k = Math.max(0, i - 6); k < Math.min(i + 4, Math.max(al.length, bl.length)); k++) {
      String mark = k == i ? ">> " : "   ";
      d.append(mark).append("fast:        ").append(k < al.length ? al[k] : "").append('\n');
      d.append(mark).append("tree-sitter: ").append(k < bl.length ? bl[k] : "").append('\n');
    }
    return d.toString();
  }
}
