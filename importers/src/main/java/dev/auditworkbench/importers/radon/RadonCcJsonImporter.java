package dev.auditworkbench.importers.radon;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
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
import java.io.IOException;
import java.io.InputStream;

/**
 * radon's cyclomatic complexity as JSON ({@code radon cc -j -s}): per file, its functions, methods
 * and classes with complexity and rank. Functions and methods above complexity 10 (rank C and
 * worse) become findings with the rule key the repository scan uses for the same check
 * ("complexity.function"), so radon and the scan report one finding with two sources. Files radon
 * could not parse are warnings.
 */
public final class RadonCcJsonImporter implements Importer {
  static final String FORMAT = "radon cc JSON (radon cc -j)";

  /** Same rule key as the scan's ComplexFunction rule. */
  public static final String RULE_KEY = "complexity.function";

  static final int THRESHOLD = 10;

  @Override
  public String id() {
    return "radon-cc-json";
  }

  @Override
  public String displayName() {
    return "radon cc JSON";
  }

  @Override
  public String tool() {
    return "radon";
  }

  @Override
  public String description() {
    return "radon cyclomatic complexity; functions above 10 (rank C-F) become findings, shared with the scan's own check.";
  }

  @Override
  public double detect(FileSample sample) {
    String head = sample.trimmedHead();
    return !sample.binary()
            && head.startsWith("{")
            && head.contains("\"complexity\"")
            && head.contains("\"rank\"")
            && head.contains("\"col_offset\"")
        ? 0.95
        : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    try (InputStream in = input.open();
        JsonInput json = new JsonInput(input.path(), in, FORMAT)) {
      if (json.next() != JsonToken.START_OBJECT) {
        throw json.error("a radon cc report is a JSON object of files");
      }
      while (json.next() == JsonToken.FIELD_NAME) {
        String file = json.parser().currentName();
        json.next();
        long line = json.line();
        JsonNode blocks = json.readTree();
        sink.scanned(file);
        if (blocks.isObject() && blocks.has("error")) {
          sink.warn(line, "radon could not parse " + file + ": " + blocks.path("error").asText());
          continue;
        }
        if (!blocks.isArray()) {
          throw json.errorAtLine(
              line, "the entry of " + file + " is neither a list of blocks nor an error");
        }
        for (JsonNode b : blocks) {
          sink.recordRead();
          String type = b.path("type").asText("");
          int complexity = b.path("complexity").asInt(0);
          if (type.equals("class") || complexity <= THRESHOLD) {
            continue;
          }
          String name =
              type.equals("method")
                  ? b.path("classname").asText("") + "." + b.path("name").asText("")
                  : b.path("name").asText("");
          String rank = b.path("rank").asText("");
          sink.accept(
              RawFinding.builder(RULE_KEY)
                  .nativeRuleId("cc-" + rank)
                  .title(
                      "Complex function: "
                          + name
                          + " (complexity "
                          + complexity
                          + ", rank "
                          + rank
                          + ")")
                  .description(
                      name
                          + " has cyclomatic complexity "
                          + complexity
                          + " (radon rank "
                          + rank
                          + ").")
                  .category(Category.MAINTAINABILITY)
                  .severity(
                      complexity > 30
                          ? Severity.HIGH
                          : complexity > 20 ? Severity.MEDIUM : Severity.LOW)
                  .confidence(Confidence.HIGH)
                  .path(file)
                  .lines(JsonFields.line(b, "lineno", 0), JsonFields.line(b, "endline", 0))
                  .evidence(
                      Evidence.Kind.TEXT,
                      type
                          + " "
                          + name
                          + ": lines "
                          + b.path("lineno").asInt(0)
                          + "-"
                          + b.path("endline").asInt(0)
                          + ", complexity "
                          + complexity
                          + " (radon)")
                  .defaultEffort(Effort.of(complexity > 20 ? Effort.Size.M : Effort.Size.S))
                  .build());
        }
      }
    }
  }
}
