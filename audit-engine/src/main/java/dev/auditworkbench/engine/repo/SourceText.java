package dev.auditworkbench.engine.repo;

import java.nio.charset.StandardCharsets;

/** A file's text as UTF-8 bytes, so syntax nodes can address it by byte offsets. */
public final class SourceText {
  private final byte[] utf8;
  private final String text;

  public SourceText(String text) {
    this.text = text;
    this.utf8 = text.getBytes(StandardCharsets.UTF_8);
  }

  public String text() {
    return text;
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
