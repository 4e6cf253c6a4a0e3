package dev.auditworkbench.engine.spi;

/**
 * A field of an input record whose value is out of what it can mean (a line number of 1e30 or 2^31,
 * a negative count). Importers throw it from deep inside their parsing; the import turns it into a
 * {@link BadInputException} naming the file, the format, the field and the value, and nothing is
 * stored. Values are never silently clamped.
 */
public final class BadFieldException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The largest line number taken as real: no source file has ten million lines. */
  public static final long MAX_LINE = 10_000_000;

  private final long recordLine;

  public BadFieldException(String field, String value, String expected, long recordLine) {
    super(
        "field "
            + field
            + " is "
            + (value.length() > 40 ? value.substring(0, 40) + "..." : value)
            + ", not "
            + expected);
    this.recordLine = recordLine;
  }

  /** The input line of the record that holds the field, or 0 when unknown. */
  public long recordLine() {
    return recordLine;
  }

  /** A line number as written: a whole number from 0 to {@link #MAX_LINE}. */
  public static int lineNumber(String field, String text, long recordLine) {
    String t = text == null ? "" : text.strip();
    try {
      long v = Long.parseLong(t);
      if (v >= 0 && v <= MAX_LINE) {
        return (int) v;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new BadFieldException(field, t, "a line number (0 to 10,000,000)", recordLine);
  }
}
