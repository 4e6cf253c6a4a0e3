package dev.auditworkbench.importers.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.QueryEvent;
import dev.auditworkbench.engine.testing.CollectingSink;
import dev.auditworkbench.engine.testing.FileInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One workload logged by PostgreSQL 15 under five log_line_prefix settings (Amazon RDS/Aurora's
 * default {@code %t:%r:%u@%d:[%p]:}, {@code %t-%c-}, {@code %m [%p]: [%l-1] db=%d,user=%u },
 * pgBadger's recommended {@code %t [%p]: [%l-1] user=%u,db=%d,app=%a,client=%h } and Debian's
 * {@code %m [%p] %q%u@%d }; made by src/test/pg-capture/capture-prefixes.sh): each is detected
 * without being told the prefix, every logged statement is read with its duration, and statements
 * fall into the three sessions that ran them.
 */
class LogLinePrefixVariantsTest {
  private static final Path SAMPLES =
      Path.of("src/test/resources/samples/postgres").toAbsolutePath();
  private static final Pattern STATEMENT =
      Pattern.compile("duration: ([0-9.]+) ms  statement: (.*)$");

  @ParameterizedTest
  @ValueSource(strings = {"rds", "session-dash", "bracket-line", "pgbadger", "debian", "keyed"})
  void everyStatementOfEachPrefixIsReadInItsSession(String name) throws Exception {
    Path log = SAMPLES.resolve("prefix-" + name + ".log");
    List<String> lines = Files.readAllLines(log);
    assertTrue(
        new PostgresStderrImporter().detect(new FileSample(log, Files.readString(log), false))
            > 0.5,
        "detected without --log-line-prefix");
    CollectingSink sink = new CollectingSink();
    new PostgresStderrImporter().parse(new FileInput(log, Map.of()), sink);

    List<String> expected =
        lines.stream().map(STATEMENT::matcher).filter(Matcher::find).map(m -> m.group(2)).toList();
    assertEquals(2 + 19 + 40, expected.size(), "the capture's workload");
    assertEquals(expected, sink.queries.stream().map(QueryEvent::sql).toList());
    List<Double> durations =
        lines.stream()
            .map(STATEMENT::matcher)
            .filter(Matcher::find)
            .map(m -> Double.parseDouble(m.group(1)))
            .toList();
    assertEquals(durations, sink.queries.stream().map(QueryEvent::durationMs).toList());
    Set<String> sessions = new TreeSet<>();
    sink.queries.forEach(q -> sessions.add(q.session()));
    assertEquals(3, sessions.size(), "setup, the transaction, the batch: " + sessions);
    assertEquals("SELECT set_config('app.tenant', '7', false);", sink.queries.get(4).sql());
    assertEquals(
        sink.queries.get(2).session(),
        sink.queries.get(20).session(),
        "BEGIN and COMMIT in one session");
    assertEquals(List.of(), sink.warnings, "every line is an entry of the log");
  }

  /**
   * Heroku Postgres lines as published (samples/heroku, sources in samples/README.md): the process
   * is {@code postgres.13761} (not the line counter {@code [7-1]}), and the lines syslog split an
   * entry into ({@code [7-2]}, {@code [7-3]}...) are one statement.
   */
  @Test
  void herokuLinesGiveTheirProcessAndWholeStatements() throws Exception {
    Path heroku = SAMPLES.resolve("../heroku").normalize();
    for (String file : List.of("postgres-logplex.log", "postgres-syslog-drain.log")) {
      Path log = heroku.resolve(file);
      assertTrue(
          new PostgresStderrImporter().detect(new FileSample(log, Files.readString(log), false))
              > 0.5,
          file);
    }
    CollectingSink logplex = new CollectingSink();
    new PostgresStderrImporter()
        .parse(new FileInput(heroku.resolve("postgres-logplex.log"), Map.of()), logplex);
    assertEquals(1, logplex.queries.size());
    assertEquals(
        "BEGIN READ ONLY;\n      SELECT column\n        FROM table\n       WHERE condition",
        logplex.queries.get(0).sql());
    assertEquals("13761", logplex.queries.get(0).session());
    assertEquals(4822.012, logplex.queries.get(0).durationMs(), 1e-9);
    assertEquals(List.of(), logplex.warnings);

    CollectingSink drain = new CollectingSink();
    new PostgresStderrImporter()
        .parse(new FileInput(heroku.resolve("postgres-syslog-drain.log"), Map.of()), drain);
    assertEquals(
        List.of("WITH naptime(value) AS (\n\tSELECT", "SELECT \"users\".* FROM \"users\" LIMIT 1"),
        drain.queries.stream().map(QueryEvent::sql).toList());
    assertEquals(
        List.of("647e3878.1e62e5", "1127530"),
        drain.queries.stream().map(QueryEvent::session).toList());
  }
}
