package dev.auditworkbench.engine.queries;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Normalises SQL the way pg_stat_statements shows it, so the same statement from a server log, a
 * Django debug log, a trace and pg_stat_statements gets one fingerprint: string and number literals
 * and parameters ({@code $1}, {@code %s}, {@code ?}) become {@code $1, $2...} in order, {@code IN
 * (...)} and {@code VALUES} lists of placeholders collapse to one, comments go and white space
 * becomes single spaces. A hand-written scanner (one pass, no regular expressions): it is the hot
 * path of a gigabyte log import.
 */
public final class SqlFingerprint {
  private SqlFingerprint() {}

  /** The normalised text of a statement. */
  public static String normalize(String sql) {
    StringBuilder out = new StringBuilder(Math.min(sql.length(), 4096));
    int n = sql.length();
    int param = 0;
    boolean space = false;
    int i = 0;
    while (i < n) {
      char ch = sql.charAt(i);
      if (ch == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
        space = true;
        continue;
      }
      if (ch == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        space = true;
        continue;
      }
      if (Character.isWhitespace(ch)) {
        space = true;
        i++;
        continue;
      }
      if (ch == ';' && sql.substring(i + 1).isBlank()) {
        break;
      }
      if (space && out.length() > 0) {
        char last = out.charAt(out.length() - 1);
        if (last != '(' && ch != ')' && ch != ',') {
          out.append(' ');
        }
      }
      space = false;
      if (ch == '\''
          || ((ch == 'E' || ch == 'e')
              && i + 1 < n
              && sql.charAt(i + 1) == '\''
              && !identBefore(out))) {
        i = ch == '\'' ? skipString(sql, i, false) : skipString(sql, i + 1, true);
        out.append('$').append(++param);
        continue;
      }
      if (ch == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
        i++;
        while (i < n && Character.isDigit(sql.charAt(i))) {
          i++;
        }
        out.append('$').append(++param);
        continue;
      }
      if (ch == '$') {
        int tagEnd = sql.indexOf('$', i + 1);
        if (tagEnd > 0 && isTag(sql, i + 1, tagEnd)) {
          String tag = sql.substring(i, tagEnd + 1);
          int close = sql.indexOf(tag, tagEnd + 1);
          i = close < 0 ? n : close + tag.length();
          out.append('$').append(++param);
          continue;
        }
      }
      if (ch == '%' && i + 1 < n && sql.charAt(i + 1) == 's') {
        i += 2;
        out.append('$').append(++param);
        continue;
      }
      if (ch == '?') {
        i++;
        out.append('$').append(++param);
        continue;
      }
      if (Character.isDigit(ch)
          || (ch == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
        if (identBefore(out)) {
          out.append(ch);
          i++;
          continue;
        }
        i++;
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
          char c = sql.charAt(i);
          if ((c == 'e' || c == 'E')
              && i + 1 < n
              && (sql.charAt(i + 1) == '-' || sql.charAt(i + 1) == '+')) {
            i++;
          }
          i++;
        }
        dropUnaryMinus(out);
        out.append('$').append(++param);
        continue;
      }
      if (ch == '"') {
        int end = sql.indexOf('"', i + 1);
        end = end < 0 ? n - 1 : end;
        out.append(sql, i, end + 1);
        i = end + 1;
        continue;
      }
      if (ch == ')') {
        param = collapseList(out, param);
      }
      out.append(ch);
      i++;
    }
    return out.toString();
  }

