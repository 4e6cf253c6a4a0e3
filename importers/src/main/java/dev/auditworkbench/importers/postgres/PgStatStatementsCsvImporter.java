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
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * pg_stat_statements exported as CSV with a header ({@code psql --csv -c "SELECT * FROM
 * pg_stat_statements"}, {@code \copy ... CSV HEADER}, a GUI's CSV export); the columns are found by
 * meaning ({@link StatementColumns}: PG 12 and 13+ names, unit suffixes, title case, mean without
 * total), and the import's summary says which were read.
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
    List<String> header = CsvReader.header(sample);
    return header != null && StatementColumns.of(header) != null ? 0.95 : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(input.open(), StandardCharsets.UTF_8), 1 << 16)) {
      CsvReader csv = new CsvReader(r);
      List<String> header = csv.next();
      StatementColumns cols = header == null ? null : StatementColumns.of(header);
      if (cols == null) {
        throw BadInputException.atLine(
            input.path(),
            1,
            FORMAT,
            "the header needs query, calls and total_exec_time (or total_time, total_exec_time_ms, mean_exec_time...)"
                + " columns; found "
                + header);
      }
      sink.note(cols.note());
      List<String> rec;
      while ((rec = csv.next()) != null) {
        csv.checkWidth(input, rec, header, FORMAT);
        sink.recordRead();
        try {
          long calls = Long.parseLong(rec.get(cols.calls()).strip());
          sink.statementStats(
              rec.get(cols.query()),
              calls,
              cols.totalMs(Double.parseDouble(rec.get(cols.total()).strip()), calls),
              number(rec, cols.max()) * cols.maxScale(),
              cols.rows() < 0 || rec.get(cols.rows()).isBlank()
                  ? -1
                  : Long.parseLong(rec.get(cols.rows()).strip()));
        } catch (NumberFormatException e) {
          throw BadInputException.atLine(
              input.path(), csv.recordLine(), FORMAT, "not a number: " + e.getMessage());
        }
      }
    }
  }

  private static double number(List<String> rec, int col) {
    return col < 0 || rec.get(col).isBlank() ? 0 : Double.parseDouble(rec.get(col).strip());
  }
}
