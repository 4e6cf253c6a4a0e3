package dev.auditworkbench.engine.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.DismissReason;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Location;
import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.model.TriageChange;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.engine.store.BoardRepository;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.HistoryRepository;
import dev.auditworkbench.engine.store.ImportRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edits, undo by restoring snapshots, duplicate merges and board ranks, each read back from the
 * file.
 */
class TriageServiceTest {
  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

  @TempDir Path dir;
  private ProjectStore store;
  private TriageService triage;
  private long a;
  private long b;

  @BeforeEach
  void project() throws Exception {
    store =
        ProjectStore.create(
            dir.resolve("t.audit"),
            new ProjectInfo("Acme", "audit", "me", dir),
            Clock.fixed(NOW, ZoneOffset.UTC));
    triage = new TriageService(store, Clock.fixed(NOW, ZoneOffset.UTC));
    long[] ids =
        store.write(
            c -> {
              long imp =
                  new ImportRepository(c)
                      .begin("b.json", "/tmp/b.json", "00", "bandit-json", "bandit", NOW);
              try (FindingRepository f = new FindingRepository(c)) {
                return new long[] {
                  f.insert(
                      "fp-a",
                      raw("SQL built with %"),
                      new Location("shop/views.py", 12, 12, null, true),
                      imp,
                      NOW),
                  f.insert(
                      "fp-b",
                      raw("SQL built with + "),
                      new Location("shop/views.py", 12, 13, null, true),
                      imp,
                      NOW)
                };
              }
            });
    a = ids[0];
    b = ids[1];
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static RawFinding raw(String title) {
    return RawFinding.builder("sql.raw")
        .title(title)
        .category(Category.SECURITY)
        .severity(Severity.HIGH)
        .path("shop/views.py")
        .lines(12, 12)
        .defaultImpact(Impact.of(4))
        .defaultEffort(Effort.hours(4))
        .build();
  }

  private Finding stored(long id) {
    return store.read(
        c -> {
          try (FindingRepository f = new FindingRepository(c)) {
            return f.byId(id).orElseThrow();
          }
        });
  }

  private List<TriageChange> history(long id) {
    return store.read(c -> new HistoryRepository(c).of(id));
  }

  @Test
  void tagsAreCleanedSavedAndRecordedInHistory() {
    triage.apply(a, TriageEdit.tags(List.of(" sqli ", "", "quick-win", "sqli")), "test");

    assertEquals(List.of("sqli", "quick-win"), stored(a).tags());
    var last = history(a).get(history(a).size() - 1);
    assertEquals("tags", last.field());
    assertEquals("", last.oldValue());
    assertEquals("sqli, quick-win", last.newValue());
  }

  @Test
  void restoringASnapshotPutsBackEveryDecisionIncludingClearedOverrides() {
    Finding before = stored(a);
    triage.apply(
        a,
        new TriageEdit(
            Status.DISMISSED,
            DismissReason.ACCEPTED_RISK,
            Impact.of(2),
            Effort.hours(30),
            "agreed with the CTO",
            List.of("risk")),
        "test");

    Finding restored = triage.restore(List.of(before), "undo").get(0);

    assertEquals(Status.INBOX, restored.status());
    assertNull(restored.dismissReason());
    assertNull(restored.impactOverride(), "the override is gone, not set to the old value");
    assertNull(restored.effortOverride());
    assertEquals(4, restored.impact().value());
    assertEquals("", restored.notes());
    assertEquals(List.of(), restored.tags());
    assertTrue(
        history(a).stream()
            .anyMatch(
                h ->
                    h.origin().equals("undo")
                        && h.field().equals("status")
                        && h.oldValue().equals("dismissed (accepted_risk)")
                        && h.newValue().equals("inbox")));
  }

  @Test
  void mergeDismissesTheDuplicateLinksItAndUnmergeUndoesBoth() {
    Finding kept = stored(a);
    Finding dup = stored(b);

    triage.merge(kept, List.of(dup), "test");

    assertEquals(Status.DISMISSED, stored(b).status());
    assertEquals(DismissReason.DUPLICATE, stored(b).dismissReason());
    assertEquals(Map.of("fp-b", "fp-a"), store.read(c -> new BoardRepository(c).duplicates()));
    assertTrue(
        history(a).stream()
            .anyMatch(h -> h.field().equals("merged") && h.newValue().startsWith("#" + b)));
    assertTrue(
        history(b).stream()
            .anyMatch(h -> h.field().equals("merged") && h.newValue().startsWith("into #" + a)));

    triage.unmerge(kept, List.of(dup), "undo");

    assertEquals(Status.INBOX, stored(b).status());
    assertEquals(Map.of(), store.read(c -> new BoardRepository(c).duplicates()));
    assertThrows(IllegalArgumentException.class, () -> triage.merge(kept, List.of(kept), "test"));
  }

  @Test
  void ranksAreSetAndClearedByFingerprint() {
    triage.rank(Map.of("fp-a", 1, "fp-b", 0));
    assertEquals(Map.of("fp-a", 1, "fp-b", 0), store.read(c -> new BoardRepository(c).ranks()));

    Map<String, Integer> clear = new HashMap<>();
    clear.put("fp-a", null);
    triage.rank(clear);
    assertEquals(Map.of("fp-b", 0), store.read(c -> new BoardRepository(c).ranks()));
  }
}
