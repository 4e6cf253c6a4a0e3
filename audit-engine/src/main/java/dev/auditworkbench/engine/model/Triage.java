package dev.auditworkbench.engine.model;

import java.util.List;

/**
 * The auditor's decisions on a finding, kept apart from what the tools said: status (Dismissed with
 * its reason), the impact and effort overrides (null: the rule's default stands), notes and tags.
 */
public record Triage(
    Status status,
    DismissReason dismissReason,
    Impact impactOverride,
    Effort effortOverride,
    String notes,
    List<String> tags) {

  /** Nothing decided yet: in the inbox, no override, no notes, no tags. */
  public static final Triage NONE = new Triage(Status.INBOX, null, null, null, null, List.of());

  public Triage {
    if (status == null) {
      throw new IllegalArgumentException("a triage needs a status");
    }
    if (status == Status.DISMISSED && dismissReason == null) {
      throw new IllegalArgumentException("a dismissed finding needs a reason");
    }
    if (status != Status.DISMISSED) {
      dismissReason = null;
    }
    tags = List.copyOf(tags == null ? List.of() : tags);
  }
}
