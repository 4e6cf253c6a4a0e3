package dev.auditworkbench.app.gui;

import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.scan.ScanResult;
import dev.auditworkbench.engine.scan.ScanService;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.ProjectFileException;
import dev.auditworkbench.engine.store.ProjectRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.views.start.NewAuditViewModel;
import java.io.IOException;
import java.time.Clock;

/** Creates the audit the wizard described and scans its repository (the same services as `workbench new`). */
final class AuditCreator {
  private AuditCreator() {}

  static ScanResult create(NewAuditViewModel.Request r, ProgressListener listener) throws ProjectFileException, IOException {
    ProjectInfo info = new ProjectInfo(r.client(), r.engagement(), r.auditor(), r.repo().toAbsolutePath().normalize());
    try (ProjectStore store = ProjectStore.create(r.project(), info, Clock.systemUTC())) {
      store.write(c -> {
        ProjectRepository meta = new ProjectRepository(c);
        if (r.start() != null) {
          meta.put("start_date", r.start().toString());
        }
        if (r.end() != null) {
          meta.put("end_date", r.end().toString());
        }
        return null;
      });
      return new ScanService(store, Clock.systemUTC()).scan(listener);
    }
  }
}
