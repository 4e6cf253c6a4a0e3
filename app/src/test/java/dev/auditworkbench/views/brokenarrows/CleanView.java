package dev.auditworkbench.views.brokenarrows;

/** Keeps every arrow: a view that asks a service. */
public final class CleanView {
  public int count(dev.auditworkbench.engine.project.AuditProject project, javafx.scene.control.Label label) {
    label.setText("findings");
    return project.findings().all().size();
  }
}
