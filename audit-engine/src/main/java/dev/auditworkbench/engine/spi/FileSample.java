package dev.auditworkbench.engine.spi;

import java.nio.file.Path;

/**
 * The start of an input file, decoded as UTF-8 (bad bytes replaced), for format detection.
 *
 * @param head at most the first {@link #HEAD_BYTES} bytes of the file, decoded
 * @param binary true when the head holds NUL bytes or a known binary signature (ZIP, gzip, PDF)
 */
public record FileSample(Path path, String head, boolean binary) {
  public static final int HEAD_BYTES = 64 * 1024;

  /** The head without a byte-order mark and leading white space. */
  public String trimmedHead() {
    String h = head.startsWith("\uFEFF") ? head.substring(1) : head;
    return h.stripLeading();
  }
}
