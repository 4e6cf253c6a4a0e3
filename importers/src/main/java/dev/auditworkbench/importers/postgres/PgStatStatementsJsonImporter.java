package dev.auditworkbench.importers.postgres;

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

/**
 * pg_stat_statements exported as JSON: an array of rows ({@code SELECT json_agg(s) FROM
 * pg_stat_statements s}) or one row object per line; PG 12 and PG 13+ column names. Streams the
 * rows one by one.
 */
public final class PgStatStatementsJsonImporter implements Importer {
  static final String FORMAT = "pg_stat_statements JSON";

  @Override
  public String id() {
    return "pg-stat-statements-json";
  }

  @Override
  public String displayName() {
    return "pg_stat_statements (JSON)";
  }

  @Override
  public String tool() {
    return "pg_stat_statements";
  }

  @Override
  public String description() {
    return "Cumulative statement statistics from pg_stat_statements (JSON rows, PG 12 to 17).";
  }

  @Override
  public double detect(FileSample sample) {
    if (sample.binary()) {
      return 0;
    }
    String head = sample.trimmedHead();
    int window = Math.min(head.length(), 4000);
    String start = head.substring(0, window);
    return (start.startsWith("[") || start.startsWith("{")) && start.contains("\"query\"") && start.contains("\"calls\"")
        && (start.contains("\"total_exec_time\"") || start.contains("\"total_time\"")) ? 0.95 : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    long rows = 0;
    try (InputStream in = input.open(); JsonInput json = new JsonInput(input.path(), in, FORMAT)) {
      JsonToken t = json.next();
      boolean array = t == JsonToken.START_ARRAY;
      if (array) {
        t = json.next();
      }
      while (t == JsonToken.START_OBJECT) {
        long line = json.line();
        JsonNode row = json.readTree();
        JsonNode total = row.has("total_exec_time") ? row.get("total_exec_time") : row.get("total_time");
        JsonNode max = row.has("max_exec_time") ? row.get("max_exec_time") : row.get("max_time");
        if (!row.path("query").isTextual() || !row.path("calls").isNumber() || total == null || !total.isNumber()) {
          throw json.errorAtLine(line, "a row needs query, calls and total_exec_time (or total_time)");
        }
        rows++;
        sink.recordRead();
        sink.statementStats(row.get("query").asText(), row.get("calls").asLong(), total.asDouble(),
            max == null ? 0 : max.asDouble(), row.path("rows").asLong(-1));
        t = json.next();
        if (array && t == JsonToken.END_ARRAY) {
          t = json.next();
          array = false;
        }
      }
      if (t != null) {
        throw json.error("expected a row object, found " + t);
      }
    }
    if (rows == 0) {
      throw BadInputException.whole(input.path(), FORMAT, "no pg_stat_statements row found");
    }
  }
}
