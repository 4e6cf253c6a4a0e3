package dev.auditworkbench.views.detail;

import dev.auditworkbench.engine.model.DismissReason;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.model.TriageChange;
import dev.auditworkbench.engine.triage.TriageEdit;
import java.util.List;
import javafx.concurrent.Task;

/**
 * What the finding detail pane reads and changes, wherever it is shown (the board, the findings
 * table); every change is one undoable triage step.
 */
public interface FindingDetails {
  /**
   * A finding's full story: the code around its location at the scanned commit (or from the working
   * tree when the commit is not in the clone), and every change made to it.
   *
   * @param firstLine the number of the first code line shown
   * @param codeSource where the code came from, shown above it
   */
  record Detail(
      Finding finding,
      List<String> code,
      int firstLine,
      String codeSource,
      List<TriageChange> history,
      List<Finding> duplicates) {}

  Task<Detail> detail(Finding f);

  Task<?> edit(Finding f, TriageEdit edit, String label);

  Task<?> move(List<Finding> findings, Status to, DismissReason reason);

  Task<?> saveNotes(Finding f, String notes);

  /** The findings with these ids, as currently loaded. */
  List<Finding> byIds(List<Long> ids);
}
