package dev.auditworkbench.engine.triage;

import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.HistoryRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The auditor's decisions on findings. Each call is one transaction that also appends a history
 * row per changed field, so an edit is saved at once, survives a crash and can be traced.
 */
public final class TriageService {
  private final ProjectStore store;
  private final Clock clock;

  public TriageService(ProjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Applies {@code edit} to the finding with {@code findingId} and returns it as saved. */
  public Finding apply(long findingId, TriageEdit edit, String origin) {
    return store.write(c -> applyIn(c, findingId, edit, origin));
  }

  private Finding applyIn(Connection c, long findingId, TriageEdit edit, String origin)
      throws SQLException {
    try (FindingRepository findings = new FindingRepository(c)) {
      Finding before =
          findings
              .byId(findingId)
              .orElseThrow(() -> new IllegalArgumentException("no finding with id " + findingId));
      Finding after = edited(before, edit);
      findings.saveTriage(after);
      recordChanges(new HistoryRepository(c), before, after, origin, clock.instant());
      return findings.byId(findingId).orElseThrow();
    }
  }

  private static Finding edited(Finding f, TriageEdit e) {
    Status status = e.status() != null ? e.status() : f.status();
    var reason = e.status() != null ? e.dismissReason() : f.dismissReason();
    if (status == Status.DISMISSED && reason == null) {
      throw new IllegalArgumentException(
          "dismissing needs a reason: false_positive, accepted_risk, duplicate or wont_fix");
    }
    Impact impact = e.impact() != null ? e.impact() : f.impactOverride();
    Effort effort = e.effort() != null ? e.effort() : f.effortOverride();
    String notes = e.notes() != null ? e.notes() : f.notes();
    return new Finding(
        f.id(), f.fingerprint(), f.ruleId(), f.title(), f.description(), f.category(), f.severity(),
        f.confidence(), f.location(), f.evidence(), f.cwe(), f.owasp(), f.sources(), status, reason,
        f.defaultImpact(), impact, f.defaultEffort(), effort, notes, f.tags(), f.firstSeen(),
        f.lastSeen(), f.goneSinceImport());
  }

  private static void recordChanges(
      HistoryRepository history, Finding before, Finding after, String origin, Instant at)
      throws SQLException {
    change(history, before.id(), at, origin, "status", statusText(before), statusText(after));
    change(history, before.id(), at, origin, "impact",
        String.valueOf(before.impact().value()), String.valueOf(after.impact().value()));
    change(history, before.id(), at, origin, "effort",
        before.effort().toString(), after.effort().toString());
    change(history, before.id(), at, origin, "notes", before.notes(), after.notes());
  }

  private static String statusText(Finding f) {
    return f.dismissReason() == null ? f.status().key() : f.status().key() + " (" + f.dismissReason().key() + ")";
  }

  private static void change(
      HistoryRepository history, long id, Instant at, String origin, String field, String oldValue, String newValue)
      throws SQLException {
    if (!Objects.equals(oldValue, newValue)) {
      history.append(new HistoryRepository.Change(id, at, field, oldValue, newValue, origin));
    }
  }
}
