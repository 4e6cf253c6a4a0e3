package dev.auditworkbench.importers.postgres;

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
import java.util.Iterator;
import java.util.List;

/**
 * The same index usage export as {@link PgIndexUsageImporter}, as JSON: the query in docs/cli.md
 * wrapped in {@code SELECT json_agg(t) FROM (...) t} (psql -At), or any array of objects with the
 * view's column names. The first object's keys are the header; the findings are the CSV's.
 */
public final class PgIndexUsageJsonImporter implements Importer {
  static final String FORMAT = "PostgreSQL index usage JSON (json_agg of pg_stat_user_indexes)";

  @Override
  public String id() {
    return "pg-index-usage-json";
  }

  @Override
  public String displayName() {
    return "PostgreSQL index usage (JSON)";
  }

  @Override
  public String tool() {
    return "pg_stat_user_indexes";
  }

  @Override
  public String description() {
    return "Index usage and size from pg_stat_user_indexes as a JSON array (json_agg of the query in docs/cli.md): unused, duplicate and redundant indexes, tables read by sequential scans.";
  }

  @Override
  public double detect(FileSample sample) {
    String head = sample.trimmedHead();
    return !sample.binary()
            && head.startsWith("[")
            && head.contains("\"indexrelname\"")
            && head.contains("\"idx_scan\"")
        ? 0.95
        : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    try (InputStream in = input.open();
        JsonInput json = new JsonInput(input.path(), in, FORMAT)) {
      PgIndexUsageImporter.Rows[] rows = new PgIndexUsageImporter.Rows[1];
      List<String> header = new ArrayList<>();
      json.forEachElement(
          "an index usage export",
          (entry, line) -> {
            if (rows[0] == null) {
              for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
                header.add(names.next());
              }
              rows[0] = new PgIndexUsageImporter.Rows(input.path(), FORMAT, header);
            }
            List<String> rec = new ArrayList<>(header.size());
            for (String name : header) {
              JsonNode v = entry.get(name);
              rec.add(v == null || v.isNull() ? "" : v.asText());
            }
            rows[0].add(rec, line, sink);
          });
      if (rows[0] != null) {
        PgIndexUsageImporter.report(rows[0], sink);
      }
    }
  }
}
