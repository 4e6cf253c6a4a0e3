package dev.auditworkbench.importers.common;

import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.ImportInput;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records from a stream: quoted fields may hold commas, doubled quotes and line breaks.
 * Knows the line each record starts on, for error messages. Memory is one record.
 */
public final class CsvReader {
  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private long line = 1;
  private long recordLine;
  private boolean unclosedQuote;

  public CsvReader(Reader in) {
    this.in = in;
  }

  /** The line the last record returned started on. */
  public long recordLine() {
    return recordLine;
  }

  /** True when the input ended inside a quoted field. */
  public boolean unclosedQuote() {
    return unclosedQuote;
  }

  /** The next record, or null at the end. Blank lines are skipped. */
  public List<String> next() throws IOException {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    recordLine = line;
    while (true) {
      int c = read();
      if (c < 0) {
        if (quoted) {
          unclosedQuote = true;
        }
        if (!any && field.length() == 0 && fields.isEmpty()) {
          return null;
        }
        fields.add(field.toString());
        return fields;
      }
      any = true;
      if (quoted) {
        if (c == '"') {
          int d = peek();
          if (d == '"') {
            read();
            field.append('"');
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\r') {
        // dropped; "\r\n" ends the record at '\n'
      } else if (c == '\n') {
        line++;
        if (fields.isEmpty() && field.length() == 0) {
          recordLine = line;
          any = false;
          continue;
        }
        fields.add(field.toString());
        return fields;
      } else {
        field.append((char) c);
      }
    }
  }

  private int read() throws IOException {
    if (pos == len && !fill()) {
      return -1;
    }
    return buf[pos++];
  }

  private int peek() throws IOException {
    if (pos == len && !fill()) {
      return -1;
    }
    return buf[pos];
  }

  private boolean fill() throws IOException {
    len = in.read(buf, 0, buf.length);
    pos = 0;
    if (len <= 0) {
      len = 0;
      return false;
    }
    return true;
  }

  /**
   * The header of a CSV sample (its first record), or null when the sample is binary or not CSV:
   * what an importer that knows its columns by name detects on.
   */
  public static List<String> header(FileSample sample) {
    if (sample.binary()) {
      return null;
    }
    try {
      return new CsvReader(new StringReader(sample.trimmedHead())).next();
    } catch (IOException e) {
      return null;
    }
  }

  /** Refuses a record whose width is not the header's, naming the file, line and format. */
  public void checkWidth(ImportInput input, List<String> record, List<String> header, String format)
      throws BadInputException {
    if (record.size() != header.size()) {
      throw BadInputException.atLine(
          input.path(),
          recordLine(),
          format,
          record.size() + " columns where the header has " + header.size());
    }
  }
}
