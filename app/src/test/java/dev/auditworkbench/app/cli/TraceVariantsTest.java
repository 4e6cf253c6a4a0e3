package dev.auditworkbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.queries.QueryAnalysis;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server logs as managed services write them, end to end: PostgreSQL 15 logs made with Amazon RDS's
 * default log_line_prefix and four others (importers/src/test/pg-capture/capture-prefixes.sh),
 * imported without naming the format or the prefix.
 */
class TraceVariantsTest {
  private static final Path SAMPLES =
      Path.of("../importers/src/test/resources/samples/postgres").toAbsolutePath().normalize();

  @TempDir Path dir;

  /** A new project (no scan) on an empty repository. */
  private Path project(String name) throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo-" + name));
    Path project = dir.resolve(name + ".audit");
    Cli.run("new", project, "--repo", repo, "--no-scan").ok();
    return project;
  }

  private static QueryAnalysis.Result analysis(Path project) throws Exception {
    try (ProjectStore store = ProjectStore.open(project)) {
      return store.read(c -> QueryAnalysis.of(c, QueryAnalysis.DEFAULT_N_PLUS_ONE));
    }
  }

  private static List<Finding> findings(Path project) throws Exception {
    try (ProjectStore store = ProjectStore.open(project)) {
      return store.read(
          c -> {
            try (FindingRepository r = new FindingRepository(c)) {
              return r.all();
            }
          });
    }
  }

  /** The epoch milliseconds of a "%m" log line ("2026-12-05 16:13:12.386 UTC ..."). */
  private static long millis(String line) {
    return LocalDateTime.parse(line.substring(0, 23).replace(' ', 'T'))
        .toInstant(ZoneOffset.UTC)
        .toEpochMilli();
  }

  @Test
  void anRdsLogIsDetectedAndItsRepeatsAreNotTransactionControl() throws Exception {
    Path project = project("rds");
    Cli imported = Cli.run("import", project, SAMPLES.resolve("prefix-rds.log")).ok();
    assertTrue(imported.out().contains("PostgreSQL"), imported.out());

    QueryAnalysis.Result result = analysis(project);
    List<Finding> findings = findings(project);
    // 61 statements; the substr() calls with 2 and 3 arguments are two statements, the IN lists of
    // 2 and 5 one.
    assertEquals(61, result.statements().stream().mapToLong(QueryAnalysis.Statement::calls).sum());
    assertEquals(
        2, result.statements().stream().filter(s -> s.normalized().contains("substr(")).count());
    assertEquals(
        List.of(2L),
        result.statements().stream()
            .filter(s -> s.normalized().contains(" IN ("))
            .map(QueryAnalysis.Statement::calls)
            .toList());
    // The transaction repeats nothing but its 8 item reads; BEGIN/SET/SAVEPOINT/COMMIT are never
    // N+1.
    Map<String, Integer> repeats = new TreeMap<>();
    result.nPlusOnes().forEach(n -> repeats.put(n.example(), n.repeats()));
    assertEquals(
        Map.of(
            "SELECT id, name FROM item WHERE id = 1;",
            8,
            "SELECT email FROM item WHERE upper(email) = upper('user1@example.com');",
            40),
        repeats);
    // No access log: the unit of work is not known, so these are repeats in a session, not a high
    // N+1.
    List<Finding> repeated =
        findings.stream().filter(f -> f.ruleId().equals("queries.n-plus-one")).toList();
    assertEquals(2, repeated.size());
    assertTrue(
        repeated.stream()
            .allMatch(
                f ->
                    f.severity() == Severity.MEDIUM
                        && f.title().startsWith("Repeated statement in one database session")),
        repeated.toString());
    // 4 ms of statements in all: nothing is "slow".
    assertTrue(findings.stream().noneMatch(f -> f.ruleId().equals("queries.slow")));
  }

  /**
   * An access log stamped to the millisecond (nginx {@code $msec}) names the request of each
   * window: the transaction's 8 item reads become an N+1 of GET /items/ (high: the traffic confirms
   * it) and the batch session, which no request holds, a low "outside web requests" repeat. The
   * access log is written for the capture's own times (read from prefix-bracket-line.log).
   */
  @Test
  void aMsecAccessLogNamesTheRouteOfEachWindow() throws Exception {
    Path project = project("msec");
    Cli.run("import", project, SAMPLES.resolve("prefix-bracket-line.log")).ok();
    // The request ends 2 ms after the transaction's COMMIT and began 2 ms before its BEGIN (times
    // read
    // from the log, so a regenerated capture keeps the test true); a second request comes later.
    List<String> log = Files.readAllLines(SAMPLES.resolve("prefix-bracket-line.log"));
    long begin =
        millis(log.stream().filter(l -> l.endsWith("statement: BEGIN;")).findFirst().orElseThrow());
    long commit =
        millis(
            log.stream().filter(l -> l.endsWith("statement: COMMIT;")).findFirst().orElseThrow());
    long end = commit + 2;
    Path access = dir.resolve("access-msec.log");
    Files.writeString(
        access,
        String.join(
            "\n",
            String.format(
                Locale.ROOT,
                "%d.%03d 127.0.0.1 \"GET /items/?page=2 HTTP/1.1\" 200 %.3f",
                end / 1000,
                end % 1000,
                (end - begin + 2) / 1000.0),
            String.format(
                Locale.ROOT,
                "%d.%03d 127.0.0.1 \"GET /health/ HTTP/1.1\" 200 0.001",
                (end + 500) / 1000,
                (end + 500) % 1000),
            ""));
    Cli.run(
            "import",
            project,
            access,
            "--log-format",
            "$msec $remote_addr \"$request\" $status $request_time")
        .ok();

    List<Finding> findings = findings(project);
    Map<String, Severity> repeats = new TreeMap<>();
    findings.stream()
        .filter(f -> f.ruleId().equals("queries.n-plus-one") && !f.gone())
        .forEach(f -> repeats.put(f.title(), f.severity()));
    assertEquals(
        Map.of(
            "N+1 on GET /items/: 8 x item per request",
            Severity.HIGH,
            "Repeated statement outside web requests: 40 x item in one database session",
            Severity.LOW),
        repeats);
    assertEquals(
        2,
        findings.stream().filter(f -> f.ruleId().equals("queries.n-plus-one") && f.gone()).count(),
        "the log's findings before the access log named the requests are not seen since");
  }

  /**
   * Django's development server lines in the SQL log name the requests: the author list's N+1 is on
   * its route.
   */
  @Test
  void djangoServerLinesAreTheRequestBoundaries() throws Exception {
    Path project = project("runserver");
    Cli.run("import", project, SAMPLES.resolve("../django/runserver-sql.log").normalize()).ok();
    QueryAnalysis.Result result = analysis(project);
    assertEquals(1, result.nPlusOnes().size(), result.nPlusOnes().toString());
    QueryAnalysis.NPlusOne n = result.nPlusOnes().get(0);
    assertEquals("GET /authors/", n.route());
    assertEquals("shop_book", n.table());
    assertEquals(6, n.repeats());
    assertEquals(2, n.requests(), "/authors/ and /authors/?page=2");
    assertEquals(4, result.windowsWithRoute());
  }

  /**
   * Database-backed sessions read on most requests (importers/src/test/django-capture/
   * capture-django-sessions.sh: Django 3.2 with the default session engine; 52 requests, the
   * dashboard and the cart read the session, the cart writes it, health checks do not): one finding
   * with the reads and writes per request; no session key from the log is stored anywhere in the
   * project. The server log without sessions gives none.
   */
  @Test
  void sessionsReadFromTheDatabaseOnMostRequestsAreOneFindingWithoutTheirKeys() throws Exception {
    Path log = SAMPLES.resolve("../django/sessions-sql.log").normalize();
    Path project = project("sessions");
    Cli.run("import", project, log).ok();
    List<Finding> sessions =
        findings(project).stream().filter(f -> f.ruleId().equals("queries.db-sessions")).toList();
    assertEquals(1, sessions.size(), sessions.toString());
    Finding f = sessions.get(0);
    String text = Files.readString(log);
    // Without an access log the requests are the log's windows: server lines after SQL (the
    // health checks run none).
    long windows = 0;
    boolean sql = false;
    for (String l : text.lines().toList()) {
      if (l.contains(" django.db.backends ")) {
        sql = true;
      } else if (l.contains(" django.server ")) {
        windows += sql ? 1 : 0;
        sql = false;
      }
    }
    long reads =
        text.lines()
            .filter(l -> l.contains(" django.db.backends "))
            .filter(
                l ->
                    l.matches(".*\\(\\d+\\.\\d+\\) SELECT .*\"django_session\".\"session_data\".*"))
            .count();
    long writes =
        text.lines()
                .filter(l -> l.contains(" django.db.backends ") && l.contains("\"django_session\""))
                .count()
            - reads;
    assertEquals(41, windows);
    assertEquals(40, reads, "every request but the first (no cookie yet) and the health checks");
    assertEquals(
        String.format(
            java.util.Locale.ROOT,
            "Sessions are read from the database on %.0f%% of requests running SQL",
            100.0 * reads / windows),
        f.title());
    assertTrue(
        f.description()
            .contains(
                reads + " session reads and " + writes + " writes over 41 requests running SQL"),
        f.description());
    java.util.regex.Matcher keys =
        java.util.regex.Pattern.compile("session_key\" = '([a-z0-9]{32})'").matcher(text);
    assertTrue(keys.find(), "the capture holds session keys");
    byte[] stored = Files.readAllBytes(project);
    keys.reset();
    while (keys.find()) {
      assertEquals(
          -1,
          new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf(keys.group(1)),
          "session key " + keys.group(1).substring(0, 4) + "... stored in the project");
    }

    Path plain = project("no-sessions");
    Cli.run("import", plain, SAMPLES.resolve("../django/runserver-sql.log").normalize()).ok();
    assertTrue(
        findings(plain).stream().noneMatch(x -> x.ruleId().equals("queries.db-sessions")),
        "no session statements, no finding");
  }

  /**
   * Rotated logs of four days, compressed with gzip, bzip2, xz and zstd, are read through and added
   * up; the same traffic imported again (the Monday log uncompressed) still counts once.
   */
  @Test
  void rotatedCompressedLogsOfDifferentTrafficAddUpAndTheSameTrafficCountsOnce() throws Exception {
    Path project = project("rotated");
    Cli imported = Cli.run("import", project, SAMPLES.resolve("rotated")).ok();
    assertEquals(4, imported.out().split("PostgreSQL", -1).length - 1, imported.out());
    QueryAnalysis.Result four = analysis(project);
    assertEquals(
        4 * 61,
        four.statements().stream().mapToLong(QueryAnalysis.Statement::calls).sum(),
        "four days added up");
    assertEquals(
        4 * 8,
        four.statements().stream()
            .filter(s -> s.normalized().equals("SELECT id, name FROM item WHERE id = $1"))
            .mapToLong(QueryAnalysis.Statement::calls)
            .sum());
    assertEquals(4, four.statementSource().split(" \\+ ").length, four.statementSource());

    Cli.run("import", project, SAMPLES.resolve("prefix-debian.log")).ok();
    QueryAnalysis.Result again = analysis(project);
    assertEquals(
        4 * 61,
        again.statements().stream().mapToLong(QueryAnalysis.Statement::calls).sum(),
        "Monday's traffic imported again is not counted twice");
  }

  /**
   * A compressed log cut short fails its import with the file, the compression and the offset;
   * nothing is stored.
   */
  @Test
  void aDamagedCompressedLogIsRefusedWithWhereItBroke() throws Exception {
    Path project = project("damaged");
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (var out = new GZIPOutputStream(gz)) {
      byte[] log = Files.readAllBytes(SAMPLES.resolve("prefix-debian.log"));
      for (int i = 0; i < 300; i++) {
        out.write(log);
      }
    }
    byte[] bytes = gz.toByteArray();
    Path cut = dir.resolve("postgresql-Fri.log.gz");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
    Cli failed = Cli.run("import", project, cut);
    assertEquals(3, failed.code(), failed.err());
    assertTrue(
        failed.err().contains(cut.toString())
            && failed.err().contains("gzip-compressed data is damaged or cut short" + " near byte"),
        failed.err());
    Path tiny = dir.resolve("tiny.log.gz");
    Files.write(tiny, Arrays.copyOf(bytes, 40));
    Cli refused = Cli.run("import", project, tiny);
    assertEquals(3, refused.code());
    assertTrue(refused.err().contains("does not decompress (damaged or cut short)"), refused.err());
    assertTrue(Cli.run("info", project).ok().out().contains("Imports:    0"), "nothing stored");
  }
}
