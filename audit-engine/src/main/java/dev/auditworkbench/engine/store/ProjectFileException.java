package dev.auditworkbench.engine.store;

import java.nio.file.Path;

/**
 * A project file that cannot be used: missing, not a project, damaged, from a newer version, or
 * open elsewhere. The message is one line meant for the user.
 */
public class ProjectFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public ProjectFileException(Path file, String reason) {
    super(file + ": " + reason);
    this.file = file;
  }

  public ProjectFileException(Path file, String reason, Throwable cause) {
    super(file + ": " + reason, cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
