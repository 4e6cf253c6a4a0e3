package dev.auditworkbench.app.brokenarrows;

/** Keeps every arrow: a command that calls a service and reports the store's exceptions. */
public final class CleanCommand {
  public void run(java.nio.file.Path file) {
    try (var project = dev.auditworkbench.engine.project.AuditProject.openForReading(file)) {
      project.settings().effective();
    } catch (dev.auditworkbench.engine.store.ProjectFileException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
