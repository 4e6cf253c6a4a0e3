package dev.auditworkbench.engine.ingest;

import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.Importer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The importers on the class path, and format detection by content. */
public final class ImporterRegistry {
  /** Below this, a format guess is not good enough to import without {@code --format}. */
  public static final double MIN_CONFIDENCE = 0.5;

  private final List<Importer> importers;

  public ImporterRegistry(List<Importer> importers) {
    List<Importer> sorted = new ArrayList<>(importers);
    sorted.sort(Comparator.comparing(Importer::id));
    this.importers = List.copyOf(sorted);
  }

  /** Every importer registered with {@link ServiceLoader}. */
  public static ImporterRegistry load() {
    List<Importer> found = new ArrayList<>();
    ServiceLoader.load(Importer.class, ImporterRegistry.class.getClassLoader()).forEach(found::add);
    return new ImporterRegistry(found);
  }

  public List<Importer> all() {
    return importers;
  }

  public Optional<Importer> byId(String id) {
    return importers.stream().filter(i -> i.id().equalsIgnoreCase(id)).findFirst();
  }

  /** The importer named by {@code --format}, or a clear error listing the known ids. */
  public Importer require(String id, Path file) throws BadInputException {
    return byId(id)
        .orElseThrow(
            () -> BadInputException.whole(file, "one of " + ids(), "unknown format '" + id + "'"));
  }

  /** The importer most confident that {@code file} is its format. */
  public Importer detect(Path file) throws IOException, BadInputException {
    Compressed.Kind kind = Compressed.of(file);
    byte[] decompressed = compressedHead(file, kind);
    if (kind != Compressed.Kind.NONE && decompressed == null) {
      throw BadInputException.whole(
          file,
          kind.name().toLowerCase(Locale.ROOT) + "-compressed file",
          "it does not decompress (damaged or cut short): " + Compressed.damage(file, kind));
    }
    FileSample sample = sample(file, decompressed);
    if (sample.head().isEmpty()) {
      throw BadInputException.whole(file, "a scan report, log or trace", "file is empty");
    }
    Importer best = null;
    double bestScore = 0;
    List<Importer> tied = new ArrayList<>();
    for (Importer importer : importers) {
      double score = importer.detect(sample);
      if (score > bestScore) {
        best = importer;
        bestScore = score;
        tied.clear();
      } else if (score == bestScore && score > 0) {
        tied.add(importer);
      }
    }
    if (best != null && bestScore >= MIN_CONFIDENCE && !tied.isEmpty()) {
      String candidates =
          best.id() + ", " + tied.stream().map(Importer::id).collect(Collectors.joining(", "));
      throw BadInputException.whole(
          file,
          "one of " + candidates,
          "ambiguous: the content fits " + candidates + " equally; name the format with --format");
    }
    if (best == null || bestScore < MIN_CONFIDENCE) {
      String what = sample.binary() ? "a binary file (ZIP, gzip or similar)" : "no known format";
      throw BadInputException.whole(
          file, "one of " + ids(), what + "; name the format with --format if you know it");
    }
    return best;
  }

  private String ids() {
    return importers.stream().map(Importer::id).collect(Collectors.joining(", "));
  }

  /** Reads the head of a file for detection. */
  public static FileSample sample(Path file) throws IOException {
    return sample(file, compressedHead(file, Compressed.of(file)));
  }

  /**
   * The sample of a file whose decompressed head is {@code decompressed} (null: the file's own
   * bytes).
   */
  private static FileSample sample(Path file, byte[] decompressed) throws IOException {
    byte[] head = decompressed;
    if (head == null) {
      try (InputStream in = Files.newInputStream(file)) {
        head = in.readNBytes(FileSample.HEAD_BYTES);
      }
    }
    TextEncoding.Detected encoding = TextEncoding.detect(head);
    if (!encoding.plainUtf8()) {
      return new FileSample(file, TextEncoding.decode(head, encoding), false);
    }
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    String text = decoder.decode(ByteBuffer.wrap(head)).toString();
    return new FileSample(file, text, looksBinary(head));
  }

  /**
   * The decompressed head of a compressed file (as much as decompresses, for a damaged one, so it
   * is still recognised and its import fails at the damage), or null when the file is not
   * compressed or nothing of it decompresses.
   */
  private static byte[] compressedHead(Path file, Compressed.Kind kind) throws IOException {
    if (kind == Compressed.Kind.NONE) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = Compressed.decompress(Files.newInputStream(file), kind)) {
      byte[] buf = new byte[8192];
      for (int n;
          out.size() < FileSample.HEAD_BYTES
              && (n = in.read(buf, 0, Math.min(buf.length, FileSample.HEAD_BYTES - out.size())))
                  > 0; ) {
        out.write(buf, 0, n);
      }
    } catch (IOException damaged) {
      // keep what decompressed
    }
    return out.size() == 0 ? null : out.toByteArray();
  }

  private static boolean looksBinary(byte[] head) {
    if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return true; // gzip
    }
    if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return true; // zip
    }
    int limit = Math.min(head.length, 8192);
    for (int i = 0; i < limit; i++) {
      if (head[i] == 0) {
        return true;
      }
    }
    return false;
  }
}
