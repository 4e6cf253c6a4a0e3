package dev.auditworkbench.engine.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.spi.RawFinding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the query findings say and how severe they are, from an analysis result. */
class QueryFindingsTest {
  private static QueryAnalysis.Statement statement(
      String sql, long calls, double totalMs, double share) {
    return new QueryAnalysis.Statement(
        SqlFingerprint.id(sql),
        sql,
        sql,
        List.of("item"),
        null,
        calls,
        totalMs,
        totalMs / calls,
        Double.NaN,
        totalMs / calls,
        calls,
        share,
        1,
        "3");
  }

  private static QueryAnalysis.NPlusOne repeat(String route, int repeats) {
    return new QueryAnalysis.NPlusOne(
        route,
        "f" + route.hashCode(),
        "SELECT * FROM item WHERE id = 1",
        "item",
        null,
        repeats,
        1,
        0.4 * repeats,
        null,
        0,
        null);
  }

  private static QueryAnalysis.Result result(
      List<QueryAnalysis.Statement> statements, List<QueryAnalysis.NPlusOne> n) {
    double total = statements.stream().mapToDouble(QueryAnalysis.Statement::totalMs).sum();
    return new QueryAnalysis.Result(
        "pg.log", total, statements, n, List.of(), List.of(), 1, 0, Double.NaN);
  }

  @Test
  void inAThirtySevenMillisecondLogNothingIsSlow() {
    // The share alone would call 60% of 37 ms "slow".
    List<RawFinding> none =
        QueryFindings.of(
            result(
                List.of(
                    statement("SELECT a FROM item", 4, 22.2, 0.6),
                    statement("SELECT b FROM item", 10, 14.8, 0.4)),
                List.of()),
            List.of());
    assertEquals(List.of(), none);
    // The same shares of a real workload are.
    List<RawFinding> slow =
        QueryFindings.of(
            result(
                List.of(
                    statement("SELECT a FROM item", 400, 2220, 0.6),
                    statement("SELECT b FROM item", 1, 148, 0.4)),
                List.of()),
            List.of());
    assertEquals(
        List.of("queries.slow", "queries.slow"),
        slow.stream().map(RawFinding::ruleKey).toList(),
        "2.2 s in total, and one call of 148 ms");
  }

  @Test
  void anNPlusOneInAWebRequestIsHighAndRepeatsOutsideRequestsAreLowAndSayWhatTheyAre() {
    List<RawFinding> out =
        QueryFindings.of(
            result(
                List.of(),
                List.of(
                    repeat("GET /items/", 8),
                    repeat(QueryAnalysis.OUTSIDE_REQUESTS, 4059),
                    repeat(QueryAnalysis.NO_ROUTE, 40))),
            List.of());
    RawFinding web = out.get(0);
    assertEquals(Severity.HIGH, web.severity(), "confirmed by the trace, even at 8 repeats");
    assertEquals("N+1 on GET /items/: 8 x item per request", web.title());
    RawFinding batch = out.get(1);
    assertEquals(Severity.LOW, batch.severity());
    assertEquals(
        "Repeated statement outside web requests: 4059 x item in one database session",
        batch.title());
    assertTrue(
        batch
            .description()
            .contains("a background job, a management command, a benchmark loop or a shell"),
        batch.description());
    RawFinding unknown = out.get(2);
    assertEquals(Severity.MEDIUM, unknown.severity());
    assertEquals(
        "Repeated statement in one database session: 40 x item (request not known)",
        unknown.title());
  }

  @Test
  void transactionControlAndSessionSettingsAreNeverRepeatsToReport() {
    for (String sql :
        List.of(
            "BEGIN",
            "COMMIT;",
            "ROLLBACK",
            "SAVEPOINT s1",
            "RELEASE SAVEPOINT s1",
            "SET TIME ZONE 'UTC'",
            "SHOW timezone",
            "SELECT set_config('app.tenant', '7', false)",
            "START TRANSACTION ISOLATION LEVEL SERIALIZABLE")) {
      assertTrue(SqlFingerprint.isSessionControl(SqlFingerprint.normalize(sql)), sql);
    }
    for (String sql :
        List.of(
            "SELECT id FROM item WHERE id = 1",
            "UPDATE item SET name = 'x'",
            "SELECT settings FROM item")) {
      assertEquals(false, SqlFingerprint.isSessionControl(SqlFingerprint.normalize(sql)), sql);
    }
  }
}
