package dev.auditworkbench.importers.coverage;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.importers.common.JsonInput;
import java.io.IOException;
import java.io.InputStream;

/** coverage.py's JSON report ({@code coverage json}): per file, statements and branches covered. */
public final class CoverageJsonImporter implements Importer {
  static final String FORMAT = "coverage.py JSON (coverage json)";

  @Override
  public String id() {
    return "coverage-json";
  }

  @Override
  public String displayName() {
    return "coverage.py JSON";
  }

  @Override
  public String tool() {
    return "coverage.py";
  }

  @Override
  public String description() {
    return "Per-file test coverage from coverage.py; large modules under 50% become testing findings.";
  }

  @Override
  public double detect(FileSample sample) {
    String head = sample.trimmedHead();
    return !sample.binary()
            && head.startsWith("{")
            && head.contains("\"meta\"")
            && head.contains("\"files\"")
            && (head.contains("\"num_statements\"")
                || head.contains("\"executed_lines\"")
                || head.contains("\"show_contexts\""))
        ? 0.95
        : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    try (InputStream in = input.open();
        JsonInput json = new JsonInput(input.path(), in, FORMAT)) {
      if (json.next() != JsonToken.START_OBJECT) {
        throw json.error("a coverage report is a JSON object");
      }
      boolean sawFiles = false;
      while (json.next() == JsonToken.FIELD_NAME) {
        String field = json.parser().currentName();
        JsonToken value = json.next();
        if (field.equals("meta")) {
          sink.toolVersion(json.readTree().path("version").asText(null));
        } else if (field.equals("files") && value == JsonToken.START_OBJECT) {
          sawFiles = true;
          while (json.next() == JsonToken.FIELD_NAME) {
            String path = json.parser().currentName();
            json.next();
            long line = json.line();
            JsonNode summary = json.readTree().path("summary");
            if (!summary.has("num_statements")) {
              throw json.errorAtLine(line, "file " + path + " has no summary.num_statements");
            }
            sink.scanned(path);
            PoorCoverage.report(
                sink,
                "coverage.py",
                path,
                summary.path("num_statements").asInt(),
                summary.path("covered_lines").asInt(),
                summary.path("num_branches").asInt(),
                summary.path("covered_branches").asInt());
          }
        } else {
          json.skip();
        }
      }
      if (!sawFiles) {
        throw json.error("no \"files\" object: not a coverage.py report");
      }
    }
  }
}
