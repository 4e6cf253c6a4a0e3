package dev.auditworkbench.views.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.testing.TestProjects;
import dev.auditworkbench.engine.triage.TriageCommand;
import dev.auditworkbench.views.findings.FindingsViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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
 * The one undo history of a project window, driven as the board, the findings table and the matrix
 * drive it (no nodes): every step is one command, undo and redo put the stored state back, a new
 * step clears redo, and the toolbar's label names the step.
 */
class TriageActionsTest {
  @TempDir Path dir;
  private AuditProject project;
  private BackgroundWork background;
  private TriageActions actions;
  private FindingsViewModel findings;
  private int changes;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void project() throws Exception {
    ProjectStore store = TestProjects.withFindings(dir, Clock.systemUTC(), 3, new long[3]);
    project = AuditProject.of(store, Clock.systemUTC());
    background = new BackgroundWork();
    actions = new TriageActions(project.triage(), background);
    findings = new FindingsViewModel(project, actions, background);
    actions.onChanged(() -> changes++);
    onFx(() -> findings.reload());
    waitFor(() -> findings.all().size() == 3);
  }

  @AfterEach
  void close() {
    background.shutdownAndWait();
    project.close();
  }

  private static void onFx(Runnable r) throws Exception {
    WaitForAsyncUtils.asyncFx(r).get(5, TimeUnit.SECONDS);
  }

  private static void waitFor(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
  }

  private Status stored(int i) {
    return project.findings().all().stream()
        .filter(f -> f.fingerprint().equals("fp-" + i))
        .findFirst()
        .orElseThrow()
        .status();
  }

  @Test
  void aBulkMoveFromTheTableIsOneStepTheToolbarNamesAndUndoes() throws Exception {
    List<Finding> two = List.copyOf(findings.all().subList(0, 2));
    onFx(() -> findings.moveTo(two, Status.CONFIRMED));
    waitFor(() -> stored(0) == Status.CONFIRMED && stored(1) == Status.CONFIRMED);
    waitFor(() -> actions.canUndoProperty().get());
    assertEquals("move 2 findings to Confirmed", actions.undoLabelProperty().get());
    assertEquals(Status.INBOX, stored(2));

    onFx(actions::undo);
    waitFor(() -> stored(0) == Status.INBOX && stored(1) == Status.INBOX);
    waitFor(() -> actions.canRedoProperty().get());
    assertFalse(actions.canUndoProperty().get());

    onFx(actions::redo);
    waitFor(() -> stored(0) == Status.CONFIRMED);
    // Every change, undo and redo tells the pages to reload.
    waitFor(() -> changes >= 3);
    assertTrue(actions.canUndoProperty().get());
  }

  @Test
  void aReScoreAfterAnUndoClearsRedoAndIsUndoneWhole() throws Exception {
    onFx(
        () ->
            actions.execute(
                new TriageCommand.Move(
                    List.of(findings.all().get(0).id()),
                    Status.IN_REPORT,
                    null,
                    Map.of(),
                    "move 1 card to In report"),
                "board"));
    waitFor(() -> actions.canUndoProperty().get());
    onFx(actions::undo);
    waitFor(() -> actions.canRedoProperty().get());
    onFx(() -> findings.setImpact(List.copyOf(findings.all()), 5));
    waitFor(() -> project.findings().all().stream().allMatch(f -> f.impact().value() == 5));
    waitFor(() -> !actions.canRedoProperty().get());
    // The label follows on the FX thread once the step is recorded: waited for, not raced.
    waitFor(() -> "set impact 5 on 3 findings".equals(actions.undoLabelProperty().get()));
    assertEquals("set impact 5 on 3 findings", actions.undoLabelProperty().get());
    onFx(actions::undo);
    waitFor(() -> project.findings().all().stream().allMatch(f -> f.impactOverride() == null));
  }

  @Test
  void aFailedStepIsReportedAndLeavesNothingToUndo() throws Exception {
    onFx(
        () ->
            actions.execute(
                TriageCommand.Edit.of(
                    999, dev.auditworkbench.engine.triage.TriageEdit.notes("x"), "edit notes"),
                "board"));
    waitFor(() -> !actions.errorProperty().get().isEmpty());
    assertEquals("Could not edit notes: finding #999 is gone", actions.errorProperty().get());
    assertFalse(actions.canUndoProperty().get());
  }
}
