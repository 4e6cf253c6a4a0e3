package dev.auditworkbench.importers.semgrep;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.importers.common.JsonFields;
import dev.auditworkbench.importers.common.JsonInput;
import dev.auditworkbench.importers.common.Taxonomy;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Semgrep's JSON output ({@code semgrep --json}), 0.x to 1.x: results with check_id, path,
 * start/end, extra.severity (ERROR/WARNING/INFO, or CRITICAL..LOW for newer rules), message,
 * metadata (cwe as a string or list, owasp, confidence, category), lines and fix. "requires login"
 * placeholders of logged-out runs are ignored. errors[] become warnings; paths.scanned bounds what
 * a later run can mark gone.
 */
public final class SemgrepJsonImporter implements Importer {
  static final String FORMAT = "Semgrep JSON (semgrep --json)";

  @Override
  public String id() {
    return "semgrep-json";
  }

  @Override
  public String displayName() {
    return "Semgrep JSON";
  }

  @Override
  public String tool() {
    return "semgrep";
  }

  @Override
  public String description() {
    return "Findings of semgrep rules (semgrep --json), with CWE, OWASP, confidence and autofix text.";
  }

  @Override
  public double detect(FileSample sample) {
    String head = sample.trimmedHead();
    if (sample.binary() || !head.startsWith("{") || !head.contains("\"results\"")) {
      return 0;
    }
    if (head.contains("\"check_id\"") && head.contains("\"extra\"")) {
      return 0.95;
    }
    // An empty run: {"errors": [], "results": [] (, "paths", "version")} and nothing of bandit's.
    boolean semgrepKeys =
        head.contains("\"errors\"")
            && !head.contains("\"generated_at\"")
            && !head.contains("\"metrics\"");
    return semgrepKeys && head.length() < 4096 ? 0.6 : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    try (InputStream in = input.open();
        JsonInput json = new JsonInput(input.path(), in, FORMAT)) {
      if (json.next() != JsonToken.START_OBJECT) {
        throw json.error("a semgrep report is a JSON object");
      }
      boolean sawResults = false;
      while (json.next() == JsonToken.FIELD_NAME) {
        String field = json.parser().currentName();
        JsonToken value = json.next();
        switch (field) {
          case "results" -> {
            readResults(json, value, sink);
            sawResults = true;
          }
          case "version" -> sink.toolVersion(json.parser().getValueAsString());
          case "errors" -> readErrors(json, value, sink);
          case "paths" -> readPaths(json, value, sink);
          default -> json.skip();
        }
      }
      if (!sawResults) {
        throw json.error("no \"results\" array: not a semgrep report");
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
      JsonNode r = json.readTree();
      sink.recordRead();
      sink.accept(toFinding(json, r, line));
    }
  }

  private static void readErrors(JsonInput json, JsonToken value, FindingSink sink)
      throws IOException, BadInputException {
    if (value != JsonToken.START_ARRAY) {
      json.skip();
      return;
    }
    while (json.next() == JsonToken.START_OBJECT) {
      long line = json.line();
      JsonNode e = json.readTree();
      sink.warn(
          line,
          "semgrep error ("
              + e.path("type").asText(e.path("level").asText("error"))
              + ") "
              + e.path("path").asText("")
              + ": "
              + firstLine(e.path("message").asText("")));
    }
  }

  private static void readPaths(JsonInput json, JsonToken value, FindingSink sink)
      throws IOException, BadInputException {
    JsonNode paths = json.readTree();
    paths.path("scanned").forEach(p -> sink.scanned(p.asText()));
  }

  private static RawFinding toFinding(JsonInput json, JsonNode r, long line)
      throws BadInputException {
    String checkId = r.path("check_id").asText("");
    String path = r.path("path").asText("");
    if (checkId.isEmpty() || path.isEmpty()) {
      throw json.errorAtLine(line, "result without \"check_id\" or \"path\"");
    }
    JsonNode extra = r.path("extra");
    JsonNode meta = extra.path("metadata");
    String message = extra.path("message").asText("").strip();
    String lines = extra.path("lines").asText("");
    boolean loggedOut = lines.equals("requires login");
    String fix = extra.path("fix").asText("");
    RawFinding.Builder b =
        RawFinding.builder("semgrep." + checkId)
            .nativeRuleId(checkId)
            .title(shortName(checkId) + ": " + firstLine(message))
            .description(fix.isEmpty() ? message : message + "\n\nSuggested fix: " + fix)
            .category(category(meta.path("category").asText("security")))
            .severity(severity(extra.path("severity").asText(""), meta.path("impact").asText("")))
            .confidence(confidence(meta.path("confidence").asText("")))
            .path(path)
            .lines(
                JsonFields.line(r.path("start"), "line", 0),
                JsonFields.line(r.path("end"), "line", 0))
            .sourceLine(loggedOut || lines.isEmpty() ? null : lines.split("\n", 2)[0])
            .evidence(Evidence.Kind.CODE, loggedOut ? "" : lines)
            .evidence(Evidence.Kind.TEXT, referencesOf(meta));
    Taxonomy.apply(b, Taxonomy.cwes(meta.path("cwe")), Taxonomy.owasp2021(meta.path("owasp")));
    return b.build();
  }

  static Severity severity(String semgrep, String impact) {
    return switch (semgrep.toUpperCase(Locale.ROOT)) {
      case "CRITICAL" -> Severity.CRITICAL;
      case "ERROR", "HIGH" -> Severity.HIGH;
      case "WARNING", "MEDIUM" -> Severity.MEDIUM;
      case "INFO", "LOW" -> "HIGH".equalsIgnoreCase(impact) ? Severity.MEDIUM : Severity.LOW;
      default -> Severity.MEDIUM;
    };
  }

  private static Confidence confidence(String c) {
    return switch (c.toUpperCase(Locale.ROOT)) {
      case "HIGH" -> Confidence.HIGH;
      case "LOW" -> Confidence.LOW;
      default -> Confidence.MEDIUM;
    };
  }

  private static Category category(String c) {
    return switch (c.toLowerCase(Locale.ROOT)) {
      case "performance" -> Category.PERFORMANCE;
      case "correctness", "best-practice", "maintainability", "portability", "compatibility" ->
          Category.MAINTAINABILITY;
      default -> Category.SECURITY;
    };
  }

  private static String referencesOf(JsonNode meta) {
    StringBuilder sb = new StringBuilder();
    meta.path("references").forEach(r -> sb.append("Reference: ").append(r.asText()).append('\n'));
    if (meta.has("source")) {
      sb.append("Rule: ").append(meta.path("source").asText()).append('\n');
    }
    return sb.toString().strip();
  }

  private static String shortName(String checkId) {
    int dot = checkId.lastIndexOf('.');
    return dot < 0 ? checkId : checkId.substring(dot + 1);
  }

  private static String firstLine(String text) {
    String t = text.strip();
    int nl = t.indexOf('\n');
    String first = nl < 0 ? t : t.substring(0, nl);
    return first.length() > 160 ? first.substring(0, 157) + "..." : first;
  }
}
