package dev.auditworkbench.engine.ingest;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Logs as servers rotate them: gzip, bzip2, xz and zstd files (pgBadger reads the same four) are
 * read through, recognised by their first bytes rather than their names. Imports see the text;
 * progress counts the compressed bytes read, against the file's size.
 */
public final class Compressed {
  /** A compression format, by its magic bytes. */
  public enum Kind {
    NONE,
    GZIP,
    BZIP2,
    XZ,
    ZSTD
  }

  private Compressed() {}

  /** The compression of a file whose first bytes are {@code head}. */
  public static Kind of(byte[] head) {
    int n = head.length;
    if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return Kind.GZIP;
    }
    if (n >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') {
      return Kind.BZIP2;
    }
    if (n >= 6
        && (head[0] & 0xff) == 0xfd
        && head[1] == '7'
        && head[2] == 'z'
        && head[3] == 'X'
        && head[4] == 'Z'
        && head[5] == 0) {
      return Kind.XZ;
    }
    if (n >= 4
        && (head[0] & 0xff) == 0x28
        && (head[1] & 0xff) == 0xb5
        && (head[2] & 0xff) == 0x2f
        && (head[3] & 0xff) == 0xfd) {
      return Kind.ZSTD;
    }
    return Kind.NONE;
  }

  /** The compression of a file. */
  public static Kind of(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return of(in.readNBytes(6));
    }
  }

  /** {@code raw} decompressed as {@code kind} says (buffered), or {@code raw} itself. */
  public static InputStream decompress(InputStream raw, Kind kind) throws IOException {
    InputStream in =
        raw instanceof BufferedInputStream ? raw : new BufferedInputStream(raw, 1 << 16);
    return switch (kind) {
      case NONE -> in;
      case GZIP ->
          new BufferedInputStream(
              new GZIPInputStream(in, 1 << 16), 1 << 16); // also multi-member files
      case BZIP2 -> new BufferedInputStream(new BZip2CompressorInputStream(in, true), 1 << 16);
      case XZ -> new BufferedInputStream(new XZInputStream(in), 1 << 16);
      case ZSTD -> new BufferedInputStream(new ZstdInputStream(in), 1 << 16);
    };
  }

  /**
   * {@code raw} (the bytes of {@code file}) decompressed; a damaged stream fails with an error
   * naming the file, the compression and the byte offset of the file where it broke.
   */
  public static InputStream decompress(InputStream raw, Kind kind, Path file) throws IOException {
    if (kind == Kind.NONE) {
      return decompress(raw, kind);
    }
    long[] read = {0};
    InputStream counted =
        new FilterInputStream(raw) {
          @Override
          public int read() throws IOException {
            int b = super.read();
            read[0] += b < 0 ? 0 : 1;
            return b;
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            read[0] += Math.max(0, n);
            return n;
          }
        };
    InputStream in = decompress(counted, kind);
    String what = kind.name().toLowerCase(Locale.ROOT);
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        try {
          return super.read();
        } catch (IOException e) {
          throw damaged(e);
        }
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          return super.read(b, off, len);
        } catch (IOException e) {
          throw damaged(e);
        }
      }

      private IOException damaged(IOException e) {
        if (e instanceof InterruptedIOException) {
          return e;
        }
        IOException damaged =
            new IOException(
                file
                    + ": the "
                    + what
                    + "-compressed data is damaged or cut short near"
                    + " byte "
                    + read[0]
                    + " of the file ("
                    + e.getMessage()
                    + ")");
        damaged.addSuppressed(e); // kept for the log; the message is what the user reads
        return damaged;
      }
    };
  }

  /** Why a compressed file does not decompress, with the compressed byte offset reached. */
  public static String damage(Path file, Kind kind) {
    long[] read = {0};
    try (InputStream counted =
            new FilterInputStream(Files.newInputStream(file)) {
              @Override
              public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                read[0] += Math.max(0, n);
                return n;
              }
            };
        InputStream in = decompress(counted, kind)) {
      in.transferTo(OutputStream.nullOutputStream());
      return "no error on a second reading";
    } catch (IOException e) {
      return e.getMessage() + " at byte " + read[0] + " of " + file.toFile().length();
    }
  }

  /** Opens a file, decompressed when it is compressed. */
  public static InputStream open(Path file) throws IOException {
    return decompress(Files.newInputStream(file), of(file));
  }
}
