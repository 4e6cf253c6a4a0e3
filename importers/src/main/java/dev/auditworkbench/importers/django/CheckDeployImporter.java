package dev.auditworkbench.importers.django;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.OwaspTop10;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.engine.spi.RawFinding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text that {@code python manage.py check --deploy} prints: one line per issue, "obj: (id)
 * message", under ERRORS/WARNINGS headings, and a closing "System check identified N issues". Each
 * issue becomes a finding keyed by its check id (security.W004...), with the CWE the issue is
 * about; the object ("?" for settings) becomes the symbol.
 */
public final class CheckDeployImporter implements Importer {
  static final String FORMAT = "Django system check output (manage.py check --deploy)";
  private static final Pattern ISSUE =
      Pattern.compile("^(\\S.*?): \\(([a-z_.]+\\.[EWCI]\\d{3})\\) (.*)$");
  private static final Pattern SUMMARY =
      Pattern.compile("System check identified (no issues|\\d+ issues?)");

  /** CWE of each deployment check (Django's docs: "Deployment checklist", security.W001-W022). */
  private static final Map<String, Integer> CWE =
      Map.ofEntries(
          Map.entry("security.W001", 693),
          Map.entry("security.W002", 1021),
          Map.entry("security.W003", 352),
          Map.entry("security.W004", 319),
          Map.entry("security.W005", 319),
          Map.entry("security.W006", 693),
          Map.entry("security.W007", 79),
          Map.entry("security.W008", 319),
          Map.entry("security.W009", 330),
          Map.entry("security.W010", 614),
          Map.entry("security.W011", 614),
          Map.entry("security.W012", 614),
          Map.entry("security.W013", 1004),
          Map.entry("security.W014", 1004),
          Map.entry("security.W015", 1004),
          Map.entry("security.W016", 614),
          Map.entry("security.W017", 1004),
          Map.entry("security.W018", 489),
          Map.entry("security.W019", 1021),
          Map.entry("security.W020", 16),
          Map.entry("security.W021", 319),
          Map.entry("security.W022", 200),
          Map.entry("security.E100", 330),
          Map.entry("security.E101", 352));

  private static final List<String> HIGH =
      List.of("security.W009", "security.W018", "security.W020", "security.E100");

  @Override
  public String id() {
    return "django-check";
  }

  @Override
  public String displayName() {
    return "Django check --deploy";
  }

  @Override
  public String tool() {
    return "django-check";
  }

  @Override
  public String description() {
    return "Warnings of 'manage.py check --deploy' (HSTS, SSL redirect, secret key, cookie flags, DEBUG...).";
  }

  @Override
  public double detect(FileSample sample) {
    String head = sample.head();
    if (sample.binary()) {
      return 0;
    }
    boolean summary = SUMMARY.matcher(head).find();
    boolean issue = head.lines().limit(500).anyMatch(l -> ISSUE.matcher(l).matches());
    if (issue) {
      return summary ? 0.95 : 0.7;
    }
    // "System check identified no issues" alone is a clean report; inside a longer log (Django's
    // test runner prints the same line) it is not one.
    long otherLines = head.lines().filter(l -> !l.isBlank() && !SUMMARY.matcher(l).find()).count();
    return summary && otherLines == 0 ? 0.6 : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    boolean understood = false;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(input.open(), StandardCharsets.UTF_8))) {
      String line;
      long n = 0;
      StringBuilder current = null;
      String[] head = null;
      long headLine = 0;
      while ((line = r.readLine()) != null) {
        n++;
        Matcher m = ISSUE.matcher(line);
        if (m.matches()) {
          if (head != null) {
            emit(sink, head, current.toString(), headLine);
          }
          head = new String[] {m.group(1), m.group(2)};
          current = new StringBuilder(m.group(3));
          headLine = n;
          understood = true;
        } else if (head != null && line.startsWith("\t")) {
          current.append('\n').append(line.strip()); // a HINT line belongs to the issue above
        } else if (SUMMARY.matcher(line).find()) {
          understood = true;
        } else if (!line.isBlank() && !line.endsWith(":") && head == null) {
          sink.warn(
              n,
              "not a system check line: "
                  + (line.length() > 80 ? line.substring(0, 80) + "..." : line));
        }
      }
      if (head != null) {
        emit(sink, head, current.toString(), headLine);
      }
    }
    if (!understood) {
      throw BadInputException.whole(
          input.path(), FORMAT, "no system check issue or summary line found");
    }
  }

  private static void emit(FindingSink sink, String[] head, String message, long line) {
    sink.recordRead();
    String check = head[1];
    Integer cwe = CWE.get(check);
    String object = head[0];
    RawFinding.Builder b =
        RawFinding.builder("django.check." + check)
            .nativeRuleId(check)
            .title(check + ": " + firstSentence(message))
            .description(message)
            .category(Category.SECURITY)
            .severity(
                check.contains(".E") || HIGH.contains(check)
                    ? Severity.HIGH
                    : check.startsWith("security.") ? Severity.MEDIUM : Severity.LOW)
            .confidence(Confidence.HIGH)
            .symbol(object.equals("?") ? "settings" : object)
            .evidence(Evidence.Kind.TEXT, "(" + check + ") " + message)
            .defaultEffort(Effort.hours(2));
    if (cwe != null) {
      b.cwe(cwe);
      OwaspTop10.forCwe(cwe).ifPresent(o -> b.owasp(o.id()));
    }
    if (check.startsWith("security.")) {
      b.owasp("A05:2021");
    }
    sink.accept(b.build());
  }

  private static String firstSentence(String text) {
    int dot = text.indexOf(". ");
    String s = dot > 0 ? text.substring(0, dot + 1) : text;
    return s.length() > 150 ? s.substring(0, 147) + "..." : s;
  }
}
