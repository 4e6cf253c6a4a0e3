package dev.auditworkbench.engine.model;

import java.time.Instant;
import java.util.List;

/** One input file that was imported: what it was, and what it changed. */
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
  public ImportRecord {
    warnings = List.copyOf(warnings);
  }
}
