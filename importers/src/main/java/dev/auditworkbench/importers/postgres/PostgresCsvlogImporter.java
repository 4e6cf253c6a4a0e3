package dev.auditworkbench.importers.postgres;

import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.importers.common.CsvReader;
import dev.auditworkbench.importers.common.Timestamps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * PostgreSQL's csvlog: 23 columns in PG 12, 24 in PG 13 (backend_type), 26 in PG 14 to 17
 * (leader_pid, query_id). The columns used (log_time, process_id, session_id, error_severity,
 * message) sit at the same places in all of them.
 */
public final class PostgresCsvlogImporter implements Importer {
  static final String FORMAT = "PostgreSQL csvlog";
  private static final int LOG_TIME = 0;
  private static final int PID = 3;
  private static final int SESSION = 5;
  private static final int SEVERITY = 11;
  private static final int MESSAGE = 13;

  @Override
  public String id() {
    return "postgres-csvlog";
  }

  @Override
  public String displayName() {
    return "PostgreSQL log (csvlog)";
  }

  @Override
  public String tool() {
    return "postgresql";
  }

  @Override
  public String description() {
    return "PostgreSQL server log in CSV (csvlog, PG 12 to 17): statements with durations and auto_explain plans.";
  }

  @Override
  public double detect(FileSample sample) {
    if (sample.binary()) {
      return 0;
    }
    try {
      List<String> first = new CsvReader(new StringReader(sample.head())).next();
      return first != null && looksLikeCsvlog(first, new Timestamps()) ? 0.95 : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static boolean looksLikeCsvlog(List<String> r, Timestamps ts) {
    return r.size() >= 23
        && r.size() <= 26
        && ts.isoLike(r.get(LOG_TIME), 0, null) >= 0
        && !r.get(SEVERITY).isEmpty()
        && r.get(SEVERITY).chars().allMatch(Character::isUpperCase)
        && r.get(PID).chars().allMatch(Character::isDigit);
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    PostgresMessages messages = new PostgresMessages(sink);
    Timestamps ts = new Timestamps();
    long entries = 0;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(input.open(), StandardCharsets.UTF_8), 1 << 16)) {
      CsvReader csv = new CsvReader(r);
      List<String> rec;
      while ((rec = csv.next()) != null) {
        if (!looksLikeCsvlog(rec, ts)) {
          if (entries == 0) {
            throw BadInputException.atLine(
                input.path(),
                csv.recordLine(),
                FORMAT,
                "not a csvlog record ("
                    + rec.size()
                    + " columns; expected 23 to 26 starting with log_time)");
          }
          sink.warn(csv.recordLine(), "not a csvlog record (" + rec.size() + " columns), skipped");
          continue;
        }
        entries++;
        String session = rec.get(SESSION).isEmpty() ? rec.get(PID) : rec.get(SESSION);
        messages.entry(
            csv.recordLine(),
            ts.isoLike(rec.get(LOG_TIME), 0, null),
            session,
            rec.get(SEVERITY),
            rec.get(MESSAGE));
      }
      if (csv.unclosedQuote()) {
        sink.warn(
            csv.recordLine(), "the file ends inside a quoted field (a log cut off mid-record)");
      }
    }
    if (entries == 0) {
      throw BadInputException.whole(input.path(), FORMAT, "no csvlog record found");
    }
    messages.finish();
  }
}
