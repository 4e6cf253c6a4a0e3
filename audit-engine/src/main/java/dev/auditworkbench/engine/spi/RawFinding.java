package dev.auditworkbench.engine.spi;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A finding as an importer read it, before its path is mapped into the repo and its fingerprint is
 * computed.
 *
 * @param ruleKey tool-family rule key that is the same whichever of the tool's formats reported it,
 *     e.g. "bandit.B101"
 * @param nativeRuleId the rule id as the tool writes it, e.g. "B101"
 * @param rawPath the path exactly as the input wrote it (absolute, Windows, file: URI...)
 * @param sourceLine the flagged source line as the tool saw it, when the input carries it; the
 *     fingerprint prefers it to the line number, so the fingerprint survives line shifts
 * @param keyEvidence what tells two findings of one rule on one line apart (a secret's hash, a
 *     package name), or empty
 */
public record RawFinding(
    String ruleKey,
    String nativeRuleId,
    String title,
    String description,
    Category category,
    Severity severity,
    Confidence confidence,
    String rawPath,
    int startLine,
    int endLine,
    String symbol,
    String sourceLine,
    String keyEvidence,
    List<Evidence> evidence,
    List<Integer> cwe,
    List<String> owasp,
    Impact defaultImpact,
    Effort defaultEffort) {

  public RawFinding {
    Objects.requireNonNull(ruleKey, "ruleKey");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(defaultImpact, "defaultImpact");
    Objects.requireNonNull(defaultEffort, "defaultEffort");
    keyEvidence = keyEvidence == null ? "" : keyEvidence;
    evidence = List.copyOf(evidence);
    cwe = List.copyOf(cwe);
    owasp = List.copyOf(owasp);
  }

  public static Builder builder(String ruleKey) {
    return new Builder(ruleKey);
  }

  /** Builds a {@link RawFinding}; importers set what their format has. */
  public static final class Builder {
    private final String ruleKey;
    private String nativeRuleId;
    private String title;
    private String description = "";
    private Category category;
    private Severity severity;
    private Confidence confidence = Confidence.MEDIUM;
    private String rawPath;
    private int startLine;
    private int endLine;
    private String symbol;
    private String sourceLine;
    private String keyEvidence = "";
    private final List<Evidence> evidence = new ArrayList<>();
    private final List<Integer> cwe = new ArrayList<>();
    private final List<String> owasp = new ArrayList<>();
    private Impact defaultImpact;
    private Effort defaultEffort;

    private Builder(String ruleKey) {
      this.ruleKey = ruleKey;
    }

    public Builder nativeRuleId(String v) {
      nativeRuleId = v;
      return this;
    }

    public Builder title(String v) {
      title = v;
      return this;
    }

    public Builder description(String v) {
      description = v == null ? "" : v;
      return this;
    }

    public Builder category(Category v) {
      category = v;
      return this;
    }

    public Builder severity(Severity v) {
      severity = v;
      return this;
    }

    public Builder confidence(Confidence v) {
      confidence = v;
      return this;
    }

    public Builder path(String v) {
      rawPath = v;
      return this;
    }

    public Builder lines(int start, int end) {
      startLine = Math.max(0, start);
      endLine = Math.max(startLine, end);
      return this;
    }

    public Builder symbol(String v) {
      symbol = v;
      return this;
    }

    public Builder sourceLine(String v) {
      sourceLine = v;
      return this;
    }

    public Builder keyEvidence(String v) {
      keyEvidence = v;
      return this;
    }

    public Builder evidence(Evidence.Kind kind, String text) {
      if (text != null && !text.isBlank()) {
        evidence.add(new Evidence(kind, text));
      }
      return this;
    }

    public Builder cwe(int id) {
      if (id > 0 && !cwe.contains(id)) {
        cwe.add(id);
      }
      return this;
    }

    public Builder owasp(String id) {
      if (id != null && !owasp.contains(id)) {
        owasp.add(id);
      }
      return this;
    }

    public Builder defaultImpact(Impact v) {
      defaultImpact = v;
      return this;
    }

    public Builder defaultEffort(Effort v) {
      defaultEffort = v;
      return this;
    }

    public RawFinding build() {
      Impact impact = defaultImpact != null ? defaultImpact : DefaultScores.impactFor(severity);
      Effort effort = defaultEffort != null ? defaultEffort : DefaultScores.effortFor(severity);
      return new RawFinding(
          ruleKey,
          nativeRuleId != null ? nativeRuleId : ruleKey,
          title,
          description,
          category,
          severity,
          confidence,
          rawPath,
          startLine,
          endLine,
          symbol,
          sourceLine,
          keyEvidence,
          evidence,
          cwe,
          owasp,
          impact,
          effort);
    }
  }
}
