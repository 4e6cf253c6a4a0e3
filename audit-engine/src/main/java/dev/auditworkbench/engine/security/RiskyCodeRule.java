package dev.auditworkbench.engine.security;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.OwaspTop10;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.repo.RepoFile;
import dev.auditworkbench.engine.repo.StringFormatting;
import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.spi.RawFinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Risky code in a Django codebase: SQL built by string formatting or concatenation and passed to
 * {@code cursor.execute}, {@code .raw()}, {@code RawSQL} or {@code .extra()} (directly or through a
 * local variable), {@code mark_safe} on anything but a literal, {@code |safe} and autoescape off in
 * templates, and views exempt from CSRF protection. False positives: formatting with values that
 * never come from users (table names from code), which the auditor dismisses.
 */
final class RiskyCodeRule implements Rule {
  private static final Pattern SAFE_FILTER =
      Pattern.compile("\\|\\s*safe\\b|\\{%\\s*autoescape\\s+off\\s*%\\}");

  @Override
  public String id() {
    return "code";
  }

  @Override
  public String description() {
    return "SQL built with string formatting (execute, raw, RawSQL, extra), mark_safe on non-literals, |safe in templates,"
        + " csrf_exempt views. Low confidence, places to review rather than findings: on the labelled corpora most were"
        + " safe (identifiers, escaped or sanitised text, numbers), which reading the code decides";
  }

  @Override
  public void check(RepoAnalysis a, Consumer<RawFinding> out) {
    Set<String> projectFunctions = new HashSet<>();
    a.modules()
        .forEach(
            m ->
                m.functions()
                    .forEach(
                        f -> {
                          if (f.className() == null) {
                            projectFunctions.add(f.name());
                          }
                        }));
    for (ModuleFacts m : a.modules()) {
      for (ModuleFacts.CallRef call : m.calls()) {
        sql(m, call).ifPresent(out);
        xss(m, call, projectFunctions).ifPresent(out);
      }
      for (ModuleFacts.FunctionDef f : m.functions()) {
        if (f.decorators().stream()
                .anyMatch(d -> d.equals("csrf_exempt") || d.endsWith(".csrf_exempt"))
            && !verifiesRequests(a, m, f)) {
          out.accept(
              base(
                  "code.csrf-exempt",
                  "View exempt from CSRF protection: " + f.qualname(),
                  f.qualname()
                      + " is decorated with @csrf_exempt: any site can make a logged-in user's browser call it."
                      + " Verify requests another way (a signature for webhooks) or remove the exemption.",
                  Severity.MEDIUM,
                  352,
                  m.path(),
                  f.line(),
                  "@csrf_exempt def " + f.name()));
        }
      }
    }
    for (RepoFile f : a.files()) {
      if (f.path().endsWith(".html")
          && (f.path().startsWith("templates/") || f.path().contains("/templates/"))) {
        templates(a, f, out);
      }
    }
  }

  /**
   * What SQL may name but cannot take as a parameter: tables, columns, indexes, schemas,
   * placeholders.
   */
  private static final Pattern IDENTIFIER =
      Pattern.compile(
          "(?i)(table|column|\\bcols?\\b|index|schema|db_table|_meta\\.|quote_name|placeholder|field_?names?|constraint|sequence)");

  private static final Pattern FIELD = Pattern.compile("\\{([^{}]+)}");
  private static final Pattern PERCENT_ARGS = Pattern.compile("%\\s*(\\(.*\\)|[\\w.\\[\\]]+)\\s*$");
  private static final Pattern FORMAT_ARGS = Pattern.compile("\\.format\\((.*)\\)\\s*$");

  /**
   * Whether every value formatted into the SQL names a schema object (a table from {@code
   * _meta.db_table}, a column, an index, a placeholder list) or is a constant: SQL cannot take
   * those as parameters, so building them in is how it is done, and no user value reaches the
   * statement.
   */
  static boolean onlyIdentifiers(String expression) {
    List<String> parts = new ArrayList<>();
    Matcher f =
        FIELD.matcher(
            LITERAL
                .matcher(expression)
                .replaceAll(
                    m ->
                        m.group().toLowerCase(Locale.ROOT).matches("r?f.*")
                            ? Matcher.quoteReplacement(m.group())
                            : "L"));
    while (f.find()) {
      parts.add(f.group(1));
    }
    Matcher fmt = FORMAT_ARGS.matcher(expression);
    if (fmt.find()) {
      parts.addAll(Arrays.asList(fmt.group(1).split(",")));
    }
    Matcher pct = PERCENT_ARGS.matcher(LITERAL.matcher(expression).replaceAll("L"));
    if (pct.find()) {
      parts.addAll(Arrays.asList(pct.group(1).replaceAll("^\\(|\\)$", "").split(",")));
    }
    for (String op : LITERAL.matcher(expression).replaceAll("L").split("\\+")) {
      String o = op.strip();
      if (!o.isEmpty() && !o.equals("L") && !o.contains("L%") && !o.startsWith("L.format")) {
        parts.add(o);
      }
    }
    if (parts.isEmpty()) {
      return false;
    }
    for (String part : parts) {
      String p = part.strip();
      boolean constant =
          p.isEmpty() || p.equals("L") || p.matches("[A-Z][A-Z0-9_.]*") || p.matches("\\d+");
      if (!constant && !IDENTIFIER.matcher(p).find()) {
        return false;
      }
    }
    return true;
  }

