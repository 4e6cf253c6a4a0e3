package dev.auditworkbench.views.common;

import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Highlighting of the code a finding points at: Python, Django templates and SQL, chosen by the
 * file's name. Lexical only (keywords, strings, comments, template tags): enough to read an
 * excerpt, and safe on any text, including code that does not parse.
 */
public final class CodeText {
  /** The languages the code viewer highlights. */
  public enum Language {
    PYTHON,
    TEMPLATE,
    SQL,
    PLAIN
  }

  private static final Pattern PYTHON =
      Pattern.compile(
          "(?<comment>#[^\\n]*)"
              + "|(?<string>(?i:[rbuf]{0,2})(?:\"\"\"[\\s\\S]*?(?:\"\"\"|\\z)|'''[\\s\\S]*?(?:'''|\\z)"
              + "|\"(?:[^\"\\\\\\n]|\\\\.)*\"?|'(?:[^'\\\\\\n]|\\\\.)*'?))"
              + "|(?<decorator>^[ \\t]*@[\\w.]+)"
              + "|(?<keyword>\\b(?:False|None|True|and|as|assert|async|await|break|class|continue|def|del|elif|else|except"
              + "|finally|for|from|global|if|import|in|is|lambda|nonlocal|not|or|pass|raise|return|try|while|with|yield"
              + "|match|case|self)\\b)"
              + "|(?<number>\\b\\d[\\d_]*(?:\\.\\d+)?\\b)",
          Pattern.MULTILINE);
  private static final Pattern TEMPLATE =
      Pattern.compile(
          "(?<comment>\\{#[\\s\\S]*?#\\}|<!--[\\s\\S]*?-->|\\{%\\s*comment\\s*%\\}[\\s\\S]*?\\{%\\s*endcomment\\s*%\\})"
              + "|(?<tag>\\{%[\\s\\S]*?%\\})"
              + "|(?<variable>\\{\\{[\\s\\S]*?\\}\\})"
              + "|(?<markup></?[A-Za-z][\\w-]*)");
  private static final Pattern SQL =
      Pattern.compile(
          "(?<comment>--[^\\n]*)|(?<string>'(?:[^']|'')*')|(?<number>\\b\\d+(?:\\.\\d+)?\\b)|(?<keyword>\\b(?i:"
              + "select|from|where|and|or|not|in|is|null|join|left|right|inner|outer|on|group|by|order|having|limit|offset|"
              + "insert|into|values|update|set|delete|returning|as|asc|desc|distinct|count|sum|case|when|then|else|end|"
              + "between|like|exists|union|all|with|create|table|index|alter|drop)\\b)");

  private CodeText() {}

  /**
   * The language of a file, by its name: templates are .html/.htm/.txt/.djhtml/.jinja under any
   * folder.
   */
  public static Language languageOf(String path) {
    String name = path == null ? "" : path.toLowerCase(Locale.ROOT);
    if (name.endsWith(".py") || name.endsWith(".pyi")) {
      return Language.PYTHON;
    }
    if (name.endsWith(".html")
        || name.endsWith(".htm")
        || name.endsWith(".djhtml")
        || name.endsWith(".jinja")
        || name.endsWith(".jinja2")
        || (name.endsWith(".txt") && name.contains("templates/"))) {
      return Language.TEMPLATE;
    }
    if (name.endsWith(".sql")) {
      return Language.SQL;
    }
    return Language.PLAIN;
  }

  /** Style spans for {@code text} in {@code language}; classes are "code-" plus the token kind. */
  public static StyleSpans<Collection<String>> highlight(String text, Language language) {
    Pattern p =
        switch (language) {
          case PYTHON -> PYTHON;
          case TEMPLATE -> TEMPLATE;
          case SQL -> SQL;
          case PLAIN -> null;
        };
    StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
    int last = 0;
    if (p != null) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        if (m.end() == m.start()) {
          continue;
        }
        spans.add(Collections.emptyList(), m.start() - last);
        spans.add(Collections.singleton("code-" + kind(m)), m.end() - m.start());
        last = m.end();
      }
    }
    spans.add(Collections.emptyList(), text.length() - last);
    return spans.create();
  }

  private static String kind(Matcher m) {
    for (String group :
        new String[] {
          "comment", "string", "decorator", "keyword", "number", "tag", "variable", "markup"
        }) {
      try {
        if (m.group(group) != null) {
          return group;
        }
      } catch (IllegalArgumentException notInThisLanguage) {
        // the group is not part of this language's pattern
      }
    }
    return "text";
  }
}
