package dev.auditworkbench.importers.deps;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.auditworkbench.engine.model.OwaspTop10;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.importers.common.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * safety's JSON: the 2.x report ({@code safety check --output json}: report_meta, vulnerabilities[]
 * with package_name, analyzed_version, vulnerability_id, CVE, severity with CVSS, fixed_versions,
 * ignored) and the 1.x array of arrays [package, spec, version, advisory, id]. Vulnerabilities the
 * team ignored in safety stay out and are counted.
 */
public final class SafetyJsonImporter implements Importer {
  static final String FORMAT = "safety JSON (safety check --output json, 1.x or 2.x)";

  @Override
  public String id() {
    return "safety-json";
  }

  @Override
  public String displayName() {
    return "safety JSON";
  }

  @Override
  public String tool() {
    return "safety";
  }

  @Override
  public String description() {
    return "Known vulnerabilities of Python packages found by safety (2.x report or 1.x list).";
  }

  @Override
  public double detect(FileSample sample) {
    String head = sample.trimmedHead();
    if (sample.binary()) {
      return 0;
    }
    if (head.startsWith("{")
        && (head.contains("\"report_meta\"") || head.contains("\"safety_version\""))
        && head.contains("\"scanned_packages\"")) {
      return 0.95;
    }
    return head.matches("(?s)^\\[\\s*\\[\\s*\"[^\"]+\",\\s*\"[^\"]*\",\\s*\"[^\"]*\",\\s*\".*")
        ? 0.8
        : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    try (InputStream in = input.open();
        JsonInput json = new JsonInput(input.path(), in, FORMAT)) {
      JsonToken first = json.next();
      if (first == JsonToken.START_ARRAY) {
        readV1(json, sink);
        return;
      }
      if (first != JsonToken.START_OBJECT) {
        throw json.error("a safety report is a JSON object (2.x) or array (1.x)");
      }
      int ignored = 0;
      boolean sawVulnerabilities = false;
      while (json.next() == JsonToken.FIELD_NAME) {
        String field = json.parser().currentName();
        JsonToken value = json.next();
        if (field.equals("report_meta")) {
          sink.toolVersion(json.readTree().path("safety_version").asText(null));
        } else if (field.equals("vulnerabilities") && value == JsonToken.START_ARRAY) {
          sawVulnerabilities = true;
          while (json.next() == JsonToken.START_OBJECT) {
            JsonNode v = json.readTree();
            sink.recordRead();
            if (v.path("ignored").asBoolean(false)
                || v.path("ignored").isObject() && v.path("ignored").size() > 0) {
              ignored++;
              continue;
            }
            accept(sink, v);
          }
        } else {
          json.skip();
        }
      }
      if (!sawVulnerabilities) {
        throw json.error("no \"vulnerabilities\" array: not a safety 2.x report");
      }
      if (ignored > 0) {
        sink.warn(0, ignored + " vulnerabilities ignored in safety's policy were skipped");
      }
    }
  }

  private static void accept(FindingSink sink, JsonNode v) {
    List<String> aliases = new ArrayList<>();
    if (v.path("CVE").isTextual()) {
      aliases.add(v.path("CVE").asText());
    }
    List<String> fixes = new ArrayList<>();
    v.path("fixed_versions")
        .forEach(
            f -> {
              if (!f.asText("").isBlank()) {
                fixes.add(f.asText());
              }
            });
    String sev =
        v.path("severity")
            .path("cvssv3")
            .path("base_severity")
            .asText(v.path("severity").path("cvssv2").path("base_severity").asText(""));
    var b =
        Vulnerabilities.finding(
            v.path("package_name").asText(""),
            v.path("analyzed_version").asText(""),
            "PVE-" + v.path("vulnerability_id").asText(""),
            aliases,
            String.join(" or ", fixes),
            sev.isEmpty() ? Severity.MEDIUM : TrivyJsonImporter.severity(sev),
            "",
            v.path("advisory").asText(""),
            null);
    b.cwe(1395).owasp(OwaspTop10.A06.id());
    sink.accept(b.build());
  }

  private static void readV1(JsonInput json, FindingSink sink)
      throws IOException, BadInputException {
    while (json.next() == JsonToken.START_ARRAY) {
      long line = json.line();
      JsonNode row = json.readTree();
      sink.recordRead();
      if (row.size() < 5) {
        throw json.errorAtLine(
            line, "a safety 1.x entry has five fields: package, spec, version, advisory, id");
      }
      var b =
          Vulnerabilities.finding(
              row.get(0).asText(),
              row.get(2).asText(),
              "PVE-" + row.get(4).asText(),
              List.of(),
              "",
              Severity.MEDIUM,
              "",
              row.get(3).asText() + "\n\nVulnerable: " + row.get(1).asText(),
              null);
      b.cwe(1395).owasp(OwaspTop10.A06.id());
      sink.accept(b.build());
    }
  }
}
