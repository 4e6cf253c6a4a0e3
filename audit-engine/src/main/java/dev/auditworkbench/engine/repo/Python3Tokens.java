package dev.auditworkbench.engine.repo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Tokenizes well-formed Python 3 for {@link FastPythonParser}, from the UTF-8 bytes, the way
 * tree-sitter-python's lexer and external scanner do: NEWLINE, INDENT and DEDENT are zero-width
 * tokens placed at the end of the last text before the line break; a comment on the line of a
 * statement comes before that statement's NEWLINE; comment lines between statements come after the
 * DEDENTs their own indentation closes and before the rest. Anything outside plain Python 3 (Python
 * 2 literals and operators, tabs mixed with spaces in one indentation, form feeds, lone carriage
 * returns, inconsistent dedents, unterminated strings) throws {@link FastPythonParser.Reject}: the
 * caller then uses tree-sitter.
 */
final class Python3Tokens {
  static final byte NAME = 1;
  static final byte KEYWORD = 2;
  static final byte NUMBER = 3;
  static final byte STRING = 4;
  static final byte OP = 5;
  static final byte NEWLINE = 6;
  static final byte INDENT = 7;
  static final byte DEDENT = 8;
  static final byte EOF = 9;

  /**
   * Extras (comments, backslash continuations) are kept apart: they do not take part in parsing.
   */
  static final byte COMMENT = 10;

  static final byte LINE_CONTINUATION = 11;

  private static final String[] OPS3 = {"**=", "//=", ">>=", "<<=", "..."};
  private static final String[] OPS2 = {
    "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
    "^=", "@=", ":="
  };
  private static final String OPS1 = "+-*/%@&|^~<>()[]{},:.;=";
  private static final String[] OP1_STRINGS = new String[128];

  static {
    for (char c : OPS1.toCharArray()) {
      OP1_STRINGS[c] = String.valueOf(c).intern();
    }
  }

  final byte[] src;
  // Tokens that the parser reads.
  byte[] kind = new byte[256];
  int[] start = new int[256];
  int[] end = new int[256];

  /** Operator or keyword text (interned literals, so == compares), or a name's text. */
  String[] text = new String[256];

  int count;
  // Extras, each with the index of the token that follows it.
  byte[] extraKind = new byte[16];
  int[] extraStart = new int[16];
  int[] extraEnd = new int[16];
  int[] extraBefore = new int[16];
  int extraCount;

  private int[] indents = new int[16];
  private int depth; // indentation stack size
  private int brackets;
  private int lastEnd; // end of the last token or comment

  private Python3Tokens(byte[] src) {
    this.src = src;
  }

  static Python3Tokens of(byte[] src) {
    Python3Tokens t = new Python3Tokens(src);
    t.run();
    return t;
  }

  private static FastPythonParser.Reject reject(String why) {
    return new FastPythonParser.Reject(why);
  }

  private void run() {
    int pos = 0;
    if (src.length >= 3
        && (src[0] & 0xff) == 0xEF
        && (src[1] & 0xff) == 0xBB
        && (src[2] & 0xff) == 0xBF) {
      throw reject(
          "byte order mark (Python3Parser removes it before parsing)"); // tree-sitter's offsets
      // leave it out
    }
    indents[0] = 0;
    depth = 1;
    pos = lineStart(pos, false);
    boolean content = false;
    while (pos < src.length) {
      int c = src[pos] & 0xff;
      switch (c) {
        case ' ', '\t' -> pos++;
        case '\r' -> {
          if (pos + 1 < src.length && src[pos + 1] == '\n') {
            pos++; // Windows line end: the '\n' ends the line
          } else {
            throw reject("carriage return without a line feed at byte " + pos);
          }
        }
        case '\f', '\0', '`', '$', '?', '!' -> {
          if (c == '!' && pos + 1 < src.length && src[pos + 1] == '=') {
            pos = op(pos, content);
            content = true;
          } else {
            throw reject("unsupported character " + c + " at byte " + pos);
          }
        }
        case '\\' -> {
          int length =
              pos + 1 < src.length && src[pos + 1] == '\n'
                  ? 2
                  : pos + 2 < src.length && src[pos + 1] == '\r' && src[pos + 2] == '\n' ? 3 : 0;
          if (length > 0) {
            if (!stringStartsAt(pos + length)) {
              addExtra(
                  LINE_CONTINUATION,
                  pos,
                  pos + length); // before a string, the scanner skips it as padding
            }
            pos += length;
          } else {
            throw reject("backslash outside a string at byte " + pos);
          }
        }
        case '#' -> {
          int e = lineEnd(pos);
          addExtra(COMMENT, pos, e);
          pos = e;
        }
        case '\n' -> {
          if (brackets > 0 || !content) {
            pos++;
          } else {
            add(NEWLINE, lastEnd, lastEnd, null);
            pos = lineStart(pos + 1, true);
            content = false;
          }
        }
        default -> {
          content = true;
          if (c >= '0' && c <= '9'
              || c == '.' && pos + 1 < src.length && src[pos + 1] >= '0' && src[pos + 1] <= '9') {
            pos = number(pos);
          } else if (c == '"' || c == '\'') {
            pos = string(pos, pos);
          } else if (c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80) {
            pos = nameOrString(pos);
          } else {
            pos = op(pos, true);
          }
        }
      }
    }
    if (brackets > 0) {
      throw reject("unclosed bracket at the end of the file");
    }
    if (content) {
      add(NEWLINE, lastEnd, lastEnd, null);
    }
    while (depth > 1) {
      depth--;
      add(DEDENT, lastEnd, lastEnd, null);
    }
    add(EOF, src.length, src.length, null);
  }

