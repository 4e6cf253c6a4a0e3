package dev.auditworkbench.importers.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.ingest.ImportService;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.queries.QueryAnalysis;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.spi.QueryEvent;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.testing.CollectingSink;
import dev.auditworkbench.engine.testing.FileInput;
import dev.auditworkbench.engine.testing.Resources;
import dev.auditworkbench.importers.common.Timestamps;
import dev.auditworkbench.importers.django.DjangoSqlLogImporter;
import dev.auditworkbench.importers.otel.OtlpJsonImporter;
import dev.auditworkbench.importers.web.AccessLogImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trace importers on the demo's real captures (PostgreSQL 15.20 stderr/csvlog/jsonlog of one
 * run, pg_stat_statements, EXPLAIN, Django 3.2's SQL log, nginx 1.22's access log; see
 * app/src/demo/capture.sh) and on small inputs for the layouts the demo does not use.
 */
class QueryLogImportersTest {
  private static final Path CAPTURES =
      Path.of("../app/src/main/resources/demo/captures").toAbsolutePath().normalize();

  @TempDir Path tmp;

  private static CollectingSink parse(Importer importer, Path file) throws Exception {
    CollectingSink sink = new CollectingSink();
    importer.parse(new FileInput(file), sink);
    return sink;
  }

  private static long countLines(Path file, String needle) throws Exception {
    try (var lines = Files.lines(file)) {
      return lines.filter(l -> l.contains(needle)).count();
    }
  }

  @Test
  void stderrLogGivesEveryLoggedStatementAndPlanInItsSession() throws Exception {
    Path log = CAPTURES.resolve("postgres/postgresql-stderr.log");
    CollectingSink sink = parse(new PostgresStderrImporter(), log);
    assertEquals(countLines(log, "  statement: "), sink.queries.size());
    assertEquals(countLines(log, "  plan:"), sink.plans.size());
    QueryEvent first = sink.queries.get(0);
    String line = Files.readAllLines(log).get(0);
    Matcher m =
        Pattern.compile("^(\\S+ \\S+ UTC) \\[(\\d+)\\] .*duration: ([0-9.]+) ms  statement: (.*)$")
            .matcher(line);
    assertTrue(m.matches(), line);
    assertEquals(m.group(4), first.sql());
    assertEquals(m.group(2), first.session());
    assertEquals(Double.parseDouble(m.group(3)), first.durationMs(), 1e-9);
    assertEquals(new Timestamps().isoLike(m.group(1), 0, null), first.endMs());
    assertTrue(
        sink.queries.get(1).sql().contains("\nSELECT c.relname,")
            || sink.queries.get(1).sql().contains("SELECT c.relname,"));
    assertTrue(sink.plans.get(0)[0].startsWith("SELECT COUNT(*)"), "the plan's Query Text");
  }

  @Test
  void csvlogAndJsonlogOfTheSameRunGiveTheSameStatementsAsStderr() throws Exception {
    CollectingSink stderr =
        parse(new PostgresStderrImporter(), CAPTURES.resolve("postgres/postgresql-stderr.log"));
    CollectingSink csv =
        parse(new PostgresCsvlogImporter(), CAPTURES.resolve("postgres/postgresql.csv"));
    CollectingSink json =
        parse(new PostgresJsonlogImporter(), CAPTURES.resolve("postgres/postgresql.json"));
    assertEquals(stderr.queries.size(), csv.queries.size());
    assertEquals(stderr.queries.size(), json.queries.size());
    assertEquals(stderr.plans.size(), json.plans.size());
    for (int i = 0; i < stderr.queries.size(); i++) {
      QueryEvent a = stderr.queries.get(i);
      QueryEvent b = csv.queries.get(i);
      QueryEvent c = json.queries.get(i);
      assertEquals(a.sql().strip(), b.sql().strip(), "statement " + i);
      assertEquals(a.sql().strip(), c.sql().strip(), "statement " + i);
      assertEquals(a.durationMs(), c.durationMs(), 1e-9);
      assertEquals(a.endMs(), b.endMs());
    }
    // csvlog and jsonlog name sessions by %c; stderr (whose prefix has no %c) by pid: same
    // grouping.
    assertEquals(sessions(stderr), sessions(csv));
  }

