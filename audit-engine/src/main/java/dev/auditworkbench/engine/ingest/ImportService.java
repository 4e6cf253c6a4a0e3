package dev.auditworkbench.engine.ingest;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.django.RouteResolver;
import dev.auditworkbench.engine.model.ImportRecord;
import dev.auditworkbench.engine.spi.BadFieldException;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.CancelledException;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.ImportRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.store.ScanRepository;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Imports captured files into a project: picks the format by content (or takes the one named), maps
 * paths into the repo, fingerprints every finding and writes one transaction per file. The same
 * bytes imported twice change nothing; a newer report of the same tool keeps every triage decision
 * and marks what it no longer reports as gone.
 */
public final class ImportService {
  private final ProjectStore store;
  private final ImporterRegistry registry;
  private final Clock clock;

  public ImportService(ProjectStore store, ImporterRegistry registry, Clock clock) {
    this.store = store;
    this.registry = registry;
    this.clock = clock;
  }

  /**
   * Imports one file.
   *
   * @param formatId the importer to use, or null to detect it from the content
   * @throws BadInputException when the file is not (valid) input of the format; nothing is stored
   */
  public ImportResult importFile(Path file, String formatId, ProgressListener listener)
      throws IOException, BadInputException {
    return importFile(file, formatId, Map.of(), listener);
  }

  /**
   * Imports one file with options for its importer (see each importer's description).
   *
   * @param options passed to the importer as {@link ImportInput#options()}
   */
  public ImportResult importFile(
      Path file, String formatId, Map<String, String> options, ProgressListener listener)
      throws IOException, BadInputException {
    Path input = file.toAbsolutePath().normalize();
    if (Files.isDirectory(input)) {
      throw BadInputException.whole(input, null, "is a folder, not a file");
    }
    if (!Files.isRegularFile(input)) {
      throw BadInputException.whole(input, null, "no such file");
    }
    boolean detected = formatId == null;
    Importer importer = detected ? registry.detect(input) : registry.require(formatId, input);
    // The file's SHA-256 (the same bytes imported twice change nothing) is computed beside the
    // import, not before it: a gigabyte's hash was 0.75 s before the first line was read. The
    // import looks at it as soon as it is known and stops there if the file came in before.
    FutureTask<String> hashing = new FutureTask<>(() -> sha256(input));
    Thread hasher = new Thread(hashing, "import-sha256");
    hasher.setDaemon(true);
    hasher.start();
    Path repo = store.info().repo();
    ImportRecord record;
    try {
      record = store.write(c -> runImport(c, input, importer, hashing, repo, options, listener));
    } catch (SameFile same) {
      return new ImportResult(
          input, importer.id(), importer.displayName(), detected, true, same.earlier);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (BadFieldException e) {
      throw e.recordLine() > 0
          ? BadInputException.atLine(input, e.recordLine(), importer.id(), e.getMessage())
          : BadInputException.whole(input, importer.id(), e.getMessage());
    } finally {
      hashing.cancel(true);
    }
    return new ImportResult(input, importer.id(), importer.displayName(), detected, false, record);
  }

  /** The file was imported before as the same format: the import stops, rolled back. */
  private static final class SameFile extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient ImportRecord earlier;

    SameFile(ImportRecord earlier) {
      super("imported before", null, false, false);
      this.earlier = earlier;
    }
  }

  /**
   * The import's progress and cancel, which also stop the import, on the importing thread, once the
   * file's hash is known and names an earlier import of the same bytes.
   */
  private static final class SameFileWatch implements ProgressListener {
    private final ProgressListener listener;
    private final FutureTask<String> hashing;
    private final Connection c;
    private final String format;
    private final Thread importing = Thread.currentThread();
    private String sha256;

    SameFileWatch(
        ProgressListener listener, FutureTask<String> hashing, Connection c, String format) {
      this.listener = listener;
      this.hashing = hashing;
      this.c = c;
      this.format = format;
    }

    @Override
    public void progress(long done, long total, String message) {
      listener.progress(done, total, message);
    }

