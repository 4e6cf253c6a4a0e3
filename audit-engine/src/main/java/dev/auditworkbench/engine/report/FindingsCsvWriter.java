package dev.auditworkbench.engine.report;

import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.SourceRef;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/** Findings as RFC 4180 CSV, one row each, for spreadsheets. */
public final class FindingsCsvWriter {
  static final List<String> HEADER =
      List.of("fingerprint", "ruleId", "title", "category", "severity", "confidence", "path", "line",
          "status", "dismissReason", "impact", "effort", "effortHours", "cwe", "owasp", "tools", "gone");

  private FindingsCsvWriter() {}

  public static void write(List<Finding> findings, Writer out) throws IOException {
    row(out, HEADER);
    for (Finding f : findings) {
      row(
          out,
          List.of(
              f.fingerprint(),
              f.ruleId(),
              f.title(),
              f.category().key(),
              f.severity().key(),
              f.confidence().key(),
              nullToEmpty(f.location().path()),
              String.valueOf(f.location().startLine()),
              f.status().key(),
              f.dismissReason() == null ? "" : f.dismissReason().key(),
              String.valueOf(f.impact().value()),
              f.effort().size().name(),
              String.valueOf(f.effort().hours()),
              f.cwe().stream().map(c -> "CWE-" + c).collect(Collectors.joining(" ")),
              String.join(" ", f.owasp()),
              f.sources().stream().map(SourceRef::tool).distinct().collect(Collectors.joining(" ")),
              f.gone() ? "yes" : "no"));
    }
  }

  private static void row(Writer out, List<String> cells) throws IOException {
    out.write(cells.stream().map(FindingsCsvWriter::cell).collect(Collectors.joining(",")));
    out.write("\r\n");
  }

  static String cell(String value) {
    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0;
    // A leading =, +, - or @ makes spreadsheets evaluate the cell; scanner text is untrusted.
    String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
