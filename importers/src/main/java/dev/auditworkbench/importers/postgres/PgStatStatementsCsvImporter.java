package dev.auditworkbench.importers.postgres;

import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.importers.common.CsvReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * pg_stat_statements exported as CSV with a header ({@code psql --csv -c "SELECT * FROM
 * pg_stat_statements"} or {@code \copy ... CSV HEADER}); PG 12 column names (total_time, max_time)
 * and PG 13+ ones (total_exec_time, max_exec_time) alike.
 */
public final class PgStatStatementsCsvImporter implements Importer {
  static final String FORMAT = "pg_stat_statements CSV";

  @Override
  public String id() {
    return "pg-stat-statements-csv";
  }

  @Override
  public String displayName() {
    return "pg_stat_statements (CSV)";
  }

  @Override
  public String tool() {
    return "pg_stat_statements";
  }

  @Override
  public String description() {
    return "Cumulative statement statistics from pg_stat_statements (CSV with header, PG 12 to 17).";
  }

  @Override
  public double detect(FileSample sample) {
    if (sample.binary()) {
      return 0;
    }
    try {
      List<String> header = new CsvReader(new StringReader(sample.trimmedHead())).next();
      return header != null && StatementColumns.of(header) != null ? 0.95 : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(input.open(), StandardCharsets.UTF_8), 1 << 16)) {
      CsvReader csv = new CsvReader(r);
      List<String> header = csv.next();
      StatementColumns cols = header == null ? null : StatementColumns.of(header);
      if (cols == null) {
        throw BadInputException.atLine(input.path(), 1, FORMAT,
            "the header needs query, calls and total_exec_time (or total_time) columns");
      }
      List<String> rec;
      while ((rec = csv.next()) != null) {
        if (rec.size() != header.size()) {
          throw BadInputException.atLine(input.path(), csv.recordLine(), FORMAT,
              rec.size() + " columns where the header has " + header.size());
        }
        sink.recordRead();
        try {
          sink.statementStats(rec.get(cols.query()), Long.parseLong(rec.get(cols.calls())),
              Double.parseDouble(rec.get(cols.total())), number(rec, cols.max()), cols.rows() < 0 ? -1
                  : Long.parseLong(rec.get(cols.rows())));
        } catch (NumberFormatException e) {
          throw BadInputException.atLine(input.path(), csv.recordLine(), FORMAT, "not a number: " + e.getMessage());
        }
      }
    }
  }

  private static double number(List<String> rec, int col) {
    return col < 0 || rec.get(col).isEmpty() ? 0 : Double.parseDouble(rec.get(col));
  }

  /** Where the columns this reads are, by name. */
  record StatementColumns(int query, int calls, int total, int max, int rows) {
    static StatementColumns of(List<String> names) {
      int query = names.indexOf("query");
      int calls = names.indexOf("calls");
      int total = names.contains("total_exec_time") ? names.indexOf("total_exec_time") : names.indexOf("total_time");
      int max = names.contains("max_exec_time") ? names.indexOf("max_exec_time") : names.indexOf("max_time");
      if (query < 0 || calls < 0 || total < 0) {
        return null;
      }
      return new StatementColumns(query, calls, total, max, names.indexOf("rows"));
    }
  }
}
