package dev.auditworkbench.engine.scan;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.OwaspTop10;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.repo.RepoFile;
import dev.auditworkbench.engine.repo.StringFormatting;
import dev.auditworkbench.engine.spi.RawFinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Risky code in a Django codebase: SQL built by string formatting or concatenation and passed to
 * {@code cursor.execute}, {@code .raw()}, {@code RawSQL} or {@code .extra()} (directly or through
 * a local variable), {@code mark_safe} on anything but a literal, {@code |safe} and autoescape off
 * in templates, and views exempt from CSRF protection. False positives: formatting with values
 * that never come from users (table names from code), which the auditor dismisses.
 */
final class RiskyCodeRule implements Rule {
  private static final Pattern SAFE_FILTER = Pattern.compile("\\|\\s*safe\\b|\\{%\\s*autoescape\\s+off\\s*%\\}");

  @Override
  public String id() {
    return "code";
  }

  @Override
  public String description() {
    return "SQL built with string formatting (execute, raw, RawSQL, extra), mark_safe on non-literals, |safe in templates,"
        + " csrf_exempt views";
  }

  @Override
  public void check(RepoAnalysis a, Consumer<RawFinding> out) {
    for (ModuleFacts m : a.modules()) {
      for (ModuleFacts.CallRef call : m.calls()) {
        sql(m, call).ifPresent(out);
        xss(m, call).ifPresent(out);
      }
      for (ModuleFacts.FunctionDef f : m.functions()) {
        if (f.decorators().stream().anyMatch(d -> d.equals("csrf_exempt") || d.endsWith(".csrf_exempt"))) {
          out.accept(base("code.csrf-exempt", "View exempt from CSRF protection: " + f.qualname(),
              f.qualname() + " is decorated with @csrf_exempt: any site can make a logged-in user's browser call it."
                  + " Verify requests another way (a signature for webhooks) or remove the exemption.",
              Severity.MEDIUM, 352, m.path(), f.line(), "@csrf_exempt def " + f.name()));
        }
      }
    }
    for (RepoFile f : a.files()) {
      if (f.path().endsWith(".html") && (f.path().startsWith("templates/") || f.path().contains("/templates/"))) {
        templates(a, f, out);
      }
    }
  }

  private static Optional<RawFinding> sql(ModuleFacts m, ModuleFacts.CallRef call) {
    String callee = call.callee();
    boolean execute = callee.endsWith(".execute") || callee.endsWith(".executemany");
    boolean raw = callee.endsWith(".raw") || callee.equals("RawSQL") || callee.endsWith(".RawSQL");
    boolean extra = callee.endsWith(".extra");
    if (!execute && !raw && !extra) {
      return Optional.empty();
    }
    String argument = extra ? String.join(" ", call.kwargs().values()) : call.args().isEmpty() ? "" : call.args().get(0);
    String how = null;
    if (StringFormatting.isFormatted(argument)) {
      how = "built by string formatting in the call";
    } else if (argument.matches("[A-Za-z_]\\w*")) {
      for (ModuleFacts.FormattedAssignment fa : m.formatted()) {
        if (fa.target().equals(argument) && fa.function().equals(call.enclosingFunction()) && fa.line() < call.line()) {
          how = "built by string formatting at line " + fa.line() + " (" + argument + " = " + shorten(fa.value()) + ")";
        }
      }
    }
    if (how == null) {
      return Optional.empty();
    }
    String what = extra ? ".extra()" : raw ? "raw SQL" : "cursor.execute";
    return Optional.of(base("code.sql-injection", "SQL injection risk: " + what + " with SQL " + (how.startsWith("built by string formatting in")
            ? "built by string formatting" : "from a formatted string") + " in " + (call.enclosingFunction() == null ? m.module() : call.enclosingFunction()),
        "The SQL passed to " + callee + " is " + how + ". Pass values as parameters (cursor.execute(sql, params),"
            + " .raw(sql, params), filter()) so the database driver quotes them.",
        Severity.HIGH, 89, m.path(), call.line(), callee + "(" + shorten(argument) + ")"));
  }

  private static Optional<RawFinding> xss(ModuleFacts m, ModuleFacts.CallRef call) {
    if (!call.callee().equals("mark_safe") && !call.callee().endsWith(".mark_safe")) {
      return Optional.empty();
    }
    String arg = call.args().isEmpty() ? "" : call.args().get(0).strip();
    if (arg.matches("[rRbBuU]?(['\"]).*\\1") && !StringFormatting.isFormatted(arg)) {
      return Optional.empty(); // a constant string is safe by construction
    }
    return Optional.of(base("code.xss-mark-safe", "XSS risk: mark_safe on data in " + m.path(),
        "mark_safe(" + shorten(arg) + ") marks text as HTML without escaping it; if any part comes from users, it can"
            + " carry scripts. Escape the parts (format_html) instead.",
        Severity.HIGH, 79, m.path(), call.line(), "mark_safe(" + shorten(arg) + ")"));
  }

  private static void templates(RepoAnalysis a, RepoFile f, Consumer<RawFinding> out) {
    List<String> lines;
    try {
      lines = Files.readAllLines(a.repo().resolve(f.path()), StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      return;
    }
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = SAFE_FILTER.matcher(lines.get(i));
      if (m.find()) {
        out.accept(base("code.xss-template-safe", "XSS risk: " + (m.group().contains("autoescape") ? "autoescape off" : "|safe")
                + " in " + f.path(),
            "The template outputs data without escaping (" + m.group().strip() + "). Remove it, or escape in the view.",
            Severity.MEDIUM, 79, f.path(), i + 1, lines.get(i).strip()));
      }
    }
  }

  private static RawFinding base(String rule, String title, String description, Severity severity, int cwe, String path,
      int line, String code) {
    RawFinding.Builder b = RawFinding.builder(rule).nativeRuleId(rule).title(title).description(description)
        .category(Category.SECURITY).severity(severity).confidence(Confidence.MEDIUM)
        .path(path).lines(line, line)
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
