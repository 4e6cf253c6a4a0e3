package dev.auditworkbench.engine.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way CSV leaves the app (findings, the issue-tracker export, the plan): RFC 4180 by Apache
 * Commons CSV, with every text cell that a spreadsheet would run as a formula (it starts with =, +,
 * -, @, a tab or a carriage return) prefixed with a quote mark. Scanner text and client code are
 * untrusted; numbers given as numbers are written as they are.
 */
public final class CsvTable {
  private final CSVPrinter printer;

  public CsvTable(Writer out, String... header) throws IOException {
    printer = new CSVPrinter(out, CSVFormat.RFC4180);
    if (header.length > 0) {
      printer.printRecord((Object[]) header);
    }
  }

  /** One row; strings are guarded, numbers written as numbers, null as an empty cell. */
  public void row(Object... cells) throws IOException {
    List<Object> safe = new ArrayList<>(cells.length);
    for (Object c : cells) {
      safe.add(c instanceof Number ? c : guard(c == null ? "" : c.toString()));
    }
    printer.printRecord(safe);
  }

  public void flush() throws IOException {
    printer.flush();
  }

  /** A text cell a spreadsheet will show as text, never evaluate. */
  public static String guard(String value) {
    return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }
}
