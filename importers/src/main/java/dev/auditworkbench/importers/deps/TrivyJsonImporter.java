package dev.auditworkbench.importers.deps;

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
import dev.auditworkbench.engine.spi.Secrets;
import dev.auditworkbench.importers.common.JsonFields;
import dev.auditworkbench.importers.common.JsonInput;
import dev.auditworkbench.importers.common.Taxonomy;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trivy's JSON ({@code trivy fs|image --format json}): the current schema (SchemaVersion 2,
 * Results[] with Vulnerabilities, Misconfigurations and Secrets) and the legacy top-level array of
 * results. Vulnerabilities whose VEX status is not_affected are skipped; secrets are masked.
 */
public final class TrivyJsonImporter implements Importer {
  static final String FORMAT = "Trivy JSON (trivy --format json)";

  @Override
  public String id() {
    return "trivy-json";
  }

  @Override
  public String displayName() {
    return "Trivy JSON";
  }

  @Override
  public String tool() {
    return "trivy";
  }

  @Override
  public String description() {
    return "Trivy vulnerabilities (packages and images), misconfigurations and secrets; legacy and current schemas.";
  }

  @Override
  public double detect(FileSample sample) {
    String head = sample.trimmedHead();
    if (sample.binary()) {
      return 0;
    }
    if (head.startsWith("{")
        && head.contains("\"SchemaVersion\"")
        && head.contains("\"Results\"")) {
      return 0.95;
    }
    if (head.startsWith("[")
        && head.contains("\"Target\"")
        && (head.contains("\"Vulnerabilities\"") || head.contains("\"Type\""))) {
      return 0.9;
    }
    return head.strip().equals("null") ? 0.55 : 0; // legacy trivy writes "null" for no results
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    try (InputStream in = input.open();
        JsonInput json = new JsonInput(input.path(), in, FORMAT)) {
      JsonToken first = json.next();
      if (first == JsonToken.VALUE_NULL) {
        return;
      }
      if (first == JsonToken.START_ARRAY) {
        readResults(json, sink);
        return;
      }
      if (first != JsonToken.START_OBJECT) {
        throw json.error("a Trivy report is a JSON object (or a legacy array)");
      }
      boolean sawResults = false;
      while (json.next() == JsonToken.FIELD_NAME) {
        String field = json.parser().currentName();
        JsonToken value = json.next();
        if (field.equals("Results")) {
          sawResults = true;
          if (value == JsonToken.START_ARRAY) {
            readResults(json, sink);
          }
        } else {
          json.skip();
        }
      }
      if (!sawResults) {
        throw json.error("no \"Results\": not a Trivy report");
      }
    }
  }

  private static void readResults(JsonInput json, FindingSink sink)
      throws IOException, BadInputException {
    int notAffected = 0;
    while (json.next() == JsonToken.START_OBJECT) {
      JsonNode result = json.readTree();
      String target = result.path("Target").asText("");
      for (JsonNode v : result.path("Vulnerabilities")) {
        sink.recordRead();
        if (v.path("Status").asText("").equals("not_affected")) {
          notAffected++;
          continue;
        }
        sink.accept(vulnerability(v, target));
      }
      for (JsonNode m : result.path("Misconfigurations")) {
        sink.recordRead();
        if (m.path("Status").asText("FAIL").equals("FAIL")) {
          sink.accept(misconfiguration(m, target));
        }
      }
      for (JsonNode s : result.path("Secrets")) {
        sink.recordRead();
        sink.accept(secret(s, target));
      }
    }
    if (notAffected > 0) {
      sink.warn(0, notAffected + " vulnerabilities with status not_affected were skipped");
    }
  }

  static Severity severity(String s) {
    return switch (s.toUpperCase(Locale.ROOT)) {
      case "CRITICAL" -> Severity.CRITICAL;
      case "HIGH" -> Severity.HIGH;
      case "MEDIUM" -> Severity.MEDIUM;
      case "LOW" -> Severity.LOW;
      default -> Severity.INFO;
    };
  }

  private static RawFinding vulnerability(JsonNode v, String target) {
    List<String> aliases = new ArrayList<>();
    String status = v.path("Status").asText("");
    RawFinding.Builder b =
        Vulnerabilities.finding(
            v.path("PkgName").asText(""),
            v.path("InstalledVersion").asText(""),
            v.path("VulnerabilityID").asText(""),
            aliases,
            v.path("FixedVersion").asText(""),
            severity(v.path("Severity").asText("")),
            v.path("Title").asText(""),
            v.path("Description").asText("") + (status.isEmpty() ? "" : "\n\nStatus: " + status),
            target);
    List<Integer> cwes = Taxonomy.cwes(v.path("CweIDs"));
    Taxonomy.apply(b, cwes, List.of());
    b.owasp(OwaspTop10.A06.id());
    return b.build();
  }

  private static RawFinding misconfiguration(JsonNode m, String target) {
    int line = JsonFields.line(m.path("CauseMetadata"), "StartLine", 0);
    return RawFinding.builder("trivy.misconfig." + m.path("ID").asText(""))
        .nativeRuleId(m.path("ID").asText(""))
        .title(m.path("ID").asText("") + ": " + m.path("Title").asText(""))
        .description(
            m.path("Description").asText("")
                + "\n\n"
                + m.path("Message").asText("")
                + "\n\nResolution: "
                + m.path("Resolution").asText(""))
        .category(Category.SECURITY)
        .severity(severity(m.path("Severity").asText("")))
        .confidence(Confidence.HIGH)
        .path(target)
        .lines(line, JsonFields.line(m.path("CauseMetadata"), "EndLine", line))
        .evidence(Evidence.Kind.TEXT, m.path("Message").asText(""))
        .owasp(OwaspTop10.A05.id())
        .build();
  }

  private static RawFinding secret(JsonNode s, String target) {
    String match = s.path("Match").asText("");
    String rule = s.path("RuleID").asText("secret");
    int line = JsonFields.line(s, "StartLine", 0);
    return RawFinding.builder("secret." + rule)
        .nativeRuleId(rule)
        .title("Secret (" + s.path("Title").asText(rule) + ") in " + target)
        .description(
            "Trivy found a "
                + s.path("Title").asText(rule)
                + " in "
                + target
                + ". Rotate it and move it out of the code.")
        .category(Category.SECURITY)
        .severity(severity(s.path("Severity").asText("HIGH")))
        .confidence(Confidence.MEDIUM)
        .path(target)
        .lines(line, JsonFields.line(s, "EndLine", line))
        .sourceLine(Secrets.hash(match))
        .keyEvidence(Secrets.hash(match))
        .evidence(Evidence.Kind.TEXT, Secrets.mask(match))
        .cwe(798)
        .owasp(OwaspTop10.A07.id())
        .build();
  }
}
