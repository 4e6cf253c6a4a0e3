package dev.auditworkbench.importers.ruff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
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
import dev.auditworkbench.importers.common.Taxonomy;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * ruff's JSON output ({@code ruff check --output-format=json}): code, message, filename, location
 * row/column, fix and url; syntax errors come with a null code. Ruff's S rules are bandit's checks
 * (S608 is bandit's B608) and carry bandit's CWE, so both tools' reports of one line merge.
 */
public final class RuffJsonImporter implements Importer {
  static final String FORMAT = "ruff JSON (ruff check --output-format=json)";

  @Override
  public String id() {
    return "ruff-json";
  }

  @Override
  public String displayName() {
    return "ruff JSON";
  }

  @Override
  public String tool() {
    return "ruff";
  }

  @Override
  public String description() {
    return "ruff lint messages (pyflakes, pycodestyle, flake8-bandit S rules...) and syntax errors.";
  }

  @Override
  public double detect(FileSample sample) {
    String head = sample.trimmedHead();
    return !sample.binary()
            && head.startsWith("[")
            && head.contains("\"filename\"")
            && head.contains("\"location\"")
            && head.contains("\"noqa_row\"")
        ? 0.95
        : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    try (InputStream in = input.open();
        JsonInput json = new JsonInput(input.path(), in, FORMAT)) {
      json.forEachElement(
          "a ruff report",
          (m, line) -> {
            sink.recordRead();
            String file = m.path("filename").asText("");
            if (file.isEmpty()) {
              throw json.errorAtLine(line, "message without \"filename\"");
            }
            sink.accept(toFinding(m, file));
          });
    }
  }

  private static RawFinding toFinding(JsonNode m, String file) {
    String code = m.path("code").isNull() ? "syntax-error" : m.path("code").asText("syntax-error");
    boolean security =
        code.startsWith("S") && code.length() > 1 && Character.isDigit(code.charAt(1));
    String message = m.path("message").asText("");
    int row = JsonFields.line(m.path("location"), "row", 0);
    String fix = m.path("fix").path("message").asText("");
    RawFinding.Builder b =
        RawFinding.builder("ruff." + code)
            .nativeRuleId(code)
            .title(code + ": " + message)
            .description(
                message
                    + (fix.isEmpty() ? "" : "\n\nFix: " + fix)
                    + (m.path("url").isTextual() ? "\n\nMore info: " + m.path("url").asText() : ""))
            .category(security ? Category.SECURITY : Category.MAINTAINABILITY)
            .severity(
                code.equals("syntax-error") || security || code.startsWith("F8")
                    ? Severity.MEDIUM
                    : Severity.LOW)
            .confidence(Confidence.HIGH)
            .path(file)
            .lines(row, JsonFields.line(m.path("end_location"), "row", row))
            .keyEvidence(message);
    if (security) {
      int cwe = BanditCwe.forTest("B" + code.substring(1));
      Taxonomy.apply(b, cwe > 0 ? List.of(cwe) : List.of(), List.of());
    }
    return b.build();
  }
}
