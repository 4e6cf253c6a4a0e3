package dev.auditworkbench.engine.ingest;

import dev.auditworkbench.engine.model.ImportRecord;
import java.nio.file.Path;

/**
 * What importing one file did.
 *
 * @param alreadyImported true when byte-identical content had been imported as the same format
 *     before; then nothing was written and {@code record} is that earlier import
 */
public record ImportResult(
    Path file,
    String formatId,
    String formatName,
    boolean detected,
    boolean alreadyImported,
    ImportRecord record) {

  /** One line for the CLI and the import summary dialog. */
  public String summary() {
    String how = detected ? "detected " + formatName : formatName;
    if (alreadyImported) {
      return file.getFileName()
          + ": "
          + how
          + "; already imported as import #"
          + record.id()
          + ", nothing changed";
    }
    return String.format(
        "%s: %s; %d record%s read, %d new, %d unchanged, %d gone (import #%d)",
        file.getFileName(),
        how,
        record.recordsRead(),
        record.recordsRead() == 1 ? "" : "s",
        record.newCount(),
        record.unchangedCount(),
        record.goneCount(),
        record.id());
  }
}
