package dev.auditworkbench.app.gui;

import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.scan.ScanResult;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.ProjectFileException;
import dev.auditworkbench.views.start.NewAuditViewModel;
import java.io.IOException;
import java.time.Clock;

/**
 * Creates the audit the wizard described and scans its repository (the same services as `workbench
 * new`).
 */
final class AuditCreator {
  private AuditCreator() {}

  static ScanResult create(NewAuditViewModel.Request r, ProgressListener listener)
      throws ProjectFileException, IOException {
    ProjectInfo info =
        new ProjectInfo(
            r.client(), r.engagement(), r.auditor(), r.repo().toAbsolutePath().normalize());
    try (AuditProject project = AuditProject.create(r.project(), info, Clock.systemUTC())) {
      project.settings().setEngagementDates(r.start(), r.end());
      return project.scans().scan(listener);
    }
  }
}
