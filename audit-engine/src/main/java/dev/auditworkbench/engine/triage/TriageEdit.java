package dev.auditworkbench.engine.triage;

import dev.auditworkbench.engine.model.DismissReason;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Status;
import java.util.List;

/**
 * The auditor's changes to one finding; null fields stay as they are.
 *
 * @param dismissReason required when {@code status} is DISMISSED
 * @param notes the new Markdown notes, replacing the old ones
 * @param tags the new tags, replacing the old ones (blank and repeated tags are dropped)
 */
public record TriageEdit(
    Status status,
    DismissReason dismissReason,
    Impact impact,
    Effort effort,
    String notes,
    List<String> tags) {

  public TriageEdit(
      Status status, DismissReason dismissReason, Impact impact, Effort effort, String notes) {
    this(status, dismissReason, impact, effort, notes, null);
  }

  public static TriageEdit status(Status status, DismissReason reason) {
    return new TriageEdit(status, reason, null, null, null, null);
  }

  public static TriageEdit notes(String notes) {
    return new TriageEdit(null, null, null, null, notes, null);
  }

  public static TriageEdit tags(List<String> tags) {
    return new TriageEdit(null, null, null, null, null, tags);
  }

  public boolean isEmpty() {
    return status == null && impact == null && effort == null && notes == null && tags == null;
  }
}