  /** A stable 16-hex-digit id of the normalised text. */
  public static String id(String normalized) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < normalized.length(); i++) {
      h ^= normalized.charAt(i);
      h *= 0x100000001b3L;
    }
    return String.format("%016x", h);
  }

  /** The tables a statement reads or writes (after FROM, JOIN, UPDATE, INTO), unquoted. */
  public static List<String> tables(String normalized) {
    Set<String> out = new LinkedHashSet<>();
    List<String> tokens = tokens(normalized);
    for (int i = 0; i + 1 < tokens.size(); i++) {
      String t = tokens.get(i).toUpperCase(Locale.ROOT);
      if (t.equals("FROM") || t.equals("JOIN") || t.equals("UPDATE") || t.equals("INTO")) {
        String name = tokens.get(i + 1);
        if (name.startsWith("(")) {
          continue;
        }
        name = name.replace("\"", "");
        int dot = name.lastIndexOf('.');
        name = dot >= 0 ? name.substring(dot + 1) : name;
        if (!name.isEmpty()
            && Character.isLetter(name.charAt(0))
            && !name.equalsIgnoreCase("SELECT")) {
          out.add(name);
        }
      }
    }
    return new ArrayList<>(out);
  }

  private static final Set<String> SESSION_VERBS =
      Set.of(
          "BEGIN",
          "START",
          "COMMIT",
          "END",
          "ROLLBACK",
          "ABORT",
          "SAVEPOINT",
          "RELEASE",
          "SET",
          "RESET",
          "SHOW",
          "DISCARD",
          "DEALLOCATE",
          "PREPARE",
          "LISTEN",
          "UNLISTEN");

  /**
   * Transaction control and session settings (BEGIN, COMMIT, ROLLBACK, SAVEPOINT, SET, SHOW, {@code
   * SELECT set_config(...)}...): statements every unit of work repeats by design, never an N+1.
   */
  public static boolean isSessionControl(String normalized) {
    String verb = verb(normalized);
    if (SESSION_VERBS.contains(verb)) {
      return true;
    }
    String t = normalized.strip().toLowerCase(Locale.ROOT);
    return t.startsWith("select set_config(") || t.startsWith("select pg_catalog.set_config(");
  }

  /** The statement's first keyword in upper case: SELECT, INSERT, UPDATE... */
  public static String verb(String normalized) {
    int i = 0;
    while (i < normalized.length() && !Character.isLetter(normalized.charAt(i))) {
      i++;
    }
    int j = i;
    while (j < normalized.length() && Character.isLetter(normalized.charAt(j))) {
      j++;
    }
    return normalized.substring(i, j).toUpperCase(Locale.ROOT);
  }

  private static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == ',' || c == ')') {
        i++;
        continue;
      }
      int j = i;
      if (c == '(') {
        out.add("(");
        i++;
        continue;
      }
      while (j < s.length()
          && s.charAt(j) != ' '
          && s.charAt(j) != ','
          && s.charAt(j) != '('
          && s.charAt(j) != ')') {
        if (s.charAt(j) == '"') {
          int end = s.indexOf('"', j + 1);
          j = end < 0 ? s.length() : end + 1;
        } else {
          j++;
        }
      }
      out.add(s.substring(i, j));
      i = j;
    }
    return out;
  }

  private static boolean identBefore(StringBuilder out) {
    if (out.length() == 0) {
      return false;
    }
    char last = out.charAt(out.length() - 1);
    return Character.isLetterOrDigit(last) || last == '_' || last == '"' || last == '$';
  }

  private static void dropUnaryMinus(StringBuilder out) {
    int len = out.length();
    if (len >= 1 && out.charAt(len - 1) == '-') {
      int k = len - 2;
      while (k >= 0 && out.charAt(k) == ' ') {
        k--;
      }
      char before = k >= 0 ? out.charAt(k) : '(';
      if ("(,=<>+-*/".indexOf(before) >= 0
          || Character.isLetter(before) && endsWithKeyword(out, k)) {
        out.setLength(len - 1);
      }
    }
  }

  private static boolean endsWithKeyword(StringBuilder out, int end) {
    int k = end;
    while (k >= 0 && Character.isLetter(out.charAt(k))) {
      k--;
    }
    String word = out.substring(k + 1, end + 1).toUpperCase(Locale.ROOT);
    return word.equals("AND")
        || word.equals("OR")
        || word.equals("THEN")
        || word.equals("ELSE")
        || word.equals("SELECT")
        || word.equals("LIMIT")
        || word.equals("OFFSET")
        || word.equals("IN")
        || word.equals("VALUES")
        || word.equals("WHEN")
        || word.equals("BETWEEN");
  }

  /**
   * At a closing parenthesis: when everything since the matching "(" is placeholders and commas,
   * keep only the first placeholder (IN lists and VALUES rows of any length look the same).
   */
  private static int collapseList(StringBuilder out, int param) {
    int open = out.lastIndexOf("(");
    String list = open < 0 ? null : listOf(out, open);
    if (list == null) {
      return param;
    }
    int count = 0;
    int firstEnd = -1;
    int k = open + 1;
    while (k < out.length()) {
      char c = out.charAt(k);
      if (c == '$') {
        k++;
        while (k < out.length() && Character.isDigit(out.charAt(k))) {
          k++;
        }
        count++;
        if (firstEnd < 0) {
          firstEnd = k;
        }
      } else if (c == ',' || c == ' ') {
        k++;
      } else {
        return param;
      }
    }
    if (count == 0 || count == 1 && !list.equals("IN") && !list.equals("ANY")) {
      return param; // IN (x) is the same statement as IN (x, y): one value more or less is not
      // another query
    }
    out.setLength(firstEnd);
    out.append(", ...");
    return param - count + 1;
  }

  /**
   * What the "(" at {@code open} starts a list of values for: "IN", "ANY", "VALUES", "ROW" (another
   * VALUES row), or null for a function's arguments or a sub-expression: {@code substr($1, $2)} and
   * {@code substr($1, $2, $3)} stay two statements, as pg_stat_statements keeps them.
   */
  private static String listOf(StringBuilder out, int open) {
    int k = open - 1;
    while (k >= 0 && out.charAt(k) == ' ') {
      k--;
    }
    if (k >= 0 && out.charAt(k) == ',') {
      int j = k - 1;
      while (j >= 0 && out.charAt(j) == ' ') {
        j--;
      }
      return j >= 0 && out.charAt(j) == ')' ? "ROW" : null;
    }
    int end = k + 1;
    while (k >= 0 && Character.isLetter(out.charAt(k))) {
      k--;
    }
    String word = out.substring(k + 1, end).toUpperCase(Locale.ROOT);
    return word.equals("IN") || word.equals("ANY") || word.equals("VALUES") ? word : null;
  }

  private static boolean isTag(String s, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (!Character.isLetterOrDigit(c) && c != '_') {
        return false;
      }
    }
    return to == from || !Character.isDigit(s.charAt(from));
  }

  private static int skipString(String s, int quote, boolean backslashEscapes) {
    int i = quote + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (backslashEscapes && c == '\\' && i + 1 < s.length()) {
        i += 2;
        continue;
      }
      if (c == '\'') {
        if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return s.length();
  }
}
