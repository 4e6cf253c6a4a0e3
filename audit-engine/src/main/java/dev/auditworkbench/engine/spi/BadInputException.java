package dev.auditworkbench.engine.spi;

import java.nio.file.Path;

/**
 * An input that cannot be read as the format it claims or was taken for. Carries the file, the
 * position (line and column, or a byte offset when the format has no lines) and the format
 * expected, so users get one clear line instead of a stack trace.
 */
public final class BadInputException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long line;
  private final long column;
  private final long byteOffset;
  private final String format;
  private final String reason;

  public BadInputException(
      Path file, long line, long column, long byteOffset, String format, String reason) {
    super(describe(file, line, column, byteOffset, format, reason));
    this.file = file;
    this.line = line;
    this.column = column;
    this.byteOffset = byteOffset;
    this.format = format;
    this.reason = reason;
  }

  public static BadInputException atLine(Path file, long line, String format, String reason) {
    return new BadInputException(file, line, 0, -1, format, reason);
  }

  public static BadInputException whole(Path file, String format, String reason) {
    return new BadInputException(file, 0, 0, -1, format, reason);
  }

  private static String describe(
      Path file, long line, long column, long byteOffset, String format, String reason) {
    StringBuilder where = new StringBuilder(String.valueOf(file));
    if (line > 0) {
      where.append(", line ").append(line);
      if (column > 0) {
        where.append(", column ").append(column);
      }
    } else if (byteOffset >= 0) {
      where.append(", byte offset ").append(byteOffset);
    }
    String expected = format == null ? "" : " (expected " + format + ")";
    return where + ": " + reason + expected;
  }

  public Path file() {
    return file;
  }

  public long line() {
    return line;
  }

  public long column() {
    return column;
  }

  public long byteOffset() {
    return byteOffset;
  }

  public String format() {
    return format;
  }

  public String reason() {
    return reason;
  }
}
