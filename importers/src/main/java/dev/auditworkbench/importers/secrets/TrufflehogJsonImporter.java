package dev.auditworkbench.importers.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.importers.common.JsonFields;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * trufflehog's JSON lines: v2 (path, reason, stringsFound, commitHash) and v3 (SourceMetadata with
 * the file and line, DetectorName, Verified, Raw). A verified v3 secret is critical: the key worked
 * when trufflehog tried it. Secrets are masked; v2's diff is not kept (it holds them).
 */
public final class TrufflehogJsonImporter implements Importer {
  static final String FORMAT = "trufflehog JSON lines (v2 or v3)";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public String id() {
    return "trufflehog-json";
  }

  @Override
  public String displayName() {
    return "trufflehog JSON";
  }

  @Override
  public String tool() {
    return "trufflehog";
  }

  @Override
  public String description() {
    return "Secrets found by trufflehog v2 or v3 (JSON lines); verified ones are critical; masked when stored.";
  }

  @Override
  public double detect(FileSample sample) {
    String head = sample.trimmedHead();
    if (sample.binary() || !head.startsWith("{")) {
      return 0;
    }
    String first = head.lines().findFirst().orElse("");
    if (first.contains("\"SourceMetadata\"") && first.contains("\"DetectorName\"")) {
      return 0.95;
    }
    return first.contains("\"stringsFound\"") && first.contains("\"reason\"") ? 0.95 : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(input.open(), StandardCharsets.UTF_8))) {
      String text;
      long n = 0;
      while ((text = r.readLine()) != null) {
        n++;
        if (text.isBlank()) {
          continue;
        }
        JsonNode record;
        try {
          record = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
          throw new BadInputException(
              input.path(),
              n,
              e.getLocation() == null ? 0 : e.getLocation().getColumnNr(),
              -1,
              FORMAT,
              "malformed JSON line: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        sink.recordRead();
        if (record.has("SourceMetadata")) {
          v3(record, sink);
        } else if (record.has("stringsFound")) {
          v2(record, sink);
        } else {
          throw BadInputException.atLine(
              input.path(), n, FORMAT, "a line that is neither a v2 nor a v3 trufflehog record");
        }
      }
    }
  }

  private static void v3(JsonNode rec, FindingSink sink) {
    JsonNode data = rec.path("SourceMetadata").path("Data");
    JsonNode source = data.isObject() && data.size() > 0 ? data.elements().next() : data;
    String secret = rec.path("Raw").asText(rec.path("Redacted").asText(""));
    String detector = rec.path("DetectorName").asText("secret");
    boolean verified = rec.path("Verified").asBoolean(false);
    String file = source.path("file").asText("");
    sink.accept(
        GitleaksJsonImporter.secretFinding(
            "trufflehog",
            detector,
            detector,
            file,
            JsonFields.line(source, "line", 0),
            secret,
            "",
            source.path("commit").asText(""),
            source.path("email").asText(""),
            source.path("timestamp").asText(""),
            Confidence.MEDIUM,
            verified));
  }

  private static void v2(JsonNode rec, FindingSink sink) {
    List<String> found = new ArrayList<>();
    rec.path("stringsFound").forEach(s -> found.add(s.asText()));
    String secret = String.join("\n", found);
    String reason = rec.path("reason").asText("secret");
    sink.accept(
        GitleaksJsonImporter.secretFinding(
            "trufflehog",
            reason,
            reason,
            rec.path("path").asText(""),
            0,
            secret,
            "",
            rec.path("commitHash").asText(""),
            "",
            rec.path("date").asText(""),
            reason.toLowerCase(Locale.ROOT).contains("entropy")
                ? Confidence.LOW
                : Confidence.MEDIUM,
            false));
  }
}
