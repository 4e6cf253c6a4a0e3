package dev.auditworkbench.importers.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.testing.CollectingSink;
import dev.auditworkbench.engine.testing.FileInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL 15's index statistics after a workload on a Django-shaped table
 * (src/test/pg-capture/capture-index-usage.sh): the unused, duplicate and redundant indexes are
 * exactly the planted ones, and unique indexes, the primary key and the used ones are left alone.
 */
class PgIndexUsageImporterTest {
  private static final Path SAMPLES =
      Path.of("src/test/resources/samples/postgres").toAbsolutePath();
  @TempDir Path dir;

  private static List<String> read(String file, CollectingSink sink) throws Exception {
    Path path = SAMPLES.resolve(file);
    PgIndexUsageImporter importer = new PgIndexUsageImporter();
    assertTrue(importer.detect(new FileSample(path, Files.readString(path), false)) > 0.5, file);
    assertEquals(
        0,
        new PgStatStatementsCsvImporter()
            .detect(new FileSample(path, Files.readString(path), false)));
    importer.parse(new FileInput(path, Map.of()), sink);
    return sink.findings.stream().map(f -> f.ruleKey() + " " + f.symbol()).sorted().toList();
  }

  @Test
  void theQuerysExportGivesUnusedDuplicateAndRedundantIndexes() throws Exception {
    CollectingSink sink = new CollectingSink();
    assertEquals(
        List.of(
            // invoice_status_copy and the db_index one index the same column; neither is scanned
            "pg_indexes.duplicate pg-index invoices_invoice invoices_invoice_status_8c1d4e2b status",
            // tenant_id leads the unique (tenant_id, number); the partial index does not count
            "pg_indexes.redundant pg-index invoices_invoice invoice_tenant_idx tenant_id",
            "pg_indexes.unused pg-index invoices_invoice invoice_currency_idx currency",
            "pg_indexes.unused pg-index invoices_invoice invoice_status_copy status"),
        read("index-usage.csv", sink));
    assertEquals(9, sink.recordsRead);
    // The primary key of invoices_invoice was never scanned either: a primary key is never
    // reported.
    assertTrue(
        sink.findings.stream().noneMatch(f -> f.symbol().contains("_pkey")),
        sink.findings.toString());
    var unused =
        sink.findings.stream()
            .filter(f -> f.symbol().contains("invoice_currency_idx"))
            .findFirst()
            .orElseThrow();
    assertTrue(unused.description().contains("never scanned since 2026-"), unused.description());
    assertTrue(
        unused.evidence().get(0).text().contains("448 kB; 66,500 row writes to invoices_invoice"),
        unused.evidence().toString());
  }

  @Test
  void theBareViewGivesUnusedIndexesOnlyAndSaysWhy() throws Exception {
    CollectingSink sink = new CollectingSink();
    assertEquals(
        List.of(
            "pg_indexes.unused pg-index invoices_invoice invoice_currency_idx ",
            "pg_indexes.unused pg-index invoices_invoice invoice_status_copy ",
            "pg_indexes.unused pg-index invoices_invoice invoice_tenant_idx ",
            "pg_indexes.unused pg-index invoices_invoice invoices_invoice_status_8c1d4e2b "),
        read("index-usage-view-only.csv", sink));
    assertTrue(
        sink.notes.stream().anyMatch(n -> n.contains("no index definitions")),
        sink.notes.toString());
  }

