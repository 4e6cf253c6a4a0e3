package dev.auditworkbench.engine.store;

import java.nio.file.Path;

/**
 * The project is on read-only media (a mounted archive, a write-protected share): it cannot be
 * opened for changes, but it can be read with {@link ProjectStore#openReadOnly}.
 */
public final class ProjectReadOnlyException extends ProjectFileException {
  private static final long serialVersionUID = 1L;

  public ProjectReadOnlyException(Path file, Throwable cause) {
    super(
        file,
        "is on read-only media; it can be read (info, findings, report) but not changed",
        cause);
  }
}
