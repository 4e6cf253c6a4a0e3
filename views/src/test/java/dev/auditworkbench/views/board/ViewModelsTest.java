package dev.auditworkbench.views.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.priority.Planner;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.testing.TestProjects;
import dev.auditworkbench.views.common.BackgroundWork;
import dev.auditworkbench.views.common.TriageActions;
import dev.auditworkbench.views.findings.FindingsViewModel;
import dev.auditworkbench.views.matrix.MatrixViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The board, the findings filters and the matrix driven as their views drive them, with a
 * same-thread executor: every task runs on the FX thread in the order asked (no window, no
 * background thread).
 */
class ViewModelsTest {
  @TempDir Path dir;
  private AuditProject project;
  private TriageActions actions;
  private FindingsViewModel findings;
  private BoardViewModel board;
  private MatrixViewModel matrix;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void project() throws Exception {
    project =
        AuditProject.of(
            TestProjects.withFindings(dir, Clock.systemUTC(), 4, new long[4]), Clock.systemUTC());
    onFx(
        () -> {
          BackgroundWork direct = BackgroundWork.direct();
          actions = new TriageActions(project.triage(), direct);
          findings = new FindingsViewModel(project, actions, direct);
          board = new BoardViewModel(findings, project, actions, direct);
          matrix = new MatrixViewModel(project, actions, direct);
          actions.onChanged(findings::reload); // as the window wires it
          findings.reload();
          return null;
        });
  }

  @AfterEach
  void close() {
    project.close();
  }

  /**
   * Runs on the FX thread; the tasks it starts run there too, and their handlers (which JavaFX
   * posts to the FX thread) have run when this returns.
   */
  private static <T> T onFx(Callable<T> c) throws Exception {
    T value = WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents(10);
    return value;
  }

  private Finding stored(long id) {
    return project.findings().all().stream().filter(f -> f.id() == id).findFirst().orElseThrow();
  }

  private List<String> titles(Status column) throws Exception {
    return onFx(() -> board.column(column).stream().map(Finding::title).toList());
  }

  @Test
  void aBoardMoveIsStoredShownAndUndone() throws Exception {
    assertEquals(4, titles(Status.INBOX).size());
    Finding first = onFx(() -> board.column(Status.INBOX).get(0));
    onFx(() -> board.move(List.of(first), Status.CONFIRMED, null));
    assertEquals(Status.CONFIRMED, stored(first.id()).status());
    assertEquals(List.of(first.title()), titles(Status.CONFIRMED));
    assertEquals("move 1 card to Confirmed", actions.undoLabelProperty().get());

    onFx(board::undo);
    assertEquals(Status.INBOX, stored(first.id()).status());
    assertEquals(4, titles(Status.INBOX).size());
  }

  @Test
  void aShiftReordersAColumnAndIsKept() throws Exception {
    List<String> before = titles(Status.INBOX);
    Finding third = onFx(() -> board.column(Status.INBOX).get(2));
    onFx(() -> board.shift(List.of(third), Status.INBOX, -1));
    List<String> after = titles(Status.INBOX);
    assertEquals(before.get(2), after.get(1), after.toString());
    assertEquals(before.get(1), after.get(2));
  }

  @Test
  void filtersNarrowTheTableAndTheBoardAlike() throws Exception {
    onFx(
        () -> {
          findings.searchProperty().set("SQL 2");
          return null;
        });
    assertEquals(1, (int) onFx(() -> findings.shown().size()));
    assertEquals(List.of("SQL 2"), titles(Status.INBOX));
    onFx(
        () -> {
          findings.searchProperty().set("");
          findings.severityProperty().set(Severity.LOW);
          return null;
        });
    assertEquals(0, (int) onFx(() -> findings.shown().size()));
    assertTrue(titles(Status.INBOX).isEmpty());
  }

  @Test
  void aMatrixReScoreSavesOverridesAndUndoesWhole() throws Exception {
    onFx(matrix::reload);
    Planner.WorkItem item = matrix.planProperty().get().orElseThrow().items().get(0);
    long id = item.findings().get(0).id();
    onFx(() -> matrix.rescore(item, 5, 40));
    assertEquals(5, stored(id).impactOverride().value());
    onFx(actions::undo);
    assertNull(stored(id).impactOverride());
  }
}
