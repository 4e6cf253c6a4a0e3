package dev.auditworkbench.engine.model;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A finding as stored: what the tools said, and the auditor's {@link Triage} apart from it. Impact
 * and effort keep the rule's default here and the auditor's override in the triage, so re-imports
 * never undo a decision. Tests build findings by name (FindingBuilder in the engine's test jar).
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
    Impact defaultImpact,
    Effort defaultEffort,
    @JsonUnwrapped Triage triage,
    Instant firstSeen,
    Instant lastSeen,
    long goneSinceImport) {

  public Finding {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(triage, "triage");
    evidence = List.copyOf(evidence);
    cwe = List.copyOf(cwe);
    owasp = List.copyOf(owasp);
    sources = List.copyOf(sources);
  }

  /** The same finding with other decisions (what triage edits, undo and redo save). */
  public Finding withTriage(Triage next) {
    return new Finding(
        id,
        fingerprint,
        ruleId,
        title,
        description,
        category,
        severity,
        confidence,
        location,
        evidence,
        cwe,
        owasp,
        sources,
        defaultImpact,
        defaultEffort,
        next,
        firstSeen,
        lastSeen,
        goneSinceImport);
  }

  public Status status() {
    return triage.status();
  }

  public DismissReason dismissReason() {
    return triage.dismissReason();
  }

  public Impact impactOverride() {
    return triage.impactOverride();
  }

  public Effort effortOverride() {
    return triage.effortOverride();
  }

  public String notes() {
    return triage.notes();
  }

  public List<String> tags() {
    return triage.tags();
  }

  public Impact impact() {
    return triage.impactOverride() != null ? triage.impactOverride() : defaultImpact;
  }

  public Effort effort() {
    return triage.effortOverride() != null ? triage.effortOverride() : defaultEffort;
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
    return confidence == Confidence.LOW && triage.status() == Status.INBOX;
  }

  /**
   * Open and counted by default: not dismissed, not gone, not an unreviewed low-confidence place.
   */
  public boolean counted() {
    return triage.status() != Status.DISMISSED && !gone() && !unreviewedLowConfidence();
  }
}
