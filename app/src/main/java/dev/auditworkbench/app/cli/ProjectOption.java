package dev.auditworkbench.app.cli;

import dev.auditworkbench.engine.store.ProjectFileException;
import dev.auditworkbench.engine.store.ProjectReadOnlyException;
import dev.auditworkbench.engine.store.ProjectStore;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The {@code <file.audit>} every project command starts with. */
final class ProjectOption {
  @Parameters(index = "0", paramLabel = "<file.audit>", description = "The audit project file.")
  Path file;

  ProjectStore open() throws ProjectFileException {
    return ProjectStore.open(file);
  }

  /** For commands that only read: a project on read-only media is opened read-only instead of refused. */
  ProjectStore openForReading() throws ProjectFileException {
    try {
      return ProjectStore.open(file);
    } catch (ProjectReadOnlyException e) {
      return ProjectStore.openReadOnly(file);
    }
  }
}
