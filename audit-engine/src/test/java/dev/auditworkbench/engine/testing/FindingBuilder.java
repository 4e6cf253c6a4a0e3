package dev.auditworkbench.engine.testing;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.DismissReason;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Location;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.SourceRef;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.model.Triage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Findings for tests, built by name: {@code FindingBuilder.finding("bandit.B608").title("SQL
 * injection").at("shop/views.py", 12).severity(Severity.HIGH).build()}. Unset fields get plain
 * defaults (inbox, impact 3, 4 hours, one workbench source).
 */
public final class FindingBuilder {
  private static final AtomicLong NEXT = new AtomicLong();

  private long id = NEXT.incrementAndGet();
  private String fingerprint = String.format("%032x", id);
  private final String ruleId;
  private String title;
  private String description = "";
  private Category category = Category.MAINTAINABILITY;
  private Severity severity = Severity.MEDIUM;
  private Confidence confidence = Confidence.HIGH;
  private Location location = new Location(null, 0, 0, null, false);
  private final List<Evidence> evidence = new ArrayList<>();
  private List<Integer> cwe = List.of();
  private List<String> owasp = List.of();
  private final List<SourceRef> sources = new ArrayList<>();
  private Status status = Status.INBOX;
  private DismissReason reason;
  private Impact impact = Impact.of(3);
  private Impact impactOverride;
  private Effort effort = Effort.hours(4);
  private Effort effortOverride;
  private String notes;
  private List<String> tags = List.of();
  private long goneSinceImport;

  private FindingBuilder(String ruleId) {
    this.ruleId = ruleId;
    this.title = ruleId;
  }

  public static FindingBuilder finding(String ruleId) {
    return new FindingBuilder(ruleId);
  }

  /** A copy of {@code f} to change by name. */
  public static FindingBuilder from(Finding f) {
    FindingBuilder b = new FindingBuilder(f.ruleId());
    b.id = f.id();
    b.fingerprint = f.fingerprint();
    b.title = f.title();
    b.description = f.description();
    b.category = f.category();
    b.severity = f.severity();
    b.confidence = f.confidence();
    b.location = f.location();
    b.evidence.addAll(f.evidence());
    b.cwe = f.cwe();
    b.owasp = f.owasp();
    b.sources.addAll(f.sources());
    b.status = f.status();
    b.reason = f.dismissReason();
    b.impact = f.defaultImpact();
    b.impactOverride = f.impactOverride();
    b.effort = f.defaultEffort();
    b.effortOverride = f.effortOverride();
    b.notes = f.notes();
    b.tags = f.tags();
    b.goneSinceImport = f.goneSinceImport();
    return b;
  }

  /** Reported by these tools only (replacing the sources so far). */
  public FindingBuilder onlySource(String tool, String nativeRuleId) {
    sources.clear();
    return source(tool, nativeRuleId);
  }

  public FindingBuilder status(Status value, DismissReason why) {
    status = value;
    reason = why;
    return this;
  }

  public FindingBuilder impactOverride(Impact value) {
    impactOverride = value;
    return this;
  }

  public FindingBuilder id(long value) {
    id = value;
    fingerprint = String.format("%032x", value);
    return this;
  }

  public FindingBuilder fingerprint(String value) {
    fingerprint = value;
    return this;
  }

  public FindingBuilder title(String value) {
    title = value;
    return this;
  }

  public FindingBuilder description(String value) {
    description = value;
    return this;
  }

  public FindingBuilder category(Category value) {
    category = value;
    return this;
  }

  public FindingBuilder severity(Severity value) {
    severity = value;
    return this;
  }

  public FindingBuilder confidence(Confidence value) {
    confidence = value;
    return this;
  }

  /** At this line of a file in the repository. */
  public FindingBuilder at(String path, int line) {
    location = new Location(path, line, line, null, true);
    return this;
  }

  public FindingBuilder location(Location value) {
    location = value;
    return this;
  }

  public FindingBuilder evidence(Evidence.Kind kind, String text) {
    evidence.add(new Evidence(kind, text));
    return this;
  }

  public FindingBuilder cwe(Integer... values) {
    cwe = List.of(values);
    return this;
  }

  public FindingBuilder owasp(String... values) {
    owasp = List.of(values);
    return this;
  }

  /** Reported by this tool under its own rule id. */
  public FindingBuilder source(String tool, String nativeRuleId) {
    sources.add(new SourceRef(tool, null, nativeRuleId, 1, 1, 0));
    return this;
  }

  public FindingBuilder status(Status value) {
    status = value;
    return this;
  }

  public FindingBuilder dismissed(DismissReason value) {
    status = Status.DISMISSED;
    reason = value;
    return this;
  }

  public FindingBuilder impact(int value) {
    impact = Impact.of(value);
    return this;
  }

  public FindingBuilder impactOverride(int value) {
    impactOverride = Impact.of(value);
    return this;
  }

  public FindingBuilder hours(int value) {
    effort = Effort.hours(value);
    return this;
  }

  public FindingBuilder effortOverride(Effort value) {
    effortOverride = value;
    return this;
  }

  public FindingBuilder notes(String value) {
    notes = value;
    return this;
  }

  public FindingBuilder tags(String... values) {
    tags = List.of(values);
    return this;
  }

  public FindingBuilder gone(long sinceImport) {
    goneSinceImport = sinceImport;
    return this;
  }

  public Finding build() {
    List<SourceRef> src =
        sources.isEmpty() ? List.of(new SourceRef("workbench", null, ruleId, 1, 1, 0)) : sources;
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
        List.copyOf(evidence),
        cwe,
        owasp,
        List.copyOf(src),
        impact,
        effort,
        new Triage(status, reason, impactOverride, effortOverride, notes, tags),
        Instant.EPOCH,
        Instant.EPOCH,
        goneSinceImport);
  }
}
