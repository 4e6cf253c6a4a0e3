package dev.auditworkbench.importers.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.engine.testing.CollectingSink;
import dev.auditworkbench.engine.testing.FileInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * One pg_stat_statements snapshot of PostgreSQL 15 exported six ways
 * (src/test/pg-capture/capture-pgss.sh): every export is detected and gives the same statements
 * with the same calls and total time, and the import's summary names the columns it read.
 */
class PgStatStatementsVariantsTest {
  private static final Path SAMPLES =
      Path.of("src/test/resources/samples/postgres").toAbsolutePath();

  private static Map<String, double[]> read(Importer importer, String file, CollectingSink sink)
      throws Exception {
    Path path = SAMPLES.resolve(file);
    assertTrue(
        importer.detect(new FileSample(path, Files.readString(path), false)) > 0.5,
        file + " detected");
    importer.parse(new FileInput(path, Map.of()), sink);
    Map<String, double[]> out = new TreeMap<>();
    for (Object[] s : sink.statementStats) {
      out.put(
          (String) s[0],
          new double[] {((Number) s[1]).doubleValue(), ((Number) s[2]).doubleValue()});
    }
    return out;
  }

  @Test
  void everyExportGivesTheSameStatementsCallsAndTime() throws Exception {
    CollectingSink base = new CollectingSink();
    Map<String, double[]> expected =
        read(new PgStatStatementsCsvImporter(), "pgss-psql-csv.csv", base);
    assertEquals(4, expected.size(), "the workload's four statements");
    assertEquals(30, expected.get("SELECT id, name FROM item WHERE id = $1")[0]);
    for (String file :
        List.of(
            "pgss-copy-ms.csv",
            "pgss-copy-mean-only.csv",
            "pgss-titlecase.csv",
            "pgss-json-agg.json",
            "pgss-json-agg-export.json")) {
      Importer importer =
          file.endsWith(".json")
              ? new PgStatStatementsJsonImporter()
              : new PgStatStatementsCsvImporter();
      CollectingSink sink = new CollectingSink();
      Map<String, double[]> got = read(importer, file, sink);
      assertEquals(expected.keySet(), got.keySet(), file);
      for (String q : expected.keySet()) {
        assertEquals(expected.get(q)[0], got.get(q)[0], file + " calls of " + q);
        assertEquals(
            expected.get(q)[1],
            got.get(q)[1],
            1e-6 * Math.max(1, expected.get(q)[1]),
            file + " time of " + q);
      }
      assertEquals(1, sink.notes.size(), file);
    }
  }

  @Test
  void theSummaryNamesTheColumnsRead() throws Exception {
    CollectingSink ms = new CollectingSink();
    read(new PgStatStatementsCsvImporter(), "pgss-copy-ms.csv", ms);
    assertEquals(
        List.of(
            "pg_stat_statements columns read: query from 'query'; calls from 'calls'; total time from"
                + " 'total_exec_time_ms' (ms); max from 'max_exec_time_ms' (ms); rows from 'rows'"),
        ms.notes);
    CollectingSink mean = new CollectingSink();
    read(new PgStatStatementsCsvImporter(), "pgss-copy-mean-only.csv", mean);
    assertTrue(
        mean.notes.get(0).contains("total time = calls x 'mean_exec_time_ms' (ms)"),
        mean.notes.toString());
    CollectingSink title = new CollectingSink();
    read(new PgStatStatementsCsvImporter(), "pgss-titlecase.csv", title);
    assertTrue(
        title.notes.get(0).contains("total time from 'Total Exec Time' (ms)"),
        title.notes.toString());
  }

  @Test
  void secondsAreReadAsSeconds() {
    StatementColumns cols = StatementColumns.of(List.of("query", "calls", "total_time_s"));
    assertEquals(2500.0, cols.totalMs(2.5, 10));
    assertEquals(
        null,
        StatementColumns.of(List.of("query", "total_exec_time")),
        "no calls: not pg_stat_statements");
  }
}
