package dev.auditworkbench.engine.store;

import java.nio.file.Path;

/** The project is open in another window or process; opening it twice could corrupt it. */
public final class ProjectLockedException extends ProjectFileException {
  private static final long serialVersionUID = 1L;

  public ProjectLockedException(Path file, String holder) {
    super(
        file,
        "project is open in another window/process"
            + (holder.isBlank() ? "" : " (" + holder + ")")
            + "; close it there first");
  }
}
