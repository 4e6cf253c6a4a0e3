package dev.auditworkbench.engine.ingest;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.django.RouteResolver;
import dev.auditworkbench.engine.model.ImportRecord;
import dev.auditworkbench.engine.spi.BadFieldException;
import dev.auditworkbench.engine.spi.BadInputException;
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
    String sha256 = sha256(input, listener);
    Optional<ImportRecord> same =
        store.read(c -> new ImportRepository(c).findSame(sha256, importer.id()));
    if (same.isPresent()) {
      return new ImportResult(
          input, importer.id(), importer.displayName(), detected, true, same.get());
    }
    Path repo = store.info().repo();
    ImportRecord record;
    try {
      record = store.write(c -> runImport(c, input, importer, sha256, repo, options, listener));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (BadFieldException e) {
      throw e.recordLine() > 0
          ? BadInputException.atLine(input, e.recordLine(), importer.id(), e.getMessage())
          : BadInputException.whole(input, importer.id(), e.getMessage());
    }
    return new ImportResult(input, importer.id(), importer.displayName(), detected, false, record);
  }

  private ImportRecord runImport(
      Connection c,
      Path input,
      Importer importer,
      String sha256,
      Path repo,
      Map<String, String> options,
      ProgressListener listener)
      throws SQLException, BadInputException {
    Instant now = clock.instant();
    ImportRepository imports = new ImportRepository(c);
    long importId =
        imports.begin(
            input.getFileName().toString(),
            input.toString(),
            sha256,
            importer.id(),
            importer.tool(),
            now);
    Optional<DjangoInventory> inventory =
        new ScanRepository(c).latestFacts("inventory", DjangoInventory.class);
    RouteResolver routes = inventory.map(RouteResolver::new).orElse(null);
    try (FindingWriter writer =
        new FindingWriter(c, importer.tool(), importId, now, repo, listener)
            .withRoutes(routes)
            .withTables(inventory.map(i -> new TableLocator(i, repo)).orElse(null))) {
      try {
        importer.parse(new FileInput(input, listener, Files.size(input), options), writer);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
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

  private static String sha256(Path file, ProgressListener listener) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    long size = Files.size(file);
    try (InputStream in =
        new DigestInputStream(
            new ProgressInputStream(
                Files.newInputStream(file), listener, size, "Hashing " + file.getFileName()),
            md)) {
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
      return sha256(file, ProgressListener.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
