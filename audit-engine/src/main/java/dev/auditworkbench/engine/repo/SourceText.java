package dev.auditworkbench.engine.repo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A file's text as UTF-8 bytes, so syntax nodes can address it by byte offsets. */
public final class SourceText {
  private final byte[] utf8;
  private final String text;
  private int[] lineStarts;

  public SourceText(String text) {
    this.text = text;
    this.utf8 = text.getBytes(StandardCharsets.UTF_8);
  }

  /** The 1-based line of a byte offset. */
  public int lineOf(int byteOffset) {
    if (lineStarts == null) {
      lineStarts = indexLines();
    }
    int i = Arrays.binarySearch(lineStarts, byteOffset);
    return (i >= 0 ? i : -i - 2) + 1;
  }

  private int[] indexLines() {
    int count = 1;
    for (byte b : utf8) {
      if (b == '\n') {
        count++;
      }
    }
    int[] starts = new int[count];
    int line = 1;
    for (int i = 0; i < utf8.length; i++) {
      if (utf8[i] == '\n') {
        starts[line++] = i + 1;
      }
    }
    return starts;
  }

  public String text() {
    return text;
  }

  /** The UTF-8 bytes (shared, not copied: parsers only read them). */
  byte[] utf8() {
    return utf8;
  }

  public int byteLength() {
    return utf8.length;
  }

  public String slice(int startByte, int endByte) {
    int end = Math.min(endByte, utf8.length);
    int start = Math.min(Math.max(0, startByte), end);
    return new String(utf8, start, end - start, StandardCharsets.UTF_8);
  }
}
