package dev.auditworkbench.engine.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.model.DismissReason;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.store.BoardRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.testing.TestProjects;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each triage command is one transaction; undo and redo put back exactly what it changed, read from
 * the file.
 */
class TriageCommandTest {
  private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

  @TempDir Path dir;
  private ProjectStore store;
  private AuditProject project;
  private TriageService triage;
  private long[] ids;

  @BeforeEach
  void project() throws Exception {
    ids = new long[3];
    store = TestProjects.withFindings(dir, Clock.fixed(NOW, ZoneOffset.UTC), 3, ids);
    project = AuditProject.of(store, Clock.fixed(NOW, ZoneOffset.UTC));
    triage = project.triage();
  }

  @AfterEach
  void close() {
    project.close();
  }

  private Finding stored(long id) {
    return project.findings().current(List.of(id)).get(0);
  }

  private Map<String, Integer> ranks() {
    return store.read(c -> new BoardRepository(c).ranks());
  }

  @Test
  void aMoveOfSeveralCardsWithRanksIsOneStepThatUndoesAndRedoesWhole() {
    TriageStep step =
        triage.execute(
            new TriageCommand.Move(
                List.of(ids[0], ids[1]),
                Status.CONFIRMED,
                null,
                Map.of("fp-0", 1, "fp-1", 0),
                "move 2 cards to Confirmed"),
            "board");
    assertEquals(Status.CONFIRMED, stored(ids[0]).status());
    assertEquals(Status.CONFIRMED, stored(ids[1]).status());
    assertEquals(Map.of("fp-0", 1, "fp-1", 0), ranks());
    assertEquals("move 2 cards to Confirmed", step.label());

    triage.undo(step, "undo");
    assertEquals(Status.INBOX, stored(ids[0]).status());
    assertEquals(Status.INBOX, stored(ids[1]).status());
    assertTrue(ranks().isEmpty(), "cards never placed by hand lose the rank again: " + ranks());

    triage.redo(step, "redo");
    assertEquals(Status.CONFIRMED, stored(ids[1]).status());
    assertEquals(Map.of("fp-0", 1, "fp-1", 0), ranks());
  }

  @Test
  void aBulkEditChangesAllOrNothing() {
    Map<Long, TriageEdit> edits = new LinkedHashMap<>();
    edits.put(ids[0], new TriageEdit(null, null, Impact.of(5), null, null));
    edits.put(999L, new TriageEdit(null, null, Impact.of(5), null, null));
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> triage.execute(new TriageCommand.Edit(edits, "re-score"), "matrix"));
    assertEquals("finding #999 is gone", e.getMessage());
    assertEquals(
        3, stored(ids[0]).impact().value(), "the first edit was rolled back with the failing one");

    TriageStep step =
        triage.execute(
            TriageCommand.Edit.each(
                List.of(ids[0], ids[2]),
                new TriageEdit(null, null, Impact.of(5), Effort.hours(2), "checked"),
                "re-score 2"),
            "findings-table");
    assertEquals(5, stored(ids[2]).impact().value());
    assertEquals("checked", stored(ids[0]).notes());
    triage.undo(step, "undo");
    assertEquals(3, stored(ids[2]).impact().value());
    String notes = stored(ids[0]).notes();
    assertTrue(notes == null || notes.isEmpty(), notes);
    assertNull(stored(ids[0]).impactOverride());
  }

  @Test
  void aMergeUndoesToTheDuplicatesEarlierTriageAndUnlinksThem() {
    triage.execute(
        TriageCommand.Edit.of(ids[1], TriageEdit.status(Status.CONFIRMED, null), "confirm"),
        "board");
    TriageStep merge =
        triage.execute(
            new TriageCommand.Merge(ids[0], List.of(ids[1], ids[2]), "merge 2"), "board");
    assertEquals(Status.DISMISSED, stored(ids[1]).status());
    assertEquals(DismissReason.DUPLICATE, stored(ids[2]).dismissReason());
    assertEquals(Map.of("fp-1", "fp-0", "fp-2", "fp-0"), project.findings().board().duplicateOf());

    triage.undo(merge, "undo");
    assertEquals(Status.CONFIRMED, stored(ids[1]).status());
    assertEquals(Status.INBOX, stored(ids[2]).status());
    assertTrue(project.findings().board().duplicateOf().isEmpty());
    triage.redo(merge, "redo");
    assertEquals(Map.of("fp-1", "fp-0", "fp-2", "fp-0"), project.findings().board().duplicateOf());
    assertThrows(
        IllegalArgumentException.class,
        () -> new TriageCommand.Merge(ids[0], List.of(ids[0]), "self"));
  }

  @Test
  void dismissingNeedsAReasonBeforeAnythingIsWritten() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new TriageCommand.Move(List.of(ids[0]), Status.DISMISSED, null, Map.of(), "dismiss"));
  }

  @Test
  void theUndoHistoryIsBoundedAndANewStepClearsRedo() {
    UndoHistory<String> h = new UndoHistory<>(3);
    for (String s : List.of("a", "b", "c", "d")) {
      h.done(s);
    }
    assertEquals(3, h.size(), "the oldest step is forgotten");
    assertEquals("d", h.undo().orElseThrow());
    assertEquals("d", h.nextRedo().orElseThrow());
    h.undoFailed("d");
    assertEquals("d", h.nextUndo().orElseThrow(), "a failed undo stays the one to undo");
    assertEquals("d", h.undo().orElseThrow());
    h.done("e");
    assertFalse(h.nextRedo().isPresent(), "a new step clears what could be redone");
    assertEquals(
        List.of("e", "c", "b"),
        List.of(h.undo().orElseThrow(), h.undo().orElseThrow(), h.undo().orElseThrow()));
    assertTrue(h.undo().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> new UndoHistory<String>(0));
  }
}
