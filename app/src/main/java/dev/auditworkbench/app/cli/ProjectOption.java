package dev.auditworkbench.app.cli;

import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.store.ProjectFileException;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The {@code <file.audit>} every project command starts with. */
final class ProjectOption {
  @Parameters(index = "0", paramLabel = "<file.audit>", description = "The audit project file.")
  Path file;

  AuditProject open() throws ProjectFileException {
    return AuditProject.open(file);
  }

  /**
   * For commands that only read: a project on read-only media is opened read-only instead of
   * refused.
   */
  AuditProject openForReading() throws ProjectFileException {
    return AuditProject.openForReading(file);
  }
}
