package dev.auditworkbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.queries.QueryAnalysis;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server logs as managed services write them, end to end: PostgreSQL 15 logs made with Amazon
 * RDS's default log_line_prefix and four others (importers/src/test/pg-capture/capture-prefixes.sh),
 * imported without naming the format or the prefix.
 */
class TraceVariantsTest {
  private static final Path SAMPLES = Path.of("../importers/src/test/resources/samples/postgres").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void anRdsLogIsDetectedAndItsRepeatsAreNotTransactionControl() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Path project = dir.resolve("rds.audit");
    Cli.run("new", project, "--repo", repo, "--no-scan").ok();
    Cli imported = Cli.run("import", project, SAMPLES.resolve("prefix-rds.log")).ok();
    assertTrue(imported.out().contains("PostgreSQL"), imported.out());

    QueryAnalysis.Result result;
    List<Finding> findings;
    try (ProjectStore store = ProjectStore.open(project)) {
      result = store.read(c -> QueryAnalysis.of(c, QueryAnalysis.DEFAULT_N_PLUS_ONE));
      findings = store.read(c -> {
        try (FindingRepository r = new FindingRepository(c)) {
          return r.all();
        }
      });
    }
    // 61 statements; the substr() calls with 2 and 3 arguments are two statements, the IN lists of 2 and 5 one.
    assertEquals(61, result.statements().stream().mapToLong(QueryAnalysis.Statement::calls).sum());
    assertEquals(2, result.statements().stream().filter(s -> s.normalized().contains("substr(")).count());
    assertEquals(List.of(2L), result.statements().stream().filter(s -> s.normalized().contains(" IN ("))
        .map(QueryAnalysis.Statement::calls).toList());
    // The transaction repeats nothing but its 8 item reads; BEGIN/SET/SAVEPOINT/COMMIT are never N+1.
    Map<String, Integer> repeats = new TreeMap<>();
    result.nPlusOnes().forEach(n -> repeats.put(n.example(), n.repeats()));
    assertEquals(Map.of("SELECT id, name FROM item WHERE id = 1;", 8,
        "SELECT email FROM item WHERE upper(email) = upper('user1@example.com');", 40), repeats);
    // No access log: the unit of work is not known, so these are repeats in a session, not a high N+1.
    List<Finding> repeated = findings.stream().filter(f -> f.ruleId().equals("queries.n-plus-one")).toList();
    assertEquals(2, repeated.size());
    assertTrue(repeated.stream().allMatch(f -> f.severity() == Severity.MEDIUM
        && f.title().startsWith("Repeated statement in one database session")), repeated.toString());
    // 4 ms of statements in all: nothing is "slow".
    assertTrue(findings.stream().noneMatch(f -> f.ruleId().equals("queries.slow")));
  }
}
