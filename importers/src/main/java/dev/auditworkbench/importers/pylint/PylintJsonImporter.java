package dev.auditworkbench.importers.pylint;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.importers.common.JsonFields;
import dev.auditworkbench.importers.common.JsonInput;
import java.io.IOException;
import java.io.InputStream;

/**
 * pylint's JSON output ({@code pylint --output-format=json}): one message per entry with type
 * (fatal, error, warning, refactor, convention, info), message-id, symbol, path, line and obj.
 * Errors are likely bugs (medium); warnings low; refactor, convention and info are kept as info so
 * they can be filtered rather than lost.
 */
public final class PylintJsonImporter implements Importer {
  static final String FORMAT = "pylint JSON (pylint --output-format=json)";

  @Override
  public String id() {
    return "pylint-json";
  }

  @Override
  public String displayName() {
    return "pylint JSON";
  }

  @Override
  public String tool() {
    return "pylint";
  }

  @Override
  public String description() {
    return "pylint messages (errors, warnings, refactor and convention) with their symbols.";
  }

  @Override
  public double detect(FileSample sample) {
    String head = sample.trimmedHead();
    return !sample.binary()
            && head.startsWith("[")
            && head.contains("\"message-id\"")
            && head.contains("\"symbol\"")
        ? 0.95
        : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    try (InputStream in = input.open();
        JsonInput json = new JsonInput(input.path(), in, FORMAT)) {
      json.forEachElement(
          "a pylint report",
          (m, line) -> {
            sink.recordRead();
            String id = m.path("message-id").asText("");
            String path = m.path("path").asText("");
            if (id.isEmpty() || path.isEmpty()) {
              throw json.errorAtLine(line, "message without \"message-id\" or \"path\"");
            }
            String symbol = m.path("symbol").asText(id);
            String obj = m.path("obj").asText("");
            int start = JsonFields.line(m, "line", 0);
            sink.accept(
                RawFinding.builder("pylint." + id)
                    .nativeRuleId(id)
                    .title(
                        id
                            + " "
                            + symbol
                            + ": "
                            + m.path("message").asText("").lines().findFirst().orElse(""))
                    .description(m.path("message").asText(""))
                    .category(Category.MAINTAINABILITY)
                    .severity(severity(m.path("type").asText("")))
                    .confidence(Confidence.HIGH)
                    .path(path)
                    .lines(start, JsonFields.line(m, "endLine", start))
                    .symbol(
                        obj.isEmpty()
                            ? m.path("module").asText(null)
                            : m.path("module").asText("") + "." + obj)
                    .keyEvidence(m.path("message").asText(""))
                    .build());
          });
    }
  }

  static Severity severity(String type) {
    return switch (type) {
      case "fatal" -> Severity.HIGH;
      case "error" -> Severity.MEDIUM;
      case "warning" -> Severity.LOW;
      default -> Severity.INFO;
    };
  }
}
