package dev.auditworkbench.engine.model;

import java.time.Instant;
import java.util.List;

/**
 * One input file that was imported: what it was, and what it changed. {@code warnings} holds the
 * import's summary lines: notes on how the input was read (starting with {@value #NOTE}) and
 * warnings about what was skipped or looked odd.
 */
public record ImportRecord(
    long id,
    String fileName,
    String sha256,
    String format,
    String tool,
    String toolVersion,
    Instant importedAt,
    long recordsRead,
    int newCount,
    int unchangedCount,
    int goneCount,
    List<String> warnings) {
  /**
   * The start of a summary line that is a note (which columns or layout were read), not a warning.
   */
  public static final String NOTE = "note: ";

  public ImportRecord {
    warnings = List.copyOf(warnings);
  }

  /** The notes on how the input was read, without their marker. */
  public List<String> notes() {
    return warnings.stream()
        .filter(w -> w.startsWith(NOTE))
        .map(w -> w.substring(NOTE.length()))
        .toList();
  }

  /** The warnings proper: what was skipped or looked odd. */
  public List<String> warningsOnly() {
    return warnings.stream().filter(w -> !w.startsWith(NOTE)).toList();
  }
}