    @Override
    public boolean isCancelled() {
      return listener.isCancelled();
    }

    @Override
    public void checkCancelled() {
      listener.checkCancelled();
      if (sha256 == null && hashing.isDone() && Thread.currentThread() == importing) {
        check();
      }
    }

    /** The hash (waiting for it), once checked against the earlier imports. */
    String sha256() {
      if (sha256 == null) {
        check();
      }
      return sha256;
    }

    private void check() {
      try {
        sha256 = hashing.get();
        Optional<ImportRecord> same = new ImportRepository(c).findSame(sha256, format);
        if (same.isPresent()) {
          throw new SameFile(same.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancelledException();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof IOException io
            ? new UncheckedIOException(io)
            : new IllegalStateException(e.getCause());
      } catch (SQLException e) {
        throw new UncheckedSql(e);
      }
    }
  }

  /** A database error inside the watch, turned back into an SQLException by runImport. */
  private static final class UncheckedSql extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UncheckedSql(SQLException e) {
      super(e);
    }
  }

  private ImportRecord runImport(
      Connection c,
      Path input,
      Importer importer,
      FutureTask<String> hashing,
      Path repo,
      Map<String, String> options,
      ProgressListener progress)
      throws SQLException, BadInputException {
    Instant now = clock.instant();
    ImportRepository imports = new ImportRepository(c);
    long importId =
        imports.begin(
            input.getFileName().toString(),
            input.toString(),
            "", // the hash is written once known, before the import is committed
            importer.id(),
            importer.tool(),
            now);
    SameFileWatch listener = new SameFileWatch(progress, hashing, c, importer.id());
    Optional<DjangoInventory> inventory =
        new ScanRepository(c).latestFacts("inventory", DjangoInventory.class);
    RouteResolver routes = inventory.map(RouteResolver::new).orElse(null);
    try (FindingWriter writer =
        new FindingWriter(c, importer.tool(), importId, now, repo, listener)
            .withRoutes(routes)
            .withTables(inventory.map(i -> new TableLocator(i, repo)).orElse(null))) {
      try {
        importer.parse(new FileInput(input, listener, Files.size(input), options), writer);
        imports.setSha256(importId, listener.sha256());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (UncheckedSql e) {
        throw (SQLException) e.getCause(); // the watch's look at the earlier imports failed
      }
      ImportRecord record = writer.finish(imports);
      if (writer.sawQueryData()) {
        QueryFindingsRefresh.run(c, importId, now, repo, listener);
      }
      if (writer.sawCoverage()) {
        UntestedHotspots.refresh(c, importId, now, repo, listener);
      }
      if (writer.sawPackages()) {
        OutdatedDependencies.refresh(c, importId, now, repo, listener);
      }
      return record;
    }
  }

  /** Read on a thread of its own beside the import (which reports the progress). */
  private static String sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** The file as importers see it: buffered, counted for progress, cancellable. */
  private record FileInput(
      Path path, ProgressListener listener, long size, Map<String, String> options)
      implements ImportInput {
    @Override
    public InputStream open() throws IOException {
      Compressed.Kind kind = Compressed.of(path);
      byte[] head;
      try (InputStream in = Compressed.open(path)) {
        head = in.readNBytes(4096);
      }
      // Progress counts the bytes of the file (compressed or not) against its size.
      InputStream raw =
          Compressed.decompress(
              new ProgressInputStream(
                  new BufferedInputStream(Files.newInputStream(path), 1 << 16),
                  listener,
                  size,
                  "Importing " + path.getFileName()),
              kind,
              path);
      TextEncoding.Detected encoding = TextEncoding.detect(head);
      return encoding.plainUtf8()
          ? raw
          : new BufferedInputStream(TextEncoding.asUtf8(raw, encoding), 1 << 16);
    }
  }

  /** For tests and tools that need a file's SHA-256 the way imports record it. */
  public static String sha256Of(Path file) {
    try {
      return sha256(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
