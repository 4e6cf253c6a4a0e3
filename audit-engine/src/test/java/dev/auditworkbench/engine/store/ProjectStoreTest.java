package dev.auditworkbench.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.model.ProjectInfo;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectStoreTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private ProjectInfo info() {
    return new ProjectInfo("Acme Pay", "Q4 audit", "R. Auditor", dir.resolve("repo"));
  }

  @Test
  void createdProjectReopensWithItsInfoAtTheLatestSchema() throws Exception {
    Path file = dir.resolve("acme.audit");
    ProjectStore.create(file, info(), CLOCK).close();

    try (ProjectStore store = ProjectStore.open(file)) {
      assertEquals(info(), store.info());
      assertEquals(ProjectStore.latestSchemaVersion(), store.schemaVersion());
      assertTrue(store.migrationBackup().isEmpty());
      Map<String, String> meta = store.read(c -> new ProjectRepository(c).all());
      assertEquals("2026-11-24T09:00:00Z", meta.get("created_at"));
    }
  }

  @Test
  void projectIsInWalModeWithForeignKeysOn() throws Exception {
    Path file = dir.resolve("acme.audit");
    try (ProjectStore store = ProjectStore.create(file, info(), CLOCK)) {
      assertEquals("wal", pragma(store, "journal_mode"));
      assertEquals("1", pragma(store, "foreign_keys"));
    }
  }

  private static String pragma(ProjectStore store, String name) {
    return store.read(
        c -> {
          try (var st = c.createStatement();
              var rs = st.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
          }
        });
  }

  @Test
  void lookupsThatRunOncePerRowUseAnIndex() throws Exception {
    try (ProjectStore store = ProjectStore.create(dir.resolve("acme.audit"), info(), CLOCK)) {
      // A full scan here made an import of N results take N squared time (100,000 results: 573 s).
      String samePlace = plan(store, FindingRepository.SAME_PLACE);
      assertTrue(samePlace.contains("SEARCH f USING INDEX findings_place"), samePlace);
      String coverage = plan(store, CoverageRepository.LATEST);
      assertTrue(coverage.contains("SEARCH g USING COVERING INDEX file_coverage_path"), coverage);
    }
  }

  private static String plan(ProjectStore store, String sql) {
    return store.read(
        c -> {
          var text = new StringBuilder();
          try (var st = c.createStatement();
              var rs = st.executeQuery("EXPLAIN QUERY PLAN " + sql.replace("?", "'x'"))) {
            while (rs.next()) {
              text.append(rs.getString("detail")).append('\n');
            }
          }
          return text.toString();
        });
  }

  @Test
  void createRefusesToOverwriteAnExistingFile() throws Exception {
    Path file = dir.resolve("acme.audit");
    Files.writeString(file, "precious");
    var e =
        assertThrows(ProjectFileException.class, () -> ProjectStore.create(file, info(), CLOCK));
    assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    assertEquals("precious", Files.readString(file));
  }

  @Test
  void olderSchemaIsMigratedAfterABackupCopyOfTheOldFile() throws Exception {
    Path file = dir.resolve("old.audit");
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      Migrations.migrate(c, 0, 1);
      try (Statement st = c.createStatement()) {
        st.execute("INSERT INTO project(key, value) VALUES ('client', 'Legacy Ltd')");
      }
    }

    try (ProjectStore store = ProjectStore.open(file)) {
      assertEquals(ProjectStore.latestSchemaVersion(), store.schemaVersion());
      assertEquals("Legacy Ltd", store.info().client());
      assertTrue(tableExists(store, "finding_history"));
      Path backup = store.migrationBackup().orElseThrow();
      assertEquals("old.audit.v1-backup", backup.getFileName().toString());
      try (var c = DriverManager.getConnection("jdbc:sqlite:" + backup);
          var st = c.createStatement()) {
        assertEquals(1, Migrations.userVersion(c));
        try (var rs = st.executeQuery("SELECT value FROM project WHERE key = 'client'")) {
          assertTrue(rs.next());
          assertEquals("Legacy Ltd", rs.getString(1));
        }
        try (var rs =
            st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'finding_history'")) {
          rs.next();
          assertEquals(0, rs.getInt(1));
        }
      }
    }
  }

  @Test
  void aMigrationThatFailsKeepsOneBackupHoweverOftenItIsTried() throws Exception {
    Path file = dir.resolve("stuck.audit");
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      Migrations.migrate(c, 0, 1);
      st.execute("CREATE TABLE finding_history (x)"); // V002 creates it: the migration fails
    }
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThrows(ProjectFileException.class, () -> ProjectStore.open(file));
    }
    try (var files = Files.list(dir)) {
      assertEquals(
          List.of("stuck.audit", "stuck.audit.v1-backup"),
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith("stuck") && !n.endsWith("-wal") && !n.endsWith("-shm"))
              .sorted()
              .toList());
    }
  }

  @Test
  void secretsStoredByEarlierVersionsAreMaskedWhenTheProjectIsMigrated() throws Exception {
    Path file = dir.resolve("v10.audit");
    String evidence = "[{\"kind\":\"CODE\",\"text\":\"3 smtp_password = \\\"Tr0ub4dor&3x\\\"\"}]";
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      Migrations.migrate(c, 0, 10);
    }
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
        var ps =
            c.prepareStatement(
                "INSERT INTO findings(fingerprint, rule_id, title, description, category, severity,"
                    + " confidence, path, start_line, evidence, impact_default, effort_default_hours, first_seen_at, last_seen_at)"
                    + " VALUES ('fp', 'bandit.B105', ?, 'B105', 'SECURITY', 'LOW', 'MEDIUM', 'a.py', 3, ?, 2, 1,"
                    + " '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')")) {
      try (Statement st = c.createStatement()) {
        st.execute("INSERT INTO project(key, value) VALUES ('client', 'Legacy Ltd')");
      }
      ps.setString(1, "Possible hardcoded password: 'Tr0ub4dor&3x'");
      ps.setString(2, evidence);
      ps.executeUpdate();
    }
    try (ProjectStore store = ProjectStore.open(file)) {
      var f = store.read(c -> new FindingRepository(c).all()).get(0);
      assertEquals("Possible hardcoded password: 'Tr0*********'", f.title());
      assertFalse(f.evidence().toString().contains("Tr0ub4dor"), f.evidence().toString());
    }
  }

  private static boolean tableExists(ProjectStore store, String table) {
    return store.read(
        c -> {
          try (var rs = c.getMetaData().getTables(null, null, table, null)) {
            return rs.next();
          }
        });
  }

  @Test
  void projectFromANewerVersionIsRefusedAndLeftAlone() throws Exception {
    Path file = dir.resolve("future.audit");
    ProjectStore.create(file, info(), CLOCK).close();
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
        var st = c.createStatement()) {
      st.execute("PRAGMA user_version = 99");
    }
    byte[] before = Files.readAllBytes(file);

    var e = assertThrows(ProjectFileException.class, () -> ProjectStore.open(file));

    assertTrue(e.getMessage().contains("newer Audit Workbench (schema 99"), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
    assertFalse(Files.exists(ProjectLock.lockFileOf(file)), "lock released after refusing");
  }

  @Test
  void aFileThatIsNotSqliteIsRefused() throws Exception {
    Path file = dir.resolve("notes.audit");
    Files.writeString(file, "these are my notes, not a project");
    var e = assertThrows(ProjectFileException.class, () -> ProjectStore.open(file));
    assertTrue(e.getMessage().contains("not an SQLite database"), e.getMessage());
  }

  @Test
  void anSqliteDatabaseThatIsNotAProjectIsRefused() throws Exception {
    Path file = dir.resolve("other.audit");
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
        var st = c.createStatement()) {
      st.execute("CREATE TABLE t (x)");
    }
    var e = assertThrows(ProjectFileException.class, () -> ProjectStore.open(file));
    assertTrue(e.getMessage().contains("not an Audit Workbench project"), e.getMessage());
  }

  @Test
  void aDamagedFileIsRefusedWithAClearMessage() throws Exception {
    Path file = dir.resolve("damaged.audit");
    try (ProjectStore store = ProjectStore.create(file, info(), CLOCK)) {
      store.write(
          c -> {
            var repo = new ProjectRepository(c);
            for (int i = 0; i < 2000; i++) {
              repo.put("k" + i, "value number " + i + " ".repeat(50));
            }
            return null;
          });
    }
    long size = Files.size(file);
    assertTrue(size > 8 * 4096, "several pages");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      for (long page = 2; page * 4096 < size - 4096; page += 3) {
        raf.seek(page * 4096 + 7);
        raf.write(new byte[200]); // zero out the middle of b-tree pages
      }
    }

    var e = assertThrows(ProjectFileException.class, () -> ProjectStore.open(file));

    assertTrue(e.getMessage().contains("damaged"), e.getMessage());
  }

  @Test
  void secondOpenOfTheSameProjectIsRefusedUntilTheFirstCloses() throws Exception {
    Path file = dir.resolve("acme.audit");
    ProjectStore first = ProjectStore.create(file, info(), CLOCK);

    var e = assertThrows(ProjectLockedException.class, () -> ProjectStore.open(file));
    assertTrue(e.getMessage().contains("open in another window/process"), e.getMessage());

    first.close();
    ProjectStore.open(file).close();
  }

  @Test
  void failedWriteRollsBackEverythingItDid() throws Exception {
    Path file = dir.resolve("acme.audit");
    try (ProjectStore store = ProjectStore.create(file, info(), CLOCK)) {
      assertThrows(
          IllegalStateException.class,
          () ->
              store.write(
                  c -> {
                    new ProjectRepository(c).put("client", "Changed");
                    throw new IllegalStateException("boom");
                  }));
      assertEquals("Acme Pay", store.info().client());
    }
  }

  @Test
  void everyMigrationScriptSplitsIntoStatements() {
    for (int v = 1; v <= Migrations.LATEST; v++) {
      String script = Migrations.SCRIPTS.get(v - 1);
      assertFalse(Migrations.statements(script).isEmpty() && !Migrations.javaStep(v), script);
    }
  }

  private static void assertArrayEquals(byte[] expected, byte[] actual) {
    Assertions.assertArrayEquals(expected, actual);
  }
}
