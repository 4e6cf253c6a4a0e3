package dev.auditworkbench.engine.repo;

import java.util.regex.Pattern;

/** Whether Python source builds a string by formatting or concatenation, read from its text. */
public final class StringFormatting {
  private static final Pattern PERCENT = Pattern.compile("['\"]\\s*\\)?\\s*%\\s*[\\w(\\[]");
  private static final Pattern FORMAT = Pattern.compile("['\"]\\s*\\)?\\s*\\.format\\s*\\(");
  private static final Pattern F_STRING = Pattern.compile("(^|[\\s(=,\\[])[rR]?[fF][rR]?['\"]");
  private static final Pattern CONCAT =
      Pattern.compile("['\"]\\s*\\+\\s*[\\w(]|[\\w)\\]]\\s*\\+\\s*['\"]");

  private StringFormatting() {}

  public static boolean isFormatted(String expression) {
    String e = expression.strip();
    return PERCENT.matcher(e).find()
        || FORMAT.matcher(e).find()
        || F_STRING.matcher(e).find() && e.contains("{")
        || CONCAT.matcher(e).find();
  }
}
