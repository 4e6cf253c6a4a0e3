package dev.auditworkbench.views.queries;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * SQL laid out one clause per line, and the style spans that highlight it in a RichTextFX CodeArea.
 */
public final class SqlText {
  private static final List<String> CLAUSES =
      List.of(
          "SELECT",
          "FROM",
          "LEFT OUTER JOIN",
          "INNER JOIN",
          "LEFT JOIN",
          "JOIN",
          "WHERE",
          "GROUP BY",
          "HAVING",
          "ORDER BY",
          "LIMIT",
          "OFFSET",
          "VALUES",
          "SET",
          "RETURNING");
  private static final Pattern CLAUSE =
      Pattern.compile(
          "\\s+(?=(?:"
              + String.join("|", CLAUSES.stream().map(c -> c.replace(" ", "\\s+")).toList())
              + ")\\b)");
  private static final Pattern TOKENS =
      Pattern.compile(
          "(?<comment>--[^\\n]*)|(?<string>'(?:[^']|'')*')|(?<ident>\"[^\"]*\")|(?<number>\\b\\d+(?:\\.\\d+)?\\b|\\$\\d+)|(?<keyword>\\b(?i:"
              + "select|from|where|and|or|not|in|is|null|join|left|right|inner|outer|on|group|by|order|having|limit|offset|"
              + "insert|into|values|update|set|delete|returning|as|asc|desc|distinct|count|sum|case|when|then|else|end|"
              + "between|like|exists|union|all|with)\\b)");

  private SqlText() {}

  /** One clause per line (SELECT, FROM, JOINs, WHERE, AND of the top level is left inline). */
  public static String format(String sql) {
    String oneLine = sql.strip().replaceAll("\\s+", " ");
    return CLAUSE.matcher(oneLine).replaceAll("\n").replace("\n", "\n  ").replaceFirst("^\\s+", "");
  }

  /**
   * Highlighting for any text holding SQL: comments, keywords, strings, numbers and quoted
   * identifiers.
   */
  public static StyleSpans<Collection<String>> highlight(String text) {
    Matcher m = TOKENS.matcher(text);
    StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
    int last = 0;
    while (m.find()) {
      String style =
          m.group("comment") != null
              ? "sql-comment"
              : m.group("string") != null
                  ? "sql-string"
                  : m.group("ident") != null
                      ? "sql-ident"
                      : m.group("number") != null ? "sql-number" : "sql-keyword";
      spans.add(Collections.emptyList(), m.start() - last);
      spans.add(Collections.singleton(style), m.end() - m.start());
      last = m.end();
    }
    spans.add(Collections.emptyList(), text.length() - last);
    return spans.create();
  }
}
