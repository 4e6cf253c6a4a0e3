package dev.auditworkbench.views.brokenarrows;

import dev.auditworkbench.engine.project.AuditProject;
import javafx.scene.control.Label;

/** Keeps every arrow: a view that asks a service. */
public final class CleanView {
  public int count(AuditProject project, Label label) {
    label.setText("findings");
    return project.findings().all().size();
  }
}