  /** Whether a string literal starts at the first non-blank byte from {@code pos}. */
  private boolean stringStartsAt(int pos) {
    int p = pos;
    while (p < src.length && (src[p] == ' ' || src[p] == '\t')) {
      p++;
    }
    int letters = 0;
    while (p < src.length && letters <= 2 && "rRbBuUfF".indexOf(src[p]) >= 0) {
      p++;
      letters++;
    }
    return p < src.length && letters <= 2 && (src[p] == '"' || src[p] == '\'');
  }

  private int lineEnd(int pos) {
    int e = pos;
    while (e < src.length && src[e] != '\n') {
      if (src[e] == '\r' && (e + 1 >= src.length || src[e + 1] != '\n')) {
        throw reject("carriage return without a line feed at byte " + e);
      }
      e++; // a comment keeps the '\r' of a Windows line end, as tree-sitter's does
    }
    return e;
  }

  /**
   * At the start of a line (after a statement's line break, or at the start of the file): reads
   * blank and comment lines up to the next code line, then emits INDENT (before the comments) or
   * the DEDENTs, each before the first comment indented less than the block it closes.
   */
  private int lineStart(int pos, boolean afterStatement) {
    int comments = 0;
    int[] pending = null; // start, end, indent triples
    int next;
    int code;
    while (true) {
      int ind = 0;
      int p = pos;
      boolean spaces = false;
      boolean tabs = false;
      while (p < src.length && (src[p] == ' ' || src[p] == '\t')) {
        // tree-sitter counts a tab as 8 columns wherever it stands; Python as up to the next
        // multiple of 8
        spaces |= src[p] == ' ';
        tabs |= src[p] == '\t';
        ind += src[p] == ' ' ? 1 : 8;
        p++;
      }
      if (spaces && tabs) {
        throw reject("tabs and spaces mixed in indentation at byte " + pos);
      }
      if (p >= src.length) {
        next = 0;
        code = src.length;
        break;
      }
      byte b = src[p];
      if (b == '\f') {
        throw reject("form feed in indentation at byte " + p);
      }
      if (b == '\n' || b == '\r' && p + 1 < src.length && src[p + 1] == '\n') {
        pos = p + (b == '\n' ? 1 : 2);
        continue;
      }
      if (b == '\r') {
        throw reject("carriage return without a line feed at byte " + p);
      }
      if (b == '#') {
        int e = lineEnd(p);
        if (pending == null) {
          pending = new int[12];
        } else if (comments * 3 + 3 > pending.length) {
          pending = Arrays.copyOf(pending, pending.length * 2);
        }
        pending[comments * 3] = p;
        pending[comments * 3 + 1] = e;
        pending[comments * 3 + 2] = ind;
        comments++;
        pos = e < src.length ? e + 1 : e;
        continue;
      }
      if (b == '\\') {
        throw reject("line continuation at the start of a line at byte " + p);
      }
      next = ind;
      code = p;
      break;
    }
    if (!afterStatement && next != 0) {
      throw reject("unexpected indent at byte " + code);
    }
    int top = indents[depth - 1];
    if (next > top) {
      if (depth == indents.length) {
        indents = Arrays.copyOf(indents, depth * 2);
      }
      indents[depth++] = next;
      if (count > 0 && kind[count - 1] == NEWLINE) {
        count--; // after a ':' the scanner gives INDENT instead of NEWLINE
      }
      add(INDENT, lastEnd, lastEnd, null);
      for (int i = 0; i < comments; i++) {
        addExtra(COMMENT, pending[i * 3], pending[i * 3 + 1]);
      }
    } else {
      for (int i = 0; i < comments; i++) {
        while (depth > 1 && indents[depth - 1] > next && pending[i * 3 + 2] < indents[depth - 1]) {
          depth--;
          add(DEDENT, lastEnd, lastEnd, null);
        }
        addExtra(COMMENT, pending[i * 3], pending[i * 3 + 1]);
      }
      while (depth > 1 && indents[depth - 1] > next) {
        depth--;
        add(DEDENT, lastEnd, lastEnd, null);
      }
      if (indents[depth - 1] != next) {
        throw reject("dedent to an indentation no block has, at byte " + code);
      }
    }
    return code;
  }

