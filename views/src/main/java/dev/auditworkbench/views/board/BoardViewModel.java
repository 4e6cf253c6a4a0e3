package dev.auditworkbench.views.board;

import dev.auditworkbench.engine.model.DismissReason;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.store.FindingFilter;
import dev.auditworkbench.engine.triage.TriageEdit;
import dev.auditworkbench.engine.triage.TriageService;
import dev.auditworkbench.views.common.BackgroundWork;
import dev.auditworkbench.views.common.FxTasks;
import dev.auditworkbench.views.findings.FindingsViewModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.concurrent.Task;

/**
 * The kanban board over the Findings table's data and filters (search, severity, tool; the status
 * filter is the columns): one column per triage status, moves saved at once (each a transaction),
 * and undo/redo of moves. Findings no tool reports any more stay off the board.
 */
public final class BoardViewModel {
  /** One move of some findings, with where each came from. */
  private record Move(List<Long> ids, List<Status> from, List<DismissReason> fromReasons, Status to, DismissReason reason) {}

  private final FindingsViewModel findings;
  private final dev.auditworkbench.engine.store.ProjectStore store;
  private final TriageService triage;
  private final BackgroundWork background;
  private final Map<Status, FilteredList<Finding>> columns = new EnumMap<>(Status.class);
  private final Deque<Move> undo = new ArrayDeque<>();
  private final Deque<Move> redo = new ArrayDeque<>();
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);

  public BoardViewModel(FindingsViewModel findings, dev.auditworkbench.engine.store.ProjectStore store,
      TriageService triage, BackgroundWork background) {
    this.findings = findings;
    this.store = store;
    this.triage = triage;
    this.background = background;
    for (Status s : Status.values()) {
      columns.put(s, new FilteredList<>(findings.all(), f -> f.status() == s && !f.gone()));
    }
    findings.searchProperty().addListener((o, a, b) -> refilter());
    findings.severityProperty().addListener((o, a, b) -> refilter());
    findings.toolProperty().addListener((o, a, b) -> refilter());
    findings.appProperty().addListener((o, a, b) -> refilter());
    findings.quadrantProperty().addListener((o, a, b) -> refilter());
  }

  private void refilter() {
    FindingFilter base = findings.filter();
    FindingFilter ignoringStatus = new FindingFilter(Set.of(), base.categories(), base.severities(), base.tools(), base.text());
    java.util.function.Predicate<Finding> more = findings.appAndQuadrant();
    for (Status s : Status.values()) {
      columns.get(s).setPredicate(f -> f.status() == s && !f.gone() && ignoringStatus.test(f) && more.test(f));
    }
  }

  public ObservableList<Finding> column(Status status) {
    return columns.get(status);
  }

  /** Hours of effort in a column as filtered. */
  public int effortHours(Status status) {
    return columns.get(status).stream().mapToInt(f -> f.effort().hours()).sum();
  }

  /** Moves findings to a column; Dismissed needs a reason. Saved at once; can be undone. */
  public Task<Void> move(List<Finding> moved, Status to, DismissReason reason) {
    if (to == Status.DISMISSED && reason == null) {
      throw new IllegalArgumentException("dismissing needs a reason");
    }
    List<Finding> real = moved.stream().filter(f -> f.status() != to).toList();
    Move m = new Move(real.stream().map(Finding::id).toList(), real.stream().map(Finding::status).toList(),
        real.stream().map(Finding::dismissReason).toList(), to, to == Status.DISMISSED ? reason : null);
    undo.push(m);
    redo.clear();
    updateFlags();
    return apply(m, false);
  }

  public Task<Void> undo() {
    if (undo.isEmpty()) {
      return null;
    }
    Move m = undo.pop();
    redo.push(m);
    updateFlags();
    return apply(m, true);
  }

  public Task<Void> redo() {
    if (redo.isEmpty()) {
      return null;
    }
    Move m = redo.pop();
    undo.push(m);
    updateFlags();
    return apply(m, false);
  }

  private Task<Void> apply(Move m, boolean back) {
    Task<Void> task = FxTasks.task((back ? "Undoing: " : "Moving ") + m.ids().size() + " findings", l -> {
      for (int i = 0; i < m.ids().size(); i++) {
        Status status = back ? m.from().get(i) : m.to();
        DismissReason reason = back ? m.fromReasons().get(i) : m.reason();
        triage.apply(m.ids().get(i), new TriageEdit(status, reason, null, null, null), back ? "board-undo" : "board");
      }
      return null;
    });
    task.setOnSucceeded(e -> findings.reload());
    return background.submit(task);
  }

  private void updateFlags() {
    canUndo.set(!undo.isEmpty());
    canRedo.set(!redo.isEmpty());
  }

  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canRedoProperty() {
    return canRedo.getReadOnlyProperty();
  }

  /**
   * A finding's full story for the detail pane: the code around its location (from the repository's working
   * tree), and every change made to it.
   *
   * @param firstLine the number of the first code line shown
   */
  public record Detail(Finding finding, List<String> code, int firstLine, List<dev.auditworkbench.engine.store.HistoryRepository.Change> history) {}

  public Task<Detail> detail(Finding f) {
    return background.submit(FxTasks.task("Reading " + f.title(), l -> {
      List<String> code = List.of();
      int first = 1;
      java.nio.file.Path repo = store.info().repo();
      if (repo != null && f.location().path() != null && f.location().inRepo() && !f.ruleId().startsWith("secret.")) {
        java.nio.file.Path file = repo.resolve(f.location().path()).normalize();
        if (file.startsWith(repo) && java.nio.file.Files.isRegularFile(file)) {
          List<String> lines = java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
          int at = Math.max(1, f.location().startLine());
          first = Math.max(1, at - 10);
          code = lines.subList(first - 1, Math.min(lines.size(), Math.max(at, f.location().endLine()) + 10));
        }
      }
      var history = store.read(c -> new dev.auditworkbench.engine.store.HistoryRepository(c).of(f.id()));
      return new Detail(f, List.copyOf(code), first, history);
    }));
  }

  /** Saves the auditor's notes on a finding at once. */
  public Task<Void> saveNotes(Finding f, String notes) {
    Task<Void> task = FxTasks.task("Saving notes", l -> {
      triage.apply(f.id(), new TriageEdit(null, null, null, null, notes), "board");
      return null;
    });
    task.setOnSucceeded(e -> findings.reload());
    return background.submit(task);
  }

  /** The findings with these ids, as currently loaded. */
  public List<Finding> byIds(List<Long> ids) {
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings.all()) {
      if (ids.contains(f.id())) {
        out.add(f);
      }
    }
    return out;
  }

  static List<Status> order() {
    return FXCollections.observableArrayList(Status.values());
  }
}
