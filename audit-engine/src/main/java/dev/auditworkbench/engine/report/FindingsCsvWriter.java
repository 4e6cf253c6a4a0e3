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
      List.of(
          "fingerprint",
          "ruleId",
          "title",
          "category",
          "severity",
          "confidence",
          "path",
          "line",
          "status",
          "dismissReason",
          "impact",
          "effort",
          "effortHours",
          "cwe",
          "owasp",
          "tools",
          "gone");

  private FindingsCsvWriter() {}

  public static void write(List<Finding> findings, Writer out) throws IOException {
    CsvTable csv = open(out);
    for (Finding f : findings) {
      add(csv, f);
    }
    csv.flush();
  }

  /** A table with the header written; add rows with {@link #add}. */
  public static CsvTable open(Writer out) throws IOException {
    return new CsvTable(out, HEADER.toArray(String[]::new));
  }

  public static void add(CsvTable csv, Finding f) throws IOException {
    csv.row(
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
        f.gone() ? "yes" : "no");
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
