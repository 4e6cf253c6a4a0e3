package dev.auditworkbench.app.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Large reports in the real tools' layouts for the import benchmark: distinct results over 2,000
 * files and 20 rules, written as a stream.
 */
final class BenchReports {
  private BenchReports() {}

  static void write(String format, Path target, int results) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(target.toFile(), JsonEncoding.UTF8)) {
      if (format.equals("sarif")) {
        sarif(g, results);
      } else {
        semgrep(g, results);
      }
    }
  }

  private static void semgrep(JsonGenerator g, int n) throws IOException {
    g.writeStartObject();
    g.writeStringField("version", "1.100.0");
    g.writeArrayFieldStart("results");
    for (int i = 0; i < n; i++) {
      g.writeStartObject();
      g.writeStringField("check_id", "python.django.security.injection.sql.rule-" + (i % 20));
      g.writeStringField("path", "app/module_" + (i % 2000) + ".py");
      g.writeObjectFieldStart("start");
      g.writeNumberField("line", 10 + i / 2000);
      g.writeNumberField("col", 5);
      g.writeEndObject();
      g.writeObjectFieldStart("end");
      g.writeNumberField("line", 10 + i / 2000);
      g.writeNumberField("col", 60);
      g.writeEndObject();
      g.writeObjectFieldStart("extra");
      g.writeStringField("message", "Detected SQL built with string formatting; use parameters.");
      g.writeStringField("severity", "ERROR");
      g.writeStringField(
          "lines", "    cursor.execute(\"SELECT * FROM t WHERE id = %s\" % ids[" + i + "])");
      g.writeObjectFieldStart("metadata");
      g.writeArrayFieldStart("cwe");
      g.writeString("CWE-89: Improper Neutralization of Special Elements used in an SQL Command");
      g.writeEndArray();
      g.writeStringField("confidence", "HIGH");
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("errors");
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void sarif(JsonGenerator g, int n) throws IOException {
    g.writeStartObject();
    g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    g.writeStringField("version", "2.1.0");
    g.writeArrayFieldStart("runs");
    g.writeStartObject();
    g.writeObjectFieldStart("tool");
    g.writeObjectFieldStart("driver");
    g.writeStringField("name", "CodeQL");
    g.writeStringField("semanticVersion", "2.19.0");
    g.writeArrayFieldStart("rules");
    for (int r = 0; r < 20; r++) {
      g.writeStartObject();
      g.writeStringField("id", "py/sql-injection-" + r);
      g.writeObjectFieldStart("properties");
      g.writeArrayFieldStart("tags");
      g.writeString("security");
      g.writeString("external/cwe/cwe-089");
      g.writeEndArray();
      g.writeStringField("security-severity", "8.8");
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
    g.writeArrayFieldStart("results");
    for (int i = 0; i < n; i++) {
      g.writeStartObject();
      g.writeStringField("ruleId", "py/sql-injection-" + (i % 20));
      g.writeNumberField("ruleIndex", i % 20);
      g.writeObjectFieldStart("message");
      g.writeStringField("text", "This SQL query depends on a user-provided value.");
      g.writeEndObject();
      g.writeArrayFieldStart("locations");
      g.writeStartObject();
      g.writeObjectFieldStart("physicalLocation");
      g.writeObjectFieldStart("artifactLocation");
      g.writeStringField("uri", "app/module_" + (i % 2000) + ".py");
      g.writeStringField("uriBaseId", "%SRCROOT%");
      g.writeEndObject();
      g.writeObjectFieldStart("region");
      g.writeNumberField("startLine", 10 + i / 2000);
      g.writeObjectFieldStart("snippet");
      g.writeStringField(
          "text", "cursor.execute(\"SELECT * FROM t WHERE id = %s\" % ids[" + i + "])");
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndArray();
      g.writeObjectFieldStart("partialFingerprints");
      g.writeStringField("primaryLocationLineHash", Integer.toHexString(i * 7919) + ":1");
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
  }
}
