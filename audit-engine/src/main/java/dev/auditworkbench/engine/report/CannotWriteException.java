package dev.auditworkbench.engine.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An output that could not be written: "cannot write &lt;file&gt;: &lt;reason&gt;". Nothing
 * half-written is left.
 */
public final class CannotWriteException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public CannotWriteException(Path file, String reason, Throwable cause) {
    super("cannot write " + file + ": " + reason, cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
