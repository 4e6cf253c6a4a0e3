package dev.auditworkbench.importers.bandit;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.OwaspTop10;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.importers.common.BanditCwe;
import dev.auditworkbench.importers.common.JsonFields;
import dev.auditworkbench.importers.common.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * Bandit's JSON report ({@code bandit -f json}), every version's layout: {@code results[]} with
 * test_id, issue_severity/confidence, filename, line_number, line_range, code, issue_text, and
 * since 1.7.3 issue_cwe. {@code metrics} names every scanned file, so a later report only marks
 * findings gone in files it scanned. {@code errors[]} (files bandit could not parse) become
 * warnings. Reports of older bandit versions get the CWE bandit itself assigns to each plugin.
 */
public final class BanditJsonImporter implements Importer {
  static final String FORMAT = "Bandit JSON (bandit -f json)";

  @Override
  public String id() {
    return "bandit-json";
  }

  @Override
  public String displayName() {
    return "Bandit JSON";
  }

  @Override
  public String tool() {
    return "bandit";
  }

  @Override
  public String description() {
    return "Python security issues found by bandit (bandit -r . -f json): one finding per result,"
        + " with CWE and OWASP Top 10 category.";
  }

  @Override
  public double detect(FileSample sample) {
    String head = sample.trimmedHead();
    if (sample.binary() || !head.startsWith("{")) {
      return 0;
    }
    if (head.contains("\"test_id\"") && head.contains("\"issue_severity\"")) {
      return 0.95;
    }
    // bandit writes keys sorted: errors, generated_at, metrics (per-file counters named
    // "CONFIDENCE.HIGH" and "SEVERITY.LOW"), results; metrics can push results past the head.
    if (head.contains("\"generated_at\"")
        && head.contains("\"SEVERITY.")
        && head.contains("\"CONFIDENCE.")) {
      return 0.9;
    }
    return 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    try (InputStream in = input.open();
        JsonInput json = new JsonInput(input.path(), in, FORMAT)) {
      if (json.next() != JsonToken.START_OBJECT) {
        throw json.error("a bandit report is a JSON object");
      }
      boolean sawResults = false;
      while (json.next() == JsonToken.FIELD_NAME) {
        String field = json.parser().currentName();
        JsonToken value = json.next();
        if ("results".equals(field)) {
          readResults(json, value, sink);
          sawResults = true;
        } else if ("errors".equals(field) && value == JsonToken.START_ARRAY) {
          readErrors(json, sink);
        } else if ("metrics".equals(field) && value == JsonToken.START_OBJECT) {
          readScannedFiles(json, sink);
        } else {
          json.skip();
        }
      }
      if (!sawResults) {
        throw json.error("no \"results\" array: not a bandit report");
      }
    }
  }

  private static void readResults(JsonInput json, JsonToken value, FindingSink sink)
      throws IOException, BadInputException {
    if (value != JsonToken.START_ARRAY) {
      throw json.error("\"results\" must be an array");
    }
    while (json.next() == JsonToken.START_OBJECT) {
      long line = json.line();
      JsonNode result = json.readTree();
      sink.recordRead();
      sink.accept(toFinding(json, result, line));
    }
    if (json.parser().currentToken() != JsonToken.END_ARRAY) {
      throw json.error("every entry of \"results\" must be an object");
    }
  }

  /** bandit's metrics hold one entry per scanned file, plus "_totals". */
  private static void readScannedFiles(JsonInput json, FindingSink sink)
      throws IOException, BadInputException {
    while (json.next() == JsonToken.FIELD_NAME) {
      String file = json.parser().currentName();
      json.next();
      json.skip();
      if (!"_totals".equals(file)) {
        sink.scanned(file);
      }
    }
  }

  private static void readErrors(JsonInput json, FindingSink sink)
      throws IOException, BadInputException {
    while (json.next() == JsonToken.START_OBJECT) {
      long line = json.line();
      JsonNode error = json.readTree();
      sink.warn(
          line,
          "bandit could not scan "
              + error.path("filename").asText("?")
              + ": "
              + error.path("reason").asText(""));
    }
  }

  private static RawFinding toFinding(JsonInput json, JsonNode r, long line)
      throws BadInputException {
    String testId = required(json, r, "test_id", line);
    String filename = required(json, r, "filename", line);
    String issueText = r.path("issue_text").asText("");
    int lineNumber = JsonFields.line(r, "line_number", 0);
    int endLine = lastOf(r.path("line_range"), lineNumber);
    String testName = r.path("test_name").asText(testId);
    RawFinding.Builder b =
        RawFinding.builder("bandit." + testId)
            .nativeRuleId(testId)
            .title(testId + " " + testName + ": " + firstSentence(issueText))
            .description(description(issueText, r.path("more_info").asText("")))
            .category(Category.SECURITY)
            .severity(severity(r.path("issue_severity").asText("")))
            .confidence(confidence(r.path("issue_confidence").asText("")))
            .path(filename)
            .lines(lineNumber, endLine)
            .sourceLine(codeLine(r.path("code").asText(""), lineNumber))
            .evidence(Evidence.Kind.CODE, r.path("code").asText(""));
    int cwe = r.path("issue_cwe").path("id").asInt(0);
    if (cwe == 0) {
      cwe = BanditCwe.forTest(testId);
    }
    b.cwe(cwe);
    OwaspTop10.idsFor(List.of(cwe)).forEach(b::owasp);
    return b.build();
  }

  private static String required(JsonInput json, JsonNode r, String field, long line)
      throws BadInputException {
    String v = r.path(field).asText("");
    if (v.isEmpty()) {
      throw json.errorAtLine(line, "result without \"" + field + "\"");
    }
    return v;
  }

  private static int lastOf(JsonNode range, int fallback) {
    return range.isArray() && range.size() > 0
        ? range.get(range.size() - 1).asInt(fallback)
        : fallback;
  }

  static Severity severity(String s) {
    return switch (s.toUpperCase(Locale.ROOT)) {
      case "HIGH" -> Severity.HIGH;
      case "MEDIUM" -> Severity.MEDIUM;
      case "LOW" -> Severity.LOW;
      default -> Severity.INFO;
    };
  }

  static Confidence confidence(String s) {
    return switch (s.toUpperCase(Locale.ROOT)) {
      case "HIGH" -> Confidence.HIGH;
      case "MEDIUM" -> Confidence.MEDIUM;
      default -> Confidence.LOW;
    };
  }

  /** Bandit's {@code code} holds numbered lines ("26 except:\n27 ..."); returns line n's text. */
  static String codeLine(String code, int n) {
    String prefix = n + " ";
    for (String l : code.split("\n")) {
      if (l.startsWith(prefix)) {
        return l.substring(prefix.length());
      }
      if (l.equals(String.valueOf(n))) {
        return "";
      }
    }
    return null;
  }

  private static String firstSentence(String text) {
    String t = text.strip();
    int dot = t.indexOf(". ");
    String first = dot > 0 ? t.substring(0, dot + 1) : t;
    return first.length() > 140 ? first.substring(0, 137) + "..." : first;
  }

  private static String description(String issueText, String moreInfo) {
    return moreInfo.isEmpty() ? issueText : issueText + "\n\nMore info: " + moreInfo;
  }
}
