package dev.auditworkbench.engine.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A finding as stored: what the tools said, plus the auditor's triage. Impact and effort keep the
 * rule's default and the auditor's override apart so re-imports never undo a decision.
 */
public record Finding(
    long id,
    String fingerprint,
    String ruleId,
    String title,
    String description,
    Category category,
    Severity severity,
    Confidence confidence,
    Location location,
    List<Evidence> evidence,
    List<Integer> cwe,
    List<String> owasp,
    List<SourceRef> sources,
    Status status,
    DismissReason dismissReason,
    Impact defaultImpact,
    Impact impactOverride,
    Effort defaultEffort,
    Effort effortOverride,
    String notes,
    List<String> tags,
    Instant firstSeen,
    Instant lastSeen,
    long goneSinceImport) {

  public Finding {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(status, "status");
    if (status == Status.DISMISSED && dismissReason == null) {
      throw new IllegalArgumentException("a dismissed finding needs a reason");
    }
    if (status != Status.DISMISSED) {
      dismissReason = null;
    }
    evidence = List.copyOf(evidence);
    cwe = List.copyOf(cwe);
    owasp = List.copyOf(owasp);
    sources = List.copyOf(sources);
    tags = List.copyOf(tags);
  }

  public Impact impact() {
    return impactOverride != null ? impactOverride : defaultImpact;
  }

  public Effort effort() {
    return effortOverride != null ? effortOverride : defaultEffort;
  }

  /** True when every tool that reported it stopped reporting it. */
  public boolean gone() {
    return goneSinceImport > 0;
  }

  /**
   * A low-confidence place to review that nobody has triaged yet (still in the inbox): it is shown
   * on the board but not counted in the report's figures, plan or matrix until an auditor moves it.
   */
  public boolean unreviewedLowConfidence() {
    return confidence == Confidence.LOW && status == Status.INBOX;
  }

  /**
   * Open and counted by default: not dismissed, not gone, not an unreviewed low-confidence place.
   */
  public boolean counted() {
    return status != Status.DISMISSED && !gone() && !unreviewedLowConfidence();
  }
}