  private static List<Integer> sessions(CollectingSink sink) {
    Map<String, Long> counts =
        sink.queries.stream()
            .collect(
                Collectors.groupingBy(
                    QueryEvent::session, LinkedHashMap::new, Collectors.counting()));
    return counts.values().stream().map(Long::intValue).toList();
  }

  @Test
  void otherLogLinePrefixesAreRecognisedFromTheLines() throws Exception {
    Path log = tmp.resolve("pg.log");
    Files.writeString(
        log,
        String.join(
            "\n",
            "2026-11-20 08:00:01 CET [4711-1] app@shop LOG:  duration: 12.5 ms  statement: SELECT * FROM orders WHERE id = 3",
            "2026-11-20 08:00:01 CET [4711-2] app@shop LOG:  duration: 1.0 ms  execute <unnamed>: SELECT * FROM items WHERE order_id = $1",
            "2026-11-20 08:00:01 CET [4711-3] app@shop DETAIL:  parameters: $1 = '3'",
            "2026-11-20 08:00:02 CET [4711-4] app@shop LOG:  statement: UPDATE orders",
            "\tSET seen = true",
            "2026-11-20 08:00:02 CET [4711-5] app@shop LOG:  duration: 3.0 ms",
            "2026-11-20 08:00:03 CET [4711-6] app@shop LOG:  disconnection: session time: 0:00:02.000 user=app database=shop",
            "not a log line",
            ""));
    assertTrue(
        new PostgresStderrImporter().detect(new FileSample(log, Files.readString(log), false))
            > 0.5);
    CollectingSink sink = parse(new PostgresStderrImporter(), log);
    assertEquals(
        List.of(
            "SELECT * FROM orders WHERE id = 3",
            "SELECT * FROM items WHERE order_id = $1",
            "UPDATE orders\nSET seen = true"),
        sink.queries.stream().map(QueryEvent::sql).toList());
    assertEquals(
        3.0,
        sink.queries.get(2).durationMs(),
        1e-9,
        "the bare duration belongs to the statement before");
    assertEquals("4711", sink.queries.get(0).session());
    assertEquals(List.of("4711"), sink.endedSessions);
    assertEquals(1, sink.warnings.size());
    assertTrue(sink.warnings.get(0).startsWith("8: "), sink.warnings.toString());
    // 08:00:01 CET is 07:00:01 UTC.
    assertEquals(Instant.parse("2026-11-20T07:00:01Z").toEpochMilli(), sink.queries.get(0).endMs());

    assertEquals(
        "6b056385.56b0",
        PostgresStderrImporter.session("2026-11-24 10:14:29.582 UTC 6b056385.56b0 [22192] LOG"));
    assertEquals("99", PostgresStderrImporter.session("2026-11-24 10:14:29 UTC pid=99 LOG"));
    assertNull(PostgresStderrImporter.session("2026-11-24 10:14:29 UTC LOG"));
  }

  @Test
  void aGivenLogLinePrefixReadsLinesTheDetectionCannot() throws Exception {
    // Time last and the pid inside other text: nothing for the automatic reading to anchor on.
    Path log = tmp.resolve("odd.log");
    Files.writeString(
        log,
        String.join(
            "\n",
            "shop:4711:2026-11-20 08:00:01.250 UTC:LOG:  duration: 2.5 ms  statement: SELECT 1",
            "shop:4711:2026-11-20 08:00:01.260 UTC:LOG:  duration: 1.5 ms  statement: SELECT 2",
            "autovacuum line without the session part",
            ""));
    CollectingSink sink = new CollectingSink();
    new PostgresStderrImporter()
        .parse(
            new FileInput(log, Map.of(PostgresStderrImporter.PREFIX_OPTION, "'%d:%p:%m:'")), sink);
    assertEquals(
        List.of("SELECT 1", "SELECT 2"), sink.queries.stream().map(QueryEvent::sql).toList());
    assertEquals("4711", sink.queries.get(0).session());
    assertEquals(
        Instant.parse("2026-11-20T08:00:01.250Z").toEpochMilli(), sink.queries.get(0).endMs());
    assertEquals(1, sink.warnings.size());
    BadInputException none =
        assertThrows(
            BadInputException.class,
            () ->
                new PostgresStderrImporter()
                    .parse(
                        new FileInput(log, Map.of(PostgresStderrImporter.PREFIX_OPTION, "%u@%d ")),
                        new CollectingSink()));
    assertTrue(none.getMessage().contains("no time stamp"), none.getMessage());
  }