  private static Optional<RawFinding> sql(ModuleFacts m, ModuleFacts.CallRef call) {
    String callee = call.callee();
    boolean execute = callee.endsWith(".execute") || callee.endsWith(".executemany");
    boolean raw = callee.endsWith(".raw") || callee.equals("RawSQL") || callee.endsWith(".RawSQL");
    boolean extra = callee.endsWith(".extra");
    if (!execute && !raw && !extra) {
      return Optional.empty();
    }
    String argument =
        extra
            ? String.join(" ", call.kwargs().values())
            : call.args().isEmpty() ? "" : call.args().get(0);
    String how = null;
    String built = argument;
    if (StringFormatting.isFormatted(argument)) {
      how = "built by string formatting in the call";
    } else if (argument.matches("[A-Za-z_]\\w*")) {
      for (ModuleFacts.FormattedAssignment fa : m.formatted()) {
        if (fa.target().equals(argument)
            && fa.function().equals(call.enclosingFunction())
            && fa.line() < call.line()) {
          how =
              "built by string formatting at line "
                  + fa.line()
                  + " ("
                  + argument
                  + " = "
                  + shorten(fa.value())
                  + ")";
          built = fa.value();
        }
      }
    }
    if (how == null || onlyIdentifiers(built)) {
      return Optional.empty();
    }
    String what = extra ? ".extra()" : raw ? "raw SQL" : "cursor.execute";
    return Optional.of(
        base(
            "code.sql-injection",
            "SQL injection risk: "
                + what
                + " with SQL "
                + (how.startsWith("built by string formatting in")
                    ? "built by string formatting"
                    : "from a formatted string")
                + " in "
                + (call.enclosingFunction() == null ? m.module() : call.enclosingFunction()),
            "The SQL passed to "
                + callee
                + " is "
                + how
                + ". Pass values as parameters (cursor.execute(sql, params),"
                + " .raw(sql, params), filter()) so the database driver quotes them.",
            Severity.HIGH,
            89,
            m.path(),
            call.line(),
            callee + "(" + shorten(argument) + ")"));
  }

  /** Code that checks who sent a request without cookies: a shared secret, a signature, a token. */
  private static final Pattern VERIFIES =
      Pattern.compile(
          "(?i)(secret|signature|hmac|compare_digest|verify|token|session_key|api_key)");

