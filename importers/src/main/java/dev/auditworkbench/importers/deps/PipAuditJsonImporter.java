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
 * pip-audit's JSON ({@code pip-audit -f json}): before 2.0 an array of dependencies, since 2.0
 * {"dependencies": [...], "fixes": [...]}. Each vulnerability of each dependency is a finding;
 * pip-audit gives no severity, so they are medium until triaged; skipped dependencies (not on PyPI)
 * are warnings.
 */
public final class PipAuditJsonImporter implements Importer {
  static final String FORMAT = "pip-audit JSON (pip-audit -f json)";

  @Override
  public String id() {
    return "pip-audit-json";
  }

  @Override
  public String displayName() {
    return "pip-audit JSON";
  }

  @Override
  public String tool() {
    return "pip-audit";
  }

  @Override
  public String description() {
    return "Known vulnerabilities of installed Python packages (PYSEC/GHSA/CVE) with fixed versions.";
  }

  @Override
  public double detect(FileSample sample) {
    String head = sample.trimmedHead();
    if (sample.binary() || !head.contains("\"vulns\"") && !head.contains("\"skip_reason\"")) {
      return 0;
    }
    boolean shape =
        head.startsWith("[") || head.startsWith("{") && head.contains("\"dependencies\"");
    return shape && head.contains("\"name\"") && head.contains("\"version\"") ? 0.95 : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    try (InputStream in = input.open();
        JsonInput json = new JsonInput(input.path(), in, FORMAT)) {
      JsonToken first = json.next();
      if (first == JsonToken.START_ARRAY) {
        readDependencies(json, sink);
        return;
      }
      if (first != JsonToken.START_OBJECT) {
        throw json.error("a pip-audit report is a JSON array or object");
      }
      boolean sawDependencies = false;
      while (json.next() == JsonToken.FIELD_NAME) {
        String field = json.parser().currentName();
        JsonToken value = json.next();
        if (field.equals("dependencies") && value == JsonToken.START_ARRAY) {
          readDependencies(json, sink);
          sawDependencies = true;
        } else {
          json.skip();
        }
      }
      if (!sawDependencies) {
        throw json.error("no \"dependencies\" array: not a pip-audit report");
      }
    }
  }

  private static void readDependencies(JsonInput json, FindingSink sink)
      throws IOException, BadInputException {
    while (json.next() == JsonToken.START_OBJECT) {
      long line = json.line();
      JsonNode dep = json.readTree();
      sink.recordRead();
      String name = dep.path("name").asText("");
      if (name.isEmpty()) {
        throw json.errorAtLine(line, "dependency without a name");
      }
      if (dep.has("skip_reason")) {
        sink.warn(line, "pip-audit skipped " + name + ": " + dep.path("skip_reason").asText());
        continue;
      }
      for (JsonNode v : dep.path("vulns")) {
        List<String> aliases = new ArrayList<>();
        v.path("aliases").forEach(a -> aliases.add(a.asText()));
        List<String> fixes = new ArrayList<>();
        v.path("fix_versions").forEach(f -> fixes.add(f.asText()));
        var b =
            Vulnerabilities.finding(
                name,
                dep.path("version").asText(""),
                v.path("id").asText(""),
                aliases,
                String.join(" or ", fixes),
                Severity.MEDIUM,
                "",
                v.path("description").asText(""),
                null);
        b.cwe(1395).owasp(OwaspTop10.A06.id());
        sink.accept(b.build());
      }
    }
  }
}