  @Test
  void aFileThatIsNoPostgresLogIsRefusedWithItsFormat() throws Exception {
    Path file = tmp.resolve("notes.txt");
    Files.writeString(file, "hello\nworld\n");
    BadInputException e =
        assertThrows(BadInputException.class, () -> parse(new PostgresStderrImporter(), file));
    assertEquals(PostgresStderrImporter.FORMAT, e.format());
    assertEquals(1, e.line());
    assertTrue(
        e.getMessage().contains("--log-line-prefix"), "suggests the option: " + e.getMessage());
    assertThrows(BadInputException.class, () -> parse(new PostgresCsvlogImporter(), file));
    assertThrows(BadInputException.class, () -> parse(new PostgresJsonlogImporter(), file));
    assertThrows(BadInputException.class, () -> parse(new DjangoSqlLogImporter(), file));
    assertThrows(BadInputException.class, () -> parse(new AccessLogImporter(), file));
  }

  @Test
  void pgStatStatementsCsvOfPg15AndJsonWithPg12Names() throws Exception {
    Path csv = CAPTURES.resolve("postgres/pg_stat_statements.csv");
    CollectingSink sink = parse(new PgStatStatementsCsvImporter(), csv);
    // Expected from the file itself: psql --csv quotes only the query column, and one statement
    // here spans lines.
    List<String> rows = Files.readAllLines(csv);
    List<String> header = List.of(rows.get(0).split(","));
    assertEquals(
        rows.stream().skip(1).filter(r -> r.matches("^\\d+,\\d+,[tf],-?\\d+,.*")).count(),
        sink.statementStats.size());
    String row = rows.get(1);
    String query = row.substring(row.indexOf(",\"") + 2, row.indexOf("\",")).replace("\"\"", "\"");
    List<String> rest = List.of(row.substring(row.indexOf("\",") + 2).split(","));
    int offset = header.indexOf("query") + 1;
    Object[] top = sink.statementStats.get(0);
    assertEquals(query, top[0]);
    assertEquals(Long.parseLong(rest.get(header.indexOf("calls") - offset)), top[1]);
    assertEquals(
        Double.parseDouble(rest.get(header.indexOf("total_exec_time") - offset)),
        (double) top[2],
        1e-9);
    assertEquals(
        Double.parseDouble(rest.get(header.indexOf("max_exec_time") - offset)),
        (double) top[3],
        1e-9);

    Path json = tmp.resolve("pgss.json");
    Files.writeString(
        json,
        "[{\"query\": \"SELECT 1 FROM t WHERE a = $1\", \"calls\": 3, \"total_time\": 9.5,"
            + " \"max_time\": 4.0, \"rows\": 3},\n {\"query\": \"SELECT 2\", \"calls\": 1, \"total_time\": 1}]");
    CollectingSink js = parse(new PgStatStatementsJsonImporter(), json);
    assertEquals(2, js.statementStats.size());
    assertEquals(9.5, (double) js.statementStats.get(0)[2], 1e-9);
    Files.writeString(json, "[{\"query\": \"SELECT 1\", \"calls\": 3}]");
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> parse(new PgStatStatementsJsonImporter(), json));
    assertEquals(1, e.line());
  }

  @Test
  void explainJsonAndText() throws Exception {
    CollectingSink sink =
        parse(new ExplainImporter(), CAPTURES.resolve("postgres/explain-reconcile.json"));
    assertEquals(1, sink.plans.size());
    assertTrue(sink.plans.get(0)[2].contains("\"Seq Scan\""));
    Path text = tmp.resolve("plan.txt");
    Files.writeString(
        text,
        """
                                   QUERY PLAN
        ---------------------------------------------------------------------
         Seq Scan on invoices_invoice  (cost=0.00..2334.00 rows=1 width=28) (actual time=11.869..11.869 rows=0 loops=1)
           Filter: ((external_ref)::text = 'BANK-00000042'::text)
           Rows Removed by Filter: 100000
         Execution Time: 11.9 ms
        (4 rows)
        """);
    CollectingSink t = parse(new ExplainImporter(), text);
    assertEquals(11.9, Double.parseDouble(t.plans.get(0)[1]), 1e-9);
    assertTrue(t.plans.get(0)[2].startsWith(" Seq Scan on invoices_invoice"));
  }

  @Test
  void djangoSqlLogSplitsRequestsAtIdleGaps() throws Exception {
    Path log = CAPTURES.resolve("django/django-sql.log");
    CollectingSink sink = parse(new DjangoSqlLogImporter(), log);
    assertEquals(countLines(log, "; args="), sink.queries.size());
    QueryEvent first = sink.queries.get(0);
    assertTrue(first.sql().strip().startsWith("SELECT c.relname,"));
    assertEquals(2.0, first.durationMs(), 1e-9);
    assertTrue(sink.queries.stream().noneMatch(q -> q.sql().contains("; args=")));
    long windows = sink.queries.stream().map(QueryEvent::session).distinct().count();
    // The requests through nginx, one readiness request straight to runserver and its migration
    // check.
    long requests = Files.readAllLines(CAPTURES.resolve("web/nginx-access.log")).size();
    // The nightly task (sending mail between statements) can split into a few windows more.
    assertTrue(
        windows >= requests && windows <= requests * 11 / 10,
        "windows: " + windows + " for " + requests + " requests");
  }

  @Test
  void nginxAccessLogWithRequestTime() throws Exception {
    Path log = CAPTURES.resolve("web/nginx-access.log");
    CollectingSink sink = parse(new AccessLogImporter(), log);
    assertEquals(Files.readAllLines(log).size(), sink.requests.size());
    var first = sink.requests.get(0);
    String[] fields = Files.readAllLines(log).get(0).split(" ");
    assertEquals("GET", first.method());
    assertEquals("/", first.path());
    assertEquals(Double.parseDouble(fields[fields.length - 2]) * 1000, first.durationMs(), 1e-9);
    assertEquals(1000, first.endPrecisionMs());
    assertEquals(
        new Timestamps().common(fields[3].substring(1) + " " + fields[4].replace("]", "")),
        first.endMs());
    assertTrue(sink.requests.stream().noneMatch(r -> r.path().contains("?")));
    assertEquals(0.25, AccessLogImporter.duration(" 250"), 1e-9, "Apache %D is in microseconds");
  }

  @Test
  void accessLogsInAGivenLayoutNginxOrApache() throws Exception {
    Path nginx = tmp.resolve("nginx-msec.log");
    Files.writeString(
        nginx,
        "1732440000.123 10.0.0.1 \"GET /invoices/?page=2 HTTP/1.1\" 200 rt=0.250 uct=\"0.001\"\n"
            + "garbage\n");
    CollectingSink sink = new CollectingSink();
    new AccessLogImporter()
        .parse(
            new FileInput(
                nginx,
                Map.of(
                    AccessLogImporter.LOG_FORMAT_OPTION,
                    "$msec $remote_addr \"$request\" $status rt=$request_time uct=\"$upstream_connect_time\"")),
            sink);
    assertEquals(1, sink.requests.size());
    assertEquals(1732440000123L, sink.requests.get(0).endMs());
    assertEquals(1, sink.requests.get(0).endPrecisionMs(), "$msec is to the millisecond");
    assertEquals(250.0, sink.requests.get(0).durationMs(), 1e-9);
    assertEquals("/invoices/", sink.requests.get(0).path());
    assertEquals(1, sink.warnings.size());

    Path apache = tmp.resolve("apache.log");
    Files.writeString(
        apache,
        "10.0.0.1 - - [24/Nov/2026:10:14:29 +0100] \"POST /api/v1/x/ HTTP/1.1\" 201 12 1500\n");
    CollectingSink a = new CollectingSink();
    new AccessLogImporter()
        .parse(
            new FileInput(
                apache,
                Map.of(AccessLogImporter.LOG_FORMAT_OPTION, "%h %l %u %t \"%r\" %>s %b %D")),
            a);
    assertEquals("POST", a.requests.get(0).method());
    assertEquals(201, a.requests.get(0).status());
    assertEquals(1.5, a.requests.get(0).durationMs(), 1e-9, "%D is microseconds");
    assertEquals(Instant.parse("2026-11-24T09:14:29Z").toEpochMilli(), a.requests.get(0).endMs());

    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                new AccessLogImporter()
                    .parse(
                        new FileInput(apache, Map.of(AccessLogImporter.LOG_FORMAT_OPTION, "%h %b")),
                        new CollectingSink()));
    assertTrue(e.getMessage().contains("needs a time"), e.getMessage());
  }

  @Test
  void otlpJsonGroupsDatabaseSpansByTraceWithTheServerSpansRoute() throws Exception {
    // Shaped per the OTLP/JSON encoding of opentelemetry-proto (ExportTraceServiceRequest).
    Path file = tmp.resolve("traces.json");
    Files.writeString(
        file,
        """
        {"resourceSpans":[{"resource":{"attributes":[]},"scopeSpans":[{"scope":{"name":"django"},"spans":[
          {"traceId":"a1","spanId":"s1","name":"GET invoices/","kind":2,"startTimeUnixNano":"1732440000000000000",
           "endTimeUnixNano":"1732440000120000000","attributes":[{"key":"http.route","value":{"stringValue":"invoices/"}},
           {"key":"http.request.method","value":{"stringValue":"GET"}},{"key":"url.path","value":{"stringValue":"/invoices/"}},
           {"key":"http.response.status_code","value":{"intValue":"200"}}]},
          {"traceId":"a1","spanId":"s3","parentSpanId":"s1","name":"SELECT","kind":3,"startTimeUnixNano":"1732440000050000000",
           "endTimeUnixNano":"1732440000051000000","attributes":[{"key":"db.query.text","value":{"stringValue":"SELECT 2"}}]},
          {"traceId":"a1","spanId":"s2","parentSpanId":"s1","name":"SELECT","kind":"SPAN_KIND_CLIENT","startTimeUnixNano":"1732440000010000000",
           "endTimeUnixNano":"1732440000012000000","attributes":[{"key":"db.statement","value":{"stringValue":"SELECT 1"}}]}
        ]}]}]}
        """);
    CollectingSink sink = parse(new OtlpJsonImporter(), file);
    assertEquals(
        List.of("SELECT 1", "SELECT 2"), sink.queries.stream().map(QueryEvent::sql).toList());
    assertEquals(2.0, sink.queries.get(0).durationMs(), 1e-9);
    assertEquals(List.of("a1 GET /invoices/"), sink.sessionRoutes);
    assertEquals(List.of("a1"), sink.endedSessions);
    assertEquals("invoices/", sink.requests.get(0).route());
    assertEquals(120.0, sink.requests.get(0).durationMs(), 1e-9);
  }

  @Test
  void otlpJsonFromTheOpenTelemetryExporterFindsTheNPlusOneOnItsRoute() throws Exception {
    Path traces = Resources.path(QueryLogImportersTest.class, "samples/otel/traces.jsonl");
    assertEquals("otlp-json", ImporterRegistry.load().detect(traces).id());
    Path project = tmp.resolve("otel.audit");
    try (var store =
        ProjectStore.create(project, new ProjectInfo("otel", "", "", null), Clock.systemUTC())) {
      new ImportService(store, ImporterRegistry.load(), Clock.systemUTC())
          .importFile(traces, null, ProgressListener.NONE);
      var result = store.read(c -> QueryAnalysis.of(c, 5));
      assertEquals(2, result.windows());
      assertEquals(2, result.windowsWithRoute(), "traces name their routes");
      assertEquals(
          List.of("GET /invoices/ 6", "GET /invoices/ 6"),
          result.nPlusOnes().stream().map(n -> n.route() + " " + n.repeats()).toList());
      assertEquals(
          List.of("GET /api/v1/invoices/fast/", "GET /invoices/"),
          result.routes().stream().map(r -> r.route()).sorted().toList());
    }
  }

  @Test
  void everyDemoCaptureIsDetectedAsItsFormat() throws Exception {
    ImporterRegistry registry = ImporterRegistry.load();
    assertEquals(
        "postgres-stderr",
        registry.detect(CAPTURES.resolve("postgres/postgresql-stderr.log")).id());
    assertEquals(
        "postgres-csvlog", registry.detect(CAPTURES.resolve("postgres/postgresql.csv")).id());
    assertEquals(
        "postgres-jsonlog", registry.detect(CAPTURES.resolve("postgres/postgresql.json")).id());
    assertEquals(
        "pg-stat-statements-csv",
        registry.detect(CAPTURES.resolve("postgres/pg_stat_statements.csv")).id());
    assertEquals(
        "postgres-explain",
        registry.detect(CAPTURES.resolve("postgres/explain-revenue.json")).id());
    assertEquals("django-sql-log", registry.detect(CAPTURES.resolve("django/django-sql.log")).id());
    assertEquals("access-log", registry.detect(CAPTURES.resolve("web/nginx-access.log")).id());
  }
}
