package dev.auditworkbench.engine.repo;

import static dev.auditworkbench.engine.repo.Python3Tokens.KEYWORD;
import static dev.auditworkbench.engine.repo.Python3Tokens.NAME;
import static dev.auditworkbench.engine.repo.Python3Tokens.NEWLINE;
import static dev.auditworkbench.engine.repo.Python3Tokens.OP;

import java.util.ArrayList;

/**
 * The tokens of one file and the parser's place in them, the node under construction ({@link N})
 * and the token tests every layer of {@link FastPythonParser} uses; the bottom layer of the parser
 * (then {@link PythonExpressionParser}, then the statements in {@link FastPythonParser}).
 */
class PythonTokenCursor {
  /**
   * The file uses something this parser leaves to tree-sitter. Carries no stack trace: it is
   * control flow.
   */
  static final class Reject extends RuntimeException {
    Reject(String why) {
      super(why, null, false, false);
    }
  }

  /**
   * A node under construction: its tokens are first..last (inclusive); extras are attached
   * afterwards.
   */
  static final class N {
    final String type;
    String field;
    final int first;
    int last;
    ArrayList<N> kids;
    // extras only
    int extraStart = -1;
    int extraEnd;

    N(String type, int first) {
      this.type = type;
      this.first = first;
    }

    void add(N child) {
      if (kids == null) {
        kids = new ArrayList<>(4);
      }
      kids.add(child);
    }

    void add(String f, N child) {
      child.field = f;
      add(child);
    }
  }

  final Python3Tokens t;
  final byte[] kind;
  final String[] text;
  int p;

  PythonTokenCursor(Python3Tokens tokens) {
    this.t = tokens;
    this.kind = tokens.kind;
    this.text = tokens.text;
  }

  // ---- token helpers

  Reject error(String what) {
    return new Reject(what + " at byte " + t.start[Math.min(p, t.count - 1)]);
  }

  boolean isOp(String s) {
    return kind[p] == OP && text[p] == s;
  }

  boolean isOpAt(int i, String s) {
    return i < t.count && kind[i] == OP && text[i] == s;
  }

  boolean isKw(String s) {
    return kind[p] == KEYWORD && text[p] == s;
  }

  void expectOp(String s) {
    if (!isOp(s)) {
      throw error("expected '" + s + "'");
    }
    p++;
  }

  void expectKw(String s) {
    if (!isKw(s)) {
      throw error("expected '" + s + "'");
    }
    p++;
  }

  N open(String type) {
    return new N(type, p);
  }

  N close(N n) {
    n.last = p - 1;
    return n;
  }

  /** A node that starts with an already parsed child. */
  static N around(String type, String field, N first) {
    N n = new N(type, first.first);
    n.add(field, first);
    return n;
  }

  N leaf(String type) {
    N n = new N(type, p);
    n.last = p;
    p++;
    return n;
  }

  N identifier() {
    if (kind[p] != NAME) {
      throw error("expected a name");
    }
    return leaf("identifier");
  }

  static boolean isAugmented(String op) {
    return switch (op) {
      case "+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=", "&=", "|=", "^=", "@=" -> true;
      default -> false;
    };
  }

  boolean isKwAt(int i, String s) {
    return kind[i] == KEYWORD && text[i] == s;
  }

  boolean endOfSimple() {
    return kind[p] == NEWLINE || isOp(";");
  }
}
