package dev.auditworkbench.engine.triage;

import dev.auditworkbench.engine.model.DismissReason;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Status;

/**
 * The auditor's changes to one finding; null fields stay as they are.
 *
 * @param dismissReason required when {@code status} is DISMISSED
 * @param notes the new Markdown notes, replacing the old ones
 */
public record TriageEdit(Status status, DismissReason dismissReason, Impact impact, Effort effort, String notes) {
  public boolean isEmpty() {
    return status == null && impact == null && effort == null && notes == null;
  }
}
