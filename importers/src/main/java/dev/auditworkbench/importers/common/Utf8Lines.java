package dev.auditworkbench.importers.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a UTF-8 stream, as {@link java.io.BufferedReader#readLine()} gives them (ended by
 * "\n", "\r" or "\r\n", without the ending; a malformed byte becomes U+FFFD), found in the bytes
 * and decoded one whole line at a time. For logs of a gigabyte: an InputStreamReader decodes every
 * byte into a char buffer first and readLine copies the chars again, which was a quarter of the
 * PostgreSQL log reader's time; a line of ASCII is copied once here.
 */
public final class Utf8Lines implements AutoCloseable {
  private final InputStream in;
  private byte[] buf;
  private int start;
  private int end;
  private boolean eof;

  /** A '\r' ended the last line: a '\n' right after it belongs to that ending. */
  private boolean afterCr;

  public Utf8Lines(InputStream in) {
    this(in, 1 << 20);
  }

  Utf8Lines(InputStream in, int bufferSize) {
    this.in = in;
    this.buf = new byte[bufferSize];
  }

  /** The next line, or null at the end of the stream. */
  public String next() throws IOException {
    int scan = start;
    while (true) {
      if (afterCr) {
        if (start == end && !fill()) {
          return null;
        }
        afterCr = false;
        if (buf[start] == '\n') {
          start++;
        }
        scan = start;
        continue;
      }
      for (int i = scan; i < end; i++) {
        byte b = buf[i];
        if (b <= '\r' && (b == '\n' || b == '\r')) {
          String line = new String(buf, start, i - start, StandardCharsets.UTF_8);
          start = i + 1;
          afterCr = b == '\r';
          return line;
        }
      }
      scan = end - start; // what is already scanned, relative to the line's start after fill()
      if (!fill()) {
        if (start < end) {
          String line = new String(buf, start, end - start, StandardCharsets.UTF_8);
          start = end;
          return line;
        }
        return null;
      }
      scan += start;
    }
  }

  /**
   * Moves the unfinished line to the front (growing the buffer for a longer line) and reads more;
   * false at the end of the stream with nothing read.
   */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int n = in.read(buf, end, buf.length - end);
    if (n < 0) {
      eof = true;
      return false;
    }
    end += n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
