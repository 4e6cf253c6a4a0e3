package dev.auditworkbench.engine.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reports written as UTF-16 or UTF-32 (PowerShell's redirection, some Windows tools), with or
 * without a byte order mark, are read as text: importers always see UTF-8 without a BOM. The
 * encoding is told from the BOM, else from where the NUL bytes of ASCII text fall.
 */
final class TextEncoding {
  /** The encoding of a text and how many BOM bytes to skip. */
  record Detected(Charset charset, int bomLength) {
    boolean plainUtf8() {
      return charset.equals(StandardCharsets.UTF_8) && bomLength == 0;
    }
  }

  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

  private TextEncoding() {}

  static Detected detect(byte[] head) {
    int n = head.length;
    if (n >= 4 && b(head, 0) == 0 && b(head, 1) == 0 && b(head, 2) == 0xFE && b(head, 3) == 0xFF) {
      return new Detected(UTF_32BE, 4);
    }
    if (n >= 4 && b(head, 0) == 0xFF && b(head, 1) == 0xFE && b(head, 2) == 0 && b(head, 3) == 0) {
      return new Detected(UTF_32LE, 4);
    }
    if (n >= 3 && b(head, 0) == 0xEF && b(head, 1) == 0xBB && b(head, 2) == 0xBF) {
      return new Detected(StandardCharsets.UTF_8, 3);
    }
    if (n >= 2 && b(head, 0) == 0xFE && b(head, 1) == 0xFF) {
      return new Detected(StandardCharsets.UTF_16BE, 2);
    }
    if (n >= 2 && b(head, 0) == 0xFF && b(head, 1) == 0xFE) {
      return new Detected(StandardCharsets.UTF_16LE, 2);
    }
    if (n >= 8 && nulPattern(head, 4, 1, 2, 3)) {
      return new Detected(UTF_32LE, 0);
    }
    if (n >= 8 && nulPattern(head, 4, 0, 1, 2)) {
      return new Detected(UTF_32BE, 0);
    }
    if (n >= 4 && nulPattern(head, 2, 1)) {
      return new Detected(StandardCharsets.UTF_16LE, 0);
    }
    if (n >= 4 && nulPattern(head, 2, 0)) {
      return new Detected(StandardCharsets.UTF_16BE, 0);
    }
    return new Detected(StandardCharsets.UTF_8, 0);
  }

  /**
   * Whether, in every unit of {@code unit} bytes of the head, exactly the bytes at {@code zeros}
   * are NUL.
   */
  private static boolean nulPattern(byte[] head, int unit, int... zeros) {
    int units = Math.min(head.length, 4096) / unit;
    for (int u = 0; u < units; u++) {
      for (int i = 0; i < unit; i++) {
        boolean zero = head[u * unit + i] == 0;
        boolean shouldBe = false;
        for (int z : zeros) {
          shouldBe |= z == i;
        }
        if (zero != shouldBe) {
          return false;
        }
      }
    }
    return units > 0;
  }

  private static int b(byte[] a, int i) {
    return a[i] & 0xff;
  }

  /** The head decoded as text, for format detection. */
  static String decode(byte[] head, Detected d) {
    try {
      return d.charset()
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(head, d.bomLength(), head.length - d.bomLength()))
          .toString()
          .replace("\uFFFD", "");
    } catch (CharacterCodingException e) {
      return ""; // not with REPLACE; nothing to detect from
    }
  }

  /** The stream as UTF-8 without a BOM; {@code in} is positioned at its start. */
  static InputStream asUtf8(InputStream in, Detected d) throws IOException {
    in.skipNBytes(d.bomLength());
    if (d.charset().equals(StandardCharsets.UTF_8)) {
      return in;
    }
    return new Utf8Stream(new InputStreamReader(in, d.charset()));
  }

  /** A reader's text as UTF-8 bytes, encoded as it is read. */
  private static final class Utf8Stream extends InputStream {
    private final Reader reader;
    private final CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private final ByteBuffer bytes = ByteBuffer.allocate(32768);
    private boolean eof;

    Utf8Stream(Reader reader) {
      this.reader = reader;
      chars.flip();
      bytes.flip();
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (!bytes.hasRemaining()) {
        if (eof && !chars.hasRemaining()) {
          return -1;
        }
        fill();
      }
      int n = Math.min(len, bytes.remaining());
      bytes.get(b, off, n);
      return n;
    }

    private void fill() throws IOException {
      chars.compact();
      int read = eof ? -1 : reader.read(chars);
      eof |= read < 0;
      chars.flip();
      bytes.clear();
      CoderResult r = encoder.encode(chars, bytes, eof);
      if (r.isError()) {
        r.throwException();
      }
      if (eof && !chars.hasRemaining()) {
        encoder.flush(bytes);
      }
      bytes.flip();
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
