package dev.auditworkbench.app.brokenarrows;

import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.store.ProjectFileException;
import java.nio.file.Path;

/** Keeps every arrow: a command that calls a service and reports the store's exceptions. */
public final class CleanCommand {
  public void run(Path file) {
    try (var project = AuditProject.openForReading(file)) {
      project.settings().effective();
    } catch (ProjectFileException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
