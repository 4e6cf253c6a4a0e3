package dev.auditworkbench.engine.store;

import dev.auditworkbench.engine.model.ProjectInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * One audit project: a single SQLite file. Opening it locks it against other processes, checks it,
 * and migrates an older schema after taking a backup copy. Every change goes through {@link
 * #write}, one transaction that lands whole or not at all.
 *
 * <p>One connection, used by one thread at a time (methods are synchronized); WAL mode keeps
 * readers of other tools (the sqlite3 shell, a backup) consistent while it is open.
 */
public final class ProjectStore implements AutoCloseable {
  private static final byte[] SQLITE_MAGIC =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private final Path file;
  private final Connection connection;
  private final ProjectLock lock;
  private final Path backup;
  private boolean closed;
  private boolean readOnly;

  private ProjectStore(Path file, Connection connection, ProjectLock lock, Path backup) {
    this.file = file;
    this.connection = connection;
    this.lock = lock;
    this.backup = backup;
  }

  /** The schema version this build writes. */
  public static int latestSchemaVersion() {
    return Migrations.LATEST;
  }

  /** Creates a new project file; refuses to overwrite an existing file. */
  public static ProjectStore create(Path file, ProjectInfo info, Clock clock)
      throws ProjectFileException {
    Path absolute = file.toAbsolutePath().normalize();
    if (Files.exists(absolute)) {
      throw new ProjectFileException(absolute, "already exists; open it, or choose another name");
    }
    if (absolute.getParent() != null && !Files.isDirectory(absolute.getParent())) {
      throw new ProjectFileException(
          absolute, "folder " + absolute.getParent() + " does not exist");
    }
    ProjectLock lock = ProjectLock.acquire(absolute);
    Connection c = null;
    try {
      c = connect(absolute);
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA journal_mode = WAL");
      }
      lockFile(c, absolute);
      Migrations.migrate(c, 0, Migrations.LATEST);
      configure(c);
      ProjectStore store = new ProjectStore(absolute, c, lock, null);
      store.write(
          conn -> {
            new ProjectRepository(conn).saveInfo(info, clock.instant());
            return null;
          });
      return store;
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c);
      lock.close();
      deleteQuietly(absolute);
      throw new ProjectFileException(absolute, "cannot create project: " + e.getMessage(), e);
    }
  }

  /** Opens an existing project, migrating an older schema after a backup copy. */
  public static ProjectStore open(Path file) throws ProjectFileException {
    Path absolute = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(absolute)) {
      throw new ProjectFileException(absolute, "no such project file");
    }
    checkHeader(absolute);
    ProjectLock lock = ProjectLock.acquire(absolute);
    Connection c = null;
    try {
      c = connect(absolute);
      lockFile(c, absolute);
      quickCheck(c, absolute);
      int version = Migrations.userVersion(c);
      checkIsProject(c, absolute, version);
      Path backup = null;
      if (version < Migrations.LATEST) {
        backup = backup(c, absolute, version);
        Migrations.migrate(c, version, Migrations.LATEST);
      }
      configure(c);
      return new ProjectStore(absolute, c, lock, backup);
    } catch (ProjectFileException e) {
      closeQuietly(c);
      lock.close();
      throw e;
    } catch (SQLException e) {
      closeQuietly(c);
      lock.close();
      throw DiskTrouble.classify(absolute, e)
          .orElseGet(
              () ->
                  new ProjectFileException(
                      absolute,
                      "project file is damaged or unreadable (" + e.getMessage() + ")",
                      e));
    }
  }

  /**
   * Opens a project that cannot be written (read-only media, a copy from an archive) for reading:
   * no lock file, no migration, and every {@link #write} refused. The file is read as immutable.
   */
  public static ProjectStore openReadOnly(Path file) throws ProjectFileException {
    Path absolute = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(absolute)) {
      throw new ProjectFileException(absolute, "no such project file");
    }
    checkHeader(absolute);
    Connection c = null;
    try {
      SQLiteConfig config = new SQLiteConfig();
      config.setReadOnly(true);
      config.setOpenMode(SQLiteOpenMode.OPEN_URI);
      c =
          config.createConnection(
              "jdbc:sqlite:"
                  + absolute.toUri().toString().replaceFirst("^file:/+", "file:/")
                  + "?immutable=1");
      int version = Migrations.userVersion(c);
      checkIsProject(c, absolute, version);
      if (version < Migrations.LATEST) {
        throw new ProjectFileException(
            absolute,
            "was written by an older version (schema "
                + version
                + ") and is on read-only media; copy it somewhere writable to open it");
      }
      ProjectStore store = new ProjectStore(absolute, c, null, null);
      store.readOnly = true;
      return store;
    } catch (SQLException e) {
      closeQuietly(c);
      throw new ProjectFileException(
          absolute, "project file is damaged or unreadable (" + e.getMessage() + ")", e);
    } catch (ProjectFileException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /** Whether this project was opened with {@link #openReadOnly}. */
  public boolean readOnly() {
    return readOnly;
  }

  private static Connection connect(Path file) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement st = c.createStatement()) {
      st.execute("PRAGMA busy_timeout = 5000");
    }
    return c;
  }

  /**
   * Holds SQLite's exclusive lock on the database file itself for as long as the project is open.
   * The lock file beside the project names who holds it, but it goes by the path: a hard link, a
   * bind mount or a second name for the same file would slip past it and two writers would each
   * report success while one import was silently lost. The database's own lock is on the file,
   * whatever its name.
   */
  private static void lockFile(Connection c, Path file) throws SQLException, ProjectFileException {
    try (Statement st = c.createStatement()) {
      st.execute("PRAGMA locking_mode = EXCLUSIVE");
      st.execute("PRAGMA busy_timeout = 1000");
      st.execute("BEGIN EXCLUSIVE");
      st.execute("COMMIT");
      st.execute("PRAGMA busy_timeout = 5000");
    } catch (SQLException e) {
      if (e.getErrorCode() == 5
          || String.valueOf(e.getMessage()).contains("SQLITE_BUSY")
          || String.valueOf(e.getMessage()).contains("locked")) {
        throw new ProjectLockedException(
            file, "by another process, perhaps through another name or link to the same file");
      }
      throw e;
    }
  }

  private static void configure(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("PRAGMA foreign_keys = ON");
      st.execute("PRAGMA journal_mode = WAL");
      st.execute("PRAGMA synchronous = FULL");
    }
  }

  private static void checkHeader(Path file) throws ProjectFileException {
    byte[] head = new byte[SQLITE_MAGIC.length];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      throw new ProjectFileException(file, "cannot read project file: " + e.getMessage(), e);
    }
    if (n < head.length || !Arrays.equals(head, SQLITE_MAGIC)) {
      throw new ProjectFileException(
          file, "not an Audit Workbench project (the file is not an SQLite database)");
    }
  }

  private static void quickCheck(Connection c, Path file)
      throws SQLException, ProjectFileException {
    try (Statement st = c.createStatement();
        var rs = st.executeQuery("PRAGMA quick_check")) {
      String first = rs.next() ? rs.getString(1) : "no answer";
      if (!"ok".equals(first)) {
        throw new ProjectFileException(
            file,
            "project file is damaged (integrity check: " + first + "); restore a backup copy");
      }
    }
  }

  private static void checkIsProject(Connection c, Path file, int version)
      throws SQLException, ProjectFileException {
    if (version > Migrations.LATEST) {
      throw new ProjectFileException(
          file,
          "project was written by a newer Audit Workbench (schema "
              + version
              + "; this version reads up to "
              + Migrations.LATEST
              + "); update the app to open it");
    }
    try (var rs = c.getMetaData().getTables(null, null, "project", null)) {
      if (version == 0 || !rs.next()) {
        throw new ProjectFileException(
            file, "not an Audit Workbench project (an SQLite database without a project table)");
      }
    }
  }

  /**
   * A consistent copy (including any WAL content) taken before migrating: one per schema version,
   * replaced by each attempt (a migration that fails changes nothing, so a retry's copy is as good
   * and newer; failed attempts must not fill the disk with full copies).
   */
  private static Path backup(Connection c, Path file, int version) throws SQLException {
    Path target = file.resolveSibling(file.getFileName() + ".v" + version + "-backup");
    Path partial = file.resolveSibling(target.getFileName() + ".partial");
    try {
      Files.deleteIfExists(partial);
      try (var ps = c.prepareStatement("VACUUM INTO ?")) {
        ps.setString(1, partial.toString());
        ps.execute();
      }
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(partial);
      throw new SQLException("cannot write the backup copy " + target + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      deleteQuietly(partial);
      throw e;
    }
    return target;
  }

  public Path file() {
    return file;
  }

  /** The backup copy taken when this open migrated an older schema. */
  public Optional<Path> migrationBackup() {
    return Optional.ofNullable(backup);
  }

  public synchronized int schemaVersion() {
    try {
      return Migrations.userVersion(connection);
    } catch (SQLException e) {
      throw new StoreException("cannot read schema version", e);
    }
  }

  public ProjectInfo info() {
    return read(c -> new ProjectRepository(c).info());
  }

  /** Work run in one transaction: committed if it returns, rolled back if it throws. */
  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    T run(Connection c) throws SQLException, E;
  }

  /** Runs {@code work} in one transaction. */
  public synchronized <T, E extends Exception> T write(Work<T, E> work) throws E {
    if (readOnly) {
      throw new StoreException(
          file + " is open read-only (read-only media): nothing can be changed", null);
    }
    return transaction(work);
  }

  private synchronized <T, E extends Exception> T transaction(Work<T, E> work) throws E {
    ensureOpen();
    try {
      connection.setAutoCommit(false);
      T result = work.run(connection);
      connection.commit();
      return result;
    } catch (SQLException e) {
      rollback();
      String full = DiskTrouble.classify(file, e).map(Throwable::getMessage).orElse(null);
      throw new StoreException(
          full != null ? full : "database error, nothing was saved: " + e.getMessage(), e);
    } catch (Exception | Error e) {
      rollback();
      throw e;
    } finally {
      restoreAutoCommit();
    }
  }

  /** Runs a read-only query on a consistent snapshot. */
  public synchronized <T> T read(Work<T, RuntimeException> work) {
    return transaction(work);
  }

  private void rollback() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // The connection is unusable; the transaction is gone either way.
    }
  }

  private void restoreAutoCommit() {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException ignored) {
      // Next write sets it again.
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("project " + file + " is closed");
    }
  }

  /** Checkpoints the WAL into the main file, closes the database and releases the lock. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!readOnly) {
      try (Statement st = connection.createStatement()) {
        st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      } catch (SQLException ignored) {
        // Closing the last connection checkpoints too.
      }
    }
    closeQuietly(connection);
    if (lock != null) {
      lock.close();
    }
  }

  private static void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException ignored) {
      // Nothing left to do with it.
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-wal"));
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
    } catch (IOException ignored) {
      // Best effort after a failed create.
    }
  }
}
