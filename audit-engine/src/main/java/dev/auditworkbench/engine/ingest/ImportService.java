package dev.auditworkbench.engine.ingest;

import dev.auditworkbench.engine.model.ImportRecord;
import dev.auditworkbench.engine.model.Location;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ImportRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Imports captured files into a project: picks the format by content (or takes the one named),
 * maps paths into the repo, fingerprints every finding and writes one transaction per file. The
 * same bytes imported twice change nothing; a newer report of the same tool keeps every triage
 * decision and marks what it no longer reports as gone.
 */
public final class ImportService {
  private static final int MAX_WARNINGS_KEPT = 20;

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
      return new ImportResult(input, importer.id(), importer.displayName(), detected, true, same.get());
    }
    Path repo = store.info().repo();
    ImportRecord record;
    try {
      record = store.write(c -> runImport(c, input, importer, sha256, repo, listener));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new ImportResult(input, importer.id(), importer.displayName(), detected, false, record);
  }

  private ImportRecord runImport(
      Connection c, Path input, Importer importer, String sha256, Path repo, ProgressListener listener)
      throws SQLException, BadInputException {
    Instant now = clock.instant();
    ImportRepository imports = new ImportRepository(c);
    long importId =
        imports.begin(
            input.getFileName().toString(), input.toString(), sha256, importer.id(), importer.tool(), now);
    try (FindingRepository findings = new FindingRepository(c)) {
      Sink sink = new Sink(findings, importer.tool(), importId, now, repo, listener);
      try {
        importer.parse(new FileInput(input, listener, Files.size(input)), sink);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      sink.rethrow();
      listener.checkCancelled();
      int gone = findings.markGone(importer.tool(), importId, sink.scannedScope());
      imports.finish(
          importId, sink.toolVersion, sink.recordsRead, sink.newCount, sink.unchangedCount, gone, sink.warnings());
      return imports.byId(importId).orElseThrow();
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
            new ProgressInputStream(Files.newInputStream(file), listener, size, "Hashing " + file.getFileName()),
            md)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** The file as importers see it: buffered, counted for progress, cancellable. */
  private record FileInput(Path path, ProgressListener listener, long size) implements ImportInput {
    @Override
    public InputStream open() throws IOException {
      return new ProgressInputStream(
          new BufferedInputStream(Files.newInputStream(path), 1 << 16),
          listener,
          size,
          "Importing " + path.getFileName());
    }
  }

  /** Turns each raw finding into a stored one inside the import's transaction. */
  private static final class Sink implements FindingSink {
    private final FindingRepository findings;
    private final String tool;
    private final long importId;
    private final Instant now;
    private final PathMapper paths;
    private final SourceLines lines;
    private final Fingerprinter fingerprinter = new Fingerprinter();
    private final ProgressListener listener;
    private final List<String> warnings = new ArrayList<>();
    private long warningCount;
    private String toolVersion;
    private long recordsRead;
    private int newCount;
    private int unchangedCount;
    private SQLException failure;
    private final java.util.Set<String> scanned = new java.util.HashSet<>();

    Sink(FindingRepository findings, String tool, long importId, Instant now, Path repo, ProgressListener listener) {
      this.findings = findings;
      this.tool = tool;
      this.importId = importId;
      this.now = now;
      this.paths = new PathMapper(repo);
      this.lines = new SourceLines(repo);
      this.listener = listener;
    }

    @Override
    public void accept(RawFinding raw) {
      if (failure != null) {
        return;
      }
      Location loc = paths.location(raw.rawPath(), raw.startLine(), raw.endLine(), raw.symbol());
      String source = raw.sourceLine();
      if (source == null && loc.inRepo()) {
        source = lines.line(loc.path(), loc.startLine());
      }
      String fp =
          fingerprinter.fingerprint(
              raw.ruleKey(),
              loc.path(),
              Fingerprinter.anchor(source, loc.symbol(), loc.startLine()),
              raw.keyEvidence());
      try {
        OptionalLong existing = findings.idOf(fp);
        long id;
        if (existing.isPresent()) {
          id = existing.getAsLong();
          findings.refresh(id, raw, loc, importId, now);
          unchangedCount++;
        } else {
          id = findings.insert(fp, raw, loc, importId, now);
          newCount++;
        }
        findings.seenBy(id, tool, raw.nativeRuleId(), importId);
      } catch (SQLException e) {
        failure = e;
      }
      if ((newCount + unchangedCount) % 1000 == 0) {
        listener.checkCancelled();
      }
    }

    @Override
    public void toolVersion(String version) {
      toolVersion = version;
    }

    @Override
    public void scanned(String rawPath) {
      String mapped = paths.map(rawPath).path();
      if (mapped != null) {
        scanned.add(mapped);
      }
    }

    /** The repo paths the input said it scanned; empty when it did not say. */
    java.util.Set<String> scannedScope() {
      return scanned;
    }

    @Override
    public void recordRead() {
      recordsRead++;
    }

    @Override
    public void warn(long line, String message) {
      warningCount++;
      if (warnings.size() < MAX_WARNINGS_KEPT) {
        warnings.add(line > 0 ? "line " + line + ": " + message : message);
      }
    }

    List<String> warnings() {
      List<String> out = new ArrayList<>(warnings);
      if (warningCount > warnings.size()) {
        out.add("... and " + (warningCount - warnings.size()) + " more warnings");
      }
      return out;
    }

    void rethrow() throws SQLException {
      if (failure != null) {
        throw failure;
      }
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