  @Test
  void aShortRowIsRefusedWithItsLine() throws Exception {
    Path bad = dir.resolve("indexes.csv");
    Files.writeString(
        bad, "relname,indexrelname,idx_scan\ninvoices_invoice,a_idx,0\ninvoices_invoice,b_idx\n");
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                new PgIndexUsageImporter()
                    .parse(new FileInput(bad, Map.of()), new CollectingSink()));
    assertTrue(e.getMessage().contains("indexes.csv"), e.getMessage());
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    assertTrue(e.getMessage().contains(PgIndexUsageImporter.FORMAT), e.getMessage());
  }

  @Test
  void theSameQueryAsJsonGivesTheSameFindings() throws Exception {
    // index-usage.json is the same query's rows from another run of the capture script, as
    // json_agg writes them (numbers and booleans as JSON values, the definition a string).
    Path json = SAMPLES.resolve("index-usage.json");
    PgIndexUsageJsonImporter importer = new PgIndexUsageJsonImporter();
    FileSample sample = new FileSample(json, Files.readString(json), false);
    assertTrue(importer.detect(sample) > 0.5);
    assertEquals(0, new PgIndexUsageImporter().detect(sample));
    CollectingSink fromJson = new CollectingSink();
    importer.parse(new FileInput(json, Map.of()), fromJson);
    CollectingSink fromCsv = new CollectingSink();
    List<String> csv = read("index-usage.csv", fromCsv);
    assertEquals(
        csv, fromJson.findings.stream().map(f -> f.ruleKey() + " " + f.symbol()).sorted().toList());
    assertEquals(
        fromCsv.findings.stream().map(f -> f.title()).sorted().toList(),
        fromJson.findings.stream().map(f -> f.title()).sorted().toList());
    assertEquals(9, fromJson.recordsRead);

    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad, "[{\"relname\": \"t\", \"indexrelname\": \"i\", \"idx_scan\": \"many\"}]");
    BadInputException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            BadInputException.class,
            () -> importer.parse(new FileInput(bad, Map.of()), new CollectingSink()));
    assertTrue(e.getMessage().startsWith(bad + ", line 1"), e.getMessage());
    assertTrue(e.getMessage().contains(PgIndexUsageJsonImporter.FORMAT), e.getMessage());
  }

  @Test
  void smallIndexesOnTablesHardlyWrittenToAreCountedNotReported() throws Exception {
    // django.contrib.auth's group permissions as the demo's capture exported them (no row): the
    // foreign key index on group_id leads the unique (group_id, permission_id) and the one on
    // permission_id was never scanned, but 8 kB on an empty table costs nothing.
    Path small = dir.resolve("auth-indexes.csv");
    Files.writeString(
        small,
        "schemaname,relname,indexrelname,idx_scan,idx_tup_read,idx_tup_fetch,index_bytes,is_unique,is_primary,backs_constraint,indexdef,seq_scan,seq_tup_read,n_live_tup,n_tup_ins,n_tup_upd,n_tup_del,stats_reset"
            + "\n"
            + "public,auth_group_permissions,auth_group_permissions_group_id_b120cbf9,0,0,0,8192,f,f,f,CREATE INDEX auth_group_permissions_group_id_b120cbf9 ON public.auth_group_permissions USING btree (group_id),6,0,0,0,0,0,"
            + "\n"
            + "public,auth_group_permissions,auth_group_permissions_group_id_permission_id_0cd325b0_uniq,0,0,0,8192,t,f,t,\"CREATE UNIQUE INDEX auth_group_permissions_group_id_permission_id_0cd325b0_uniq ON public.auth_group_permissions USING btree (group_id, permission_id)\",6,0,0,0,0,0,"
            + "\n"
            + "public,auth_group_permissions,auth_group_permissions_permission_id_84c5c92e,0,0,0,8192,f,f,f,CREATE INDEX auth_group_permissions_permission_id_84c5c92e ON public.auth_group_permissions USING btree (permission_id),6,0,0,0,0,0,"
            + "\n"
            + "public,auth_group_permissions,auth_group_permissions_pkey,0,0,0,8192,t,t,t,CREATE UNIQUE INDEX auth_group_permissions_pkey ON public.auth_group_permissions USING btree (id),6,0,0,0,0,0,"
            + "\n");
    CollectingSink sink = new CollectingSink();
    new PgIndexUsageImporter().parse(new FileInput(small, Map.of()), sink);
    assertEquals(List.of(), sink.findings.stream().map(f -> f.title()).toList());
    assertEquals(
        List.of(
            "2 unused or redundant indexes under 1 MB on tables with fewer than 10,000 row writes"
                + " since the statistics were last reset left out (dropping them gains nothing"
                + " measurable): auth_group_permissions_group_id_b120cbf9,"
                + " auth_group_permissions_permission_id_84c5c92e"),
        sink.notes);
  }
}