  private int op(int pos, boolean unused) {
    for (String s : OPS3) {
      if (matches(pos, s)) {
        add(OP, pos, pos + 3, s);
        return pos + 3;
      }
    }
    for (String s : OPS2) {
      if (matches(pos, s)) {
        add(OP, pos, pos + 2, s);
        return pos + 2;
      }
    }
    int c = src[pos] & 0xff;
    if (c == '<' && pos + 1 < src.length && src[pos + 1] == '>') {
      throw reject("Python 2 <> operator at byte " + pos);
    }
    String s = c < 128 ? OP1_STRINGS[c] : null;
    if (s == null) {
      throw reject("unexpected character '" + (char) c + "' at byte " + pos);
    }
    switch (c) {
      case '(', '[', '{' -> brackets++;
      case ')', ']', '}' -> {
        if (--brackets < 0) {
          throw reject("unbalanced " + (char) c + " at byte " + pos);
        }
      }
      default -> {}
    }
    add(OP, pos, pos + 1, s);
    return pos + 1;
  }

  private boolean matches(int pos, String s) {
    if (pos + s.length() > src.length) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (src[pos + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private int number(int pos) {
    int p = pos;
    boolean isFloat = false;
    if (src[p] == '0' && p + 1 < src.length && "xXoObB".indexOf(src[p + 1]) >= 0) {
      p += 2;
      while (p < src.length && (isHex(src[p]) || src[p] == '_')) {
        p++;
      }
    } else {
      boolean leadingZero = src[p] == '0';
      boolean nonZero = false;
      while (p < src.length && (src[p] >= '0' && src[p] <= '9' || src[p] == '_')) {
        nonZero |= src[p] > '0' && src[p] <= '9';
        p++;
      }
      if (p < src.length && src[p] == '.') {
        isFloat = true;
        p++;
        while (p < src.length && (src[p] >= '0' && src[p] <= '9' || src[p] == '_')) {
          p++;
        }
      }
      if (p < src.length && (src[p] == 'e' || src[p] == 'E')) {
        int q = p + 1;
        if (q < src.length && (src[q] == '+' || src[q] == '-')) {
          q++;
        }
        if (q < src.length && src[q] >= '0' && src[q] <= '9') {
          isFloat = true;
          p = q;
          while (p < src.length && (src[p] >= '0' && src[p] <= '9' || src[p] == '_')) {
            p++;
          }
        }
      }
      if (!isFloat && leadingZero && nonZero) {
        throw reject("Python 2 octal literal at byte " + pos);
      }
    }
    if (p < src.length && (src[p] == 'j' || src[p] == 'J')) {
      p++;
    }
    if (p < src.length && (src[p] == 'l' || src[p] == 'L' || isNameByte(src[p]))) {
      throw reject("unexpected letter after a number at byte " + p);
    }
    add(NUMBER, pos, p, isFloat ? "float" : "integer");
    return p;
  }

  private static boolean isHex(byte b) {
    return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
  }

  private static boolean isNameByte(byte b) {
    int c = b & 0xff;
    return c == '_'
        || c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || c >= 0x80;
  }

  private int nameOrString(int pos) {
    int p = pos;
    while (p < src.length && isNameByte(src[p])) {
      if ((src[p] & 0x80) != 0) {
        p = nonAsciiNameChar(p, p == pos);
        continue;
      }
      p++;
    }
    if (p < src.length && (src[p] == '"' || src[p] == '\'') && p - pos <= 2) {
      String prefix = new String(src, pos, p - pos, StandardCharsets.ISO_8859_1).toLowerCase();
      switch (prefix) {
        case "r", "u", "b", "f", "br", "rb", "fr", "rf" -> {
          return string(pos, p);
        }
        default -> throw reject("unknown string prefix at byte " + pos);
      }
    }
    String name = new String(src, pos, p - pos, StandardCharsets.UTF_8);
    String keyword = keyword(name);
    if (keyword != null) {
      add(KEYWORD, pos, p, keyword);
    } else {
      add(NAME, pos, p, name);
    }
    return p;
  }

  /**
   * Checks the UTF-8 character at {@code p} can be part of a name (as Python's XID rules); returns
   * the offset after it.
   */
  private int nonAsciiNameChar(int p, boolean first) {
    int b = src[p] & 0xff;
    int n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
    if (n == 0 || p + n > src.length) {
      throw reject("invalid UTF-8 at byte " + p);
    }
    int cp = new String(src, p, n, StandardCharsets.UTF_8).codePointAt(0);
    if (first
        ? !Character.isUnicodeIdentifierStart(cp)
        : !Character.isUnicodeIdentifierPart(cp) || Character.isIdentifierIgnorable(cp)) {
      throw reject(
          "character U+" + Integer.toHexString(cp) + " cannot be part of a name, at byte " + p);
    }
    return p + n;
  }

  private static String keyword(String s) {
    return switch (s) {
      case "False" -> "False";
      case "None" -> "None";
      case "True" -> "True";
      case "and" -> "and";
      case "as" -> "as";
      case "assert" -> "assert";
      case "async" -> "async";
      case "await" -> "await";
      case "break" -> "break";
      case "class" -> "class";
      case "continue" -> "continue";
      case "def" -> "def";
      case "del" -> "del";
      case "elif" -> "elif";
      case "else" -> "else";
      case "except" -> "except";
      case "finally" -> "finally";
      case "for" -> "for";
      case "from" -> "from";
      case "global" -> "global";
      case "if" -> "if";
      case "import" -> "import";
      case "in" -> "in";
      case "is" -> "is";
      case "lambda" -> "lambda";
      case "nonlocal" -> "nonlocal";
      case "not" -> "not";
      case "or" -> "or";
      case "pass" -> "pass";
      case "raise" -> "raise";
      case "return" -> "return";
      case "try" -> "try";
      case "while" -> "while";
      case "with" -> "with";
      case "yield" -> "yield";
      default -> null;
    };
  }

  /** A string literal starting at {@code pos} (its prefix) whose quote is at {@code quote}. */
  private int string(int pos, int quote) {
    boolean f = false;
    for (int i = pos; i < quote; i++) {
      f |= src[i] == 'f' || src[i] == 'F';
    }
    int p = skipString(quote, f);
    add(STRING, pos, p, null);
    return p;
  }

  /** Returns the offset after the string whose opening quote is at {@code quote}. */
  private int skipString(int quote, boolean formatted) {
    byte q = src[quote];
    boolean triple = quote + 2 < src.length && src[quote + 1] == q && src[quote + 2] == q;
    int p = quote + (triple ? 3 : 1);
    while (true) {
      if (p >= src.length) {
        throw reject("unterminated string starting at byte " + quote);
      }
      byte b = src[p];
      if (b == '\\') {
        p += p + 2 < src.length && src[p + 1] == '\r' && src[p + 2] == '\n' ? 3 : 2;
      } else if (b == q) {
        if (!triple) {
          return p + 1;
        }
        if (p + 2 < src.length && src[p + 1] == q && src[p + 2] == q) {
          return p + 3;
        }
        p++;
      } else if ((b == '\n' || b == '\r') && !triple) {
        throw reject("unterminated string starting at byte " + quote);
      } else if (formatted && b == '{') {
        if (p + 1 < src.length && src[p + 1] == '{') {
          p += 2;
        } else {
          p = skipReplacementField(p + 1);
        }
      } else {
        p++;
      }
    }
  }

  /**
   * Skips an f-string's {...} field (nested brackets and strings included); returns the offset
   * after its '}'.
   */
  private int skipReplacementField(int p) {
    int nesting = 0;
    while (p < src.length) {
      byte b = src[p];
      if (b == '"' || b == '\'') {
        p = skipString(p, false);
        continue;
      }
      if (b == '(' || b == '[' || b == '{') {
        nesting++;
      } else if (b == ')' || b == ']') {
        nesting--;
      } else if (b == '}') {
        if (nesting == 0) {
          return p + 1;
        }
        nesting--;
      }
      p++;
    }
    throw reject("unterminated f-string field");
  }

  private void add(byte k, int s, int e, String t) {
    if (count == kind.length) {
      int n = count * 2;
      kind = Arrays.copyOf(kind, n);
      start = Arrays.copyOf(start, n);
      end = Arrays.copyOf(end, n);
      text = Arrays.copyOf(text, n);
    }
    kind[count] = k;
    start[count] = s;
    end[count] = e;
    text[count] = t;
    count++;
    if (e > s) {
      lastEnd = e;
    }
  }

  private void addExtra(byte k, int s, int e) {
    if (extraCount == extraKind.length) {
      int n = extraCount * 2;
      extraKind = Arrays.copyOf(extraKind, n);
      extraStart = Arrays.copyOf(extraStart, n);
      extraEnd = Arrays.copyOf(extraEnd, n);
      extraBefore = Arrays.copyOf(extraBefore, n);
    }
    extraKind[extraCount] = k;
    extraStart[extraCount] = s;
    extraEnd[extraCount] = e;
    extraBefore[extraCount] = count;
    extraCount++;
    lastEnd = e;
  }
}
