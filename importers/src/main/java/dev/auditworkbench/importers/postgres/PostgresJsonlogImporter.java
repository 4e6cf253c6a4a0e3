package dev.auditworkbench.importers.postgres;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.importers.common.Timestamps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * PostgreSQL 15+ jsonlog: one JSON object per line (timestamp, pid, session_id, error_severity,
 * message).
 */
public final class PostgresJsonlogImporter implements Importer {
  static final String FORMAT = "PostgreSQL jsonlog";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String id() {
    return "postgres-jsonlog";
  }

  @Override
  public String displayName() {
    return "PostgreSQL log (jsonlog)";
  }

  @Override
  public String tool() {
    return "postgresql";
  }

  @Override
  public String description() {
    return "PostgreSQL 15+ server log in JSON lines (jsonlog): statements with durations and auto_explain plans.";
  }

  @Override
  public double detect(FileSample sample) {
    if (sample.binary()) {
      return 0;
    }
    String first = sample.trimmedHead().lines().findFirst().orElse("");
    return first.startsWith("{")
            && first.contains("\"error_severity\":")
            && first.contains("\"timestamp\":")
            && first.contains("\"message\":")
        ? 0.95
        : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    PostgresMessages messages = new PostgresMessages(sink);
    Timestamps ts = new Timestamps();
    long entries = 0;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(input.open(), StandardCharsets.UTF_8), 1 << 16)) {
      String text;
      long n = 0;
      while ((text = r.readLine()) != null) {
        n++;
        if (text.isBlank()) {
          continue;
        }
        Fields f;
        try {
          f = read(text);
        } catch (IOException e) {
          if (entries == 0) {
            throw BadInputException.atLine(
                input.path(),
                n,
                FORMAT,
                "not a JSON object: " + e.getMessage().lines().findFirst().orElse(""));
          }
          sink.warn(n, "not a JSON object (a line cut off?), skipped");
          continue;
        }
        long at = f.timestamp == null ? -1 : ts.isoLike(f.timestamp, 0, null);
        if (at < 0 || f.severity == null || f.message == null) {
          if (entries == 0) {
            throw BadInputException.atLine(
                input.path(),
                n,
                FORMAT,
                "a JSON object without timestamp, error_severity and message");
          }
          sink.warn(n, "a JSON object without timestamp, error_severity and message, skipped");
          continue;
        }
        entries++;
        messages.entry(n, at, f.session != null ? f.session : f.pid, f.severity, f.message);
      }
    }
    if (entries == 0) {
      throw BadInputException.whole(input.path(), FORMAT, "no jsonlog entry found");
    }
    messages.finish();
  }

  /** Reads the five fields with the streaming parser (no tree per line). */
  private static Fields read(String text) throws IOException {
    Fields f = new Fields();
    try (JsonParser p = JSON.getFactory().createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("expected '{'");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.getCurrentName();
        JsonToken t = p.nextToken();
        switch (name) {
          case "timestamp" -> f.timestamp = p.getValueAsString();
          case "pid" -> f.pid = p.getValueAsString();
          case "session_id" -> f.session = p.getValueAsString();
          case "error_severity" -> f.severity = p.getValueAsString();
          case "message" -> f.message = p.getValueAsString();
          default -> {
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
              p.skipChildren();
            }
          }
        }
      }
    }
    return f;
  }

  private static final class Fields {
    String timestamp;
    String pid;
    String session;
    String severity;
    String message;
  }
}