  /**
   * Whether an exempt view verifies requests another way (a webhook's secret or signature, a token
   * in the request), which is what the exemption is for.
   */
  private static boolean verifiesRequests(
      RepoAnalysis a, ModuleFacts m, ModuleFacts.FunctionDef f) {
    try {
      List<String> lines = Files.readAllLines(a.repo().resolve(m.path()), StandardCharsets.UTF_8);
      String body =
          String.join(
              "\n",
              lines.subList(Math.min(lines.size(), f.line()), Math.min(lines.size(), f.endLine())));
      // what the code does, not what its docstring or comments say ("no signature check yet")
      String code =
          body.replaceAll("(?s)\"\"\".*?\"\"\"|'\'\'.*?'\'\'", "").replaceAll("#[^\n]*", "");
      return VERIFIES.matcher(code).find();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Functions that return text escaped or sanitised for HTML. */
  private static final Pattern SANITISED =
      Pattern.compile(
          "^(?:[\\w.]*\\.)?(format_html|format_html_join|escape|"
              + "conditional_escape|escapejs|render_to_string|clean|strip_tags|json_script|linebreaks|linebreaksbr)\\s*\\(");

  private static final Pattern LITERAL =
      Pattern.compile(
          "[rRbBuUfF]{0,2}(\"\"\"[\\s\\S]*?\"\"\"|'\'\'[\\s\\S]*?'\'\'|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*')");
  private static final Pattern PROJECT_CALL_ON_LITERALS =
      Pattern.compile("^([A-Za-z_]\\w*)\\(\\s*(L|\\d+)(\\s*,\\s*(L|\\d+))*\\s*\\)$");

  /**
   * Whether what mark_safe gets is closed: string literals and numbers joined with +, %, format()
   * or join() (no f-string field), module constants, the result of an escaping or sanitising
   * function (format_html, escape, conditional_escape, render_to_string, bleach's clean,
   * json_script...), or a call of the project's own function with literal arguments only
   * (icon("users", "Audience")).
   */
  static boolean closed(String arg, Set<String> projectFunctions) {
    String a = arg.strip();
    if (a.isEmpty()) {
      return true;
    }
    Matcher sanitised = SANITISED.matcher(a);
    if (sanitised.find() && closesAtEnd(a, sanitised.end())) {
      return true; // the whole argument is one call of an escaping or sanitising function
    }
    if (LITERAL.matcher(a).replaceAll("").contains("{")
        && a.matches("(?s).*(^|[^\\w])[fF][rR]?['\"].*")) {
      return false; // an f-string with fields
    }
    String rest = LITERAL.matcher(a).replaceAll("L").replaceAll("\\s+", "");
    Matcher helper = PROJECT_CALL_ON_LITERALS.matcher(rest);
    if (helper.matches() && projectFunctions.contains(helper.group(1))) {
      return true;
    }
    return rest.replaceAll("\\.(format|join)\\(", "(")
        .replaceAll("\\b[A-Z][A-Z0-9_]+\\b", "L")
        .replaceAll("\\b\\d+\\b", "L")
        .matches("[L+%(),\\[\\]]*");
  }

  /** Whether the parenthesis opened just before {@code from} closes at the end of {@code text}. */
  private static boolean closesAtEnd(String text, int from) {
    int depth = 1;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i == text.length() - 1;
      }
    }
    return false;
  }

  private static Optional<RawFinding> xss(
      ModuleFacts m, ModuleFacts.CallRef call, Set<String> projectFunctions) {
    if (!call.callee().equals("mark_safe") && !call.callee().endsWith(".mark_safe")) {
      return Optional.empty();
    }
    String arg = call.args().isEmpty() ? "" : call.args().get(0).strip();
    if (closed(arg, projectFunctions)) {
      return Optional.empty(); // literals, escaped or sanitised text: safe by construction
    }
    return Optional.of(
        base(
            "code.xss-mark-safe",
            "XSS risk: mark_safe on data in " + m.path(),
            "mark_safe("
                + shorten(arg)
                + ") marks text as HTML without escaping it; if any part comes from users, it can"
                + " carry scripts. Escape the parts (format_html) instead.",
            Severity.HIGH,
            79,
            m.path(),
            call.line(),
            "mark_safe(" + shorten(arg) + ")"));
  }

  private static void templates(RepoAnalysis a, RepoFile f, Consumer<RawFinding> out) {
    List<String> lines;
    try {
      lines = Files.readAllLines(a.repo().resolve(f.path()), StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      return;
    }
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = SAFE_FILTER.matcher(lines.get(i));
      if (m.find()) {
        out.accept(
            base(
                "code.xss-template-safe",
                "XSS risk: "
                    + (m.group().contains("autoescape") ? "autoescape off" : "|safe")
                    + " in "
                    + f.path(),
                "The template outputs data without escaping ("
                    + m.group().strip()
                    + "). Remove it, or escape in the view.",
                Severity.MEDIUM,
                79,
                f.path(),
                i + 1,
                lines.get(i).strip()));
      }
    }
  }

  private static RawFinding base(
      String rule,
      String title,
      String description,
      Severity severity,
      int cwe,
      String path,
      int line,
      String code) {
    RawFinding.Builder b =
        RawFinding.builder(rule)
            .nativeRuleId(rule)
            .title(title)
            .description(description)
            .category(Category.SECURITY)
            .severity(severity)
            .confidence(Confidence.LOW)
            .path(path)
            .lines(line, line)
            .evidence(Evidence.Kind.CODE, code)
            .defaultEffort(Effort.hours(3))
            .cwe(cwe);
    OwaspTop10.forCwe(cwe).ifPresent(o -> b.owasp(o.id()));
    return b.build();
  }

  private static String shorten(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() > 120 ? one.substring(0, 117) + "..." : one;
  }
}
