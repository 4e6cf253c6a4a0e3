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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pg_stat_statements exported as JSON: an array of rows ({@code SELECT json_agg(s) FROM
 * pg_stat_statements s}), one row object per line, or a tool's export of the json_agg result (one
 * row holding the array); columns found by meaning ({@link StatementColumns}), named in the
 * import's summary. Streams the rows one by one.
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
    String start = head.substring(0, Math.min(head.length(), 4000)).toLowerCase(Locale.ROOT);
    if (!start.startsWith("[") && !start.startsWith("{")) {
      return 0;
    }
    Matcher keys = Pattern.compile("\"([^\"]{1,60})\"\\s*:").matcher(start);
    List<String> names = new ArrayList<>();
    while (keys.find()) {
      names.add(keys.group(1));
    }
    return StatementColumns.of(names) != null ? 0.95 : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    long[] rows = {0};
    StatementColumns[] cols = {null};
    try (InputStream in = input.open();
        JsonInput json = new JsonInput(input.path(), in, FORMAT)) {
      JsonToken t = json.next();
      boolean array = t == JsonToken.START_ARRAY;
      if (array) {
        t = json.next();
      }
      while (t == JsonToken.START_OBJECT) {
        long line = json.line();
        JsonNode row = json.readTree();
        // A tool's export of "SELECT json_agg(s) ...": one row whose only value is the array of
        // rows.
        if (row.size() == 1 && row.elements().next().isArray()) {
          for (JsonNode inner : row.elements().next()) {
            row(json, line, inner, cols, sink, rows);
          }
        } else {
          row(json, line, row, cols, sink, rows);
        }
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
    if (rows[0] == 0) {
      throw BadInputException.whole(input.path(), FORMAT, "no pg_stat_statements row found");
    }
  }

  private static void row(
      JsonInput json,
      long line,
      JsonNode row,
      StatementColumns[] cols,
      FindingSink sink,
      long[] rows)
      throws BadInputException {
    List<String> names = new ArrayList<>();
    row.fieldNames().forEachRemaining(names::add);
    if (cols[0] == null) {
      cols[0] = StatementColumns.of(names);
      if (cols[0] == null) {
        throw json.errorAtLine(
            line,
            "a row needs query, calls and total_exec_time (or total_time, total_exec_time_ms,"
                + " mean_exec_time...); found "
                + names);
      }
      sink.note(cols[0].note());
    }
    StatementColumns c = cols[0];
    JsonNode query = c.query() < names.size() ? row.get(names.get(c.query())) : null;
    JsonNode calls = c.calls() < names.size() ? row.get(names.get(c.calls())) : null;
    JsonNode total = c.total() < names.size() ? row.get(names.get(c.total())) : null;
    if (query == null
        || !query.isTextual()
        || calls == null
        || !isNumber(calls)
        || total == null
        || !isNumber(total)) {
      throw json.errorAtLine(
          line, "a row needs a text query and numbers for calls and the total (or mean) time");
    }
    JsonNode max = c.max() >= 0 && c.max() < names.size() ? row.get(names.get(c.max())) : null;
    JsonNode rowCount =
        c.rows() >= 0 && c.rows() < names.size() ? row.get(names.get(c.rows())) : null;
    rows[0]++;
    sink.recordRead();
    long n = calls.asLong();
    sink.statementStats(
        query.asText(),
        n,
        c.totalMs(total.asDouble(), n),
        max == null || !isNumber(max) ? 0 : max.asDouble() * c.maxScale(),
        rowCount == null ? -1 : rowCount.asLong(-1));
  }

  /** A number, or a number written as a string (CSV-minded exports quote everything). */
  private static boolean isNumber(JsonNode n) {
    if (n.isNumber()) {
      return true;
    }
    if (!n.isTextual()) {
      return false;
    }
    try {
      Double.parseDouble(n.asText().strip());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
