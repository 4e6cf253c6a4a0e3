package dev.auditworkbench.views.board;

import dev.auditworkbench.engine.excerpt.CodeExcerpts;
import dev.auditworkbench.engine.model.DismissReason;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.project.FindingQuery;
import dev.auditworkbench.engine.project.FindingService;
import dev.auditworkbench.engine.triage.TriageCommand;
import dev.auditworkbench.engine.triage.TriageEdit;
import dev.auditworkbench.views.common.BackgroundWork;
import dev.auditworkbench.views.common.FxTasks;
import dev.auditworkbench.views.common.Texts;
import dev.auditworkbench.views.common.TriageActions;
import dev.auditworkbench.views.detail.FindingDetails;
import dev.auditworkbench.views.findings.FindingsViewModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.concurrent.Task;

/**
 * The kanban board over the Findings table's data and filters (search, severity, tool, app,
 * quadrant; the status filter is the columns): one column per triage status in the auditor's order,
 * every move, reorder, edit and merge saved at once (each one transaction) and undoable. Findings
 * no tool reports any more stay off the board.
 */
public final class BoardViewModel implements FindingDetails {
  private final FindingsViewModel findings;
  private final AuditProject project;
  private final TriageActions actions;
  private final BackgroundWork background;
  private final Map<Status, FilteredList<Finding>> filtered = new EnumMap<>(Status.class);

  /** Every finding in board order; the columns filter it, so typing a search never re-sorts. */
  private final SortedList<Finding> inOrder;

  /** Fingerprint to rank within its column, for cards placed by hand. */
  private Map<String, Integer> ranks = new HashMap<>();

  /** Fingerprint of a kept finding to the findings merged into it. */
  private Map<String, List<Finding>> merged = new HashMap<>();

  public BoardViewModel(
      FindingsViewModel findings,
      AuditProject project,
      TriageActions actions,
      BackgroundWork background) {
    this.findings = findings;
    this.project = project;
    this.actions = actions;
    this.background = background;
    inOrder = new SortedList<>(findings.all(), order());
    for (Status s : Status.values()) {
      filtered.put(s, new FilteredList<>(inOrder, x -> x.status() == s && !x.gone()));
    }
    findings.searchProperty().addListener((o, a, b) -> refilter());
    findings.severityProperty().addListener((o, a, b) -> refilter());
    findings.toolProperty().addListener((o, a, b) -> refilter());
    findings.appProperty().addListener((o, a, b) -> refilter());
    findings.quadrantProperty().addListener((o, a, b) -> refilter());
    if (background != null) {
      findings.all().addListener((ListChangeListener<Finding>) c -> loadBoardState());
    }
  }

  /**
   * Hand-placed cards first in their rank, the rest most severe first, then by place in the code.
   */
  private Comparator<Finding> order() {
    Map<String, Integer> r = ranks;
    return Comparator.<Finding>comparingInt(f -> r.getOrDefault(f.fingerprint(), Integer.MAX_VALUE))
        .thenComparing(FindingService.DISPLAY_ORDER);
  }

  private void resort() {
    inOrder.setComparator(order());
  }

  /** Shows the columns in these ranks (the stored order; the bench times this re-sort). */
  public void applyRanks(Map<String, Integer> r) {
    ranks = new HashMap<>(r);
    resort();
  }

  /** The stored board decisions: ranks and duplicate links, both keyed by fingerprint. */
  private record Stored(Map<String, Integer> ranks, Map<String, String> duplicates) {}

  private void loadBoardState() {
    Task<Stored> task =
        FxTasks.task(
            "Loading the board",
            l -> {
              FindingService.BoardState state = project.findings().board();
              return new Stored(state.ranks(), state.duplicateOf());
            });
    task.setOnSucceeded(
        e -> {
          Map<String, Integer> r = task.getValue().ranks();
          Map<String, String> d = task.getValue().duplicates();
          Map<String, Finding> byFp = new HashMap<>();
          for (Finding f : findings.all()) {
            byFp.put(f.fingerprint(), f);
          }
          Map<String, List<Finding>> m = new HashMap<>();
          d.forEach(
              (dup, kept) -> {
                Finding f = byFp.get(dup);
                if (f != null) {
                  m.computeIfAbsent(kept, k -> new ArrayList<>()).add(f);
                }
              });
          merged = m;
          applyRanks(r);
          boardState.set(boardState.get() + 1);
        });
    background.submit(task);
  }

  private final ReadOnlyIntegerWrapper boardState = new ReadOnlyIntegerWrapper(0);

  /** Changes whenever the ranks and merges are (re)loaded: cards redraw their counts. */
  public ReadOnlyIntegerProperty boardStateProperty() {
    return boardState.getReadOnlyProperty();
  }

  private void refilter() {
    FindingQuery anyStatus = findings.query().anyStatus();
    Predicate<Finding> text = findings.textMatch();
    for (Status s : Status.values()) {
      filtered
          .get(s)
          .setPredicate(
              f -> f.status() == s && !f.gone() && anyStatus.matchesExceptText(f) && text.test(f));
    }
  }

  /** A column as filtered, in board order. */
  public ObservableList<Finding> column(Status status) {
    return filtered.get(status);
  }

  /** Hours of effort in a column as filtered. */
  public int effortHours(Status status) {
    return filtered.get(status).stream().mapToInt(f -> f.effort().hours()).sum();
  }

  /** The findings merged into this one as duplicates. */
  public List<Finding> duplicatesOf(Finding f) {
    return merged.getOrDefault(f.fingerprint(), List.of());
  }

  /**
   * Moves findings to a column (Dismissed needs a reason), placing them before {@code before} or,
   * when it is null, where their rank puts them (the end for cards never placed by hand). Saved at
   * once; can be undone.
   */
  public Task<?> move(List<Finding> moved, Status to, DismissReason reason, Finding before) {
    // Only cards changing column change status; cards already there are just placed (their reason
    // stays).
    List<Finding> real = moved.stream().filter(f -> f.status() != to).toList();
    if (to == Status.DISMISSED && reason == null && !real.isEmpty()) {
      throw new IllegalArgumentException("dismissing needs a reason");
    }
    Map<String, Integer> rankBefore = new HashMap<>();
    Map<String, Integer> rankAfter =
        before == null ? Map.of() : placed(to, moved, before, rankBefore);
    if (real.isEmpty() && rankAfter.isEmpty()) {
      return null;
    }
    String label =
        real.isEmpty()
            ? "reorder " + Texts.count(moved.size(), "card")
            : "move " + Texts.count(real.size(), "card") + " to " + to.label();
    return actions.execute(
        new TriageCommand.Move(
            real.stream().map(Finding::id).toList(),
            to,
            to == Status.DISMISSED ? reason : null,
            rankAfter,
            label),
        "board");
  }

  public Task<?> move(List<Finding> moved, Status to, DismissReason reason) {
    return move(moved, to, reason, null);
  }

  /** Moves the cards one place up (-1) or down (+1) in their column, as shown. */
  public Task<?> shift(List<Finding> selected, Status column, int delta) {
    List<Finding> shown = filtered.get(column);
    if (selected.isEmpty() || shown.isEmpty()) {
      return null;
    }
    int first = shown.indexOf(selected.get(0));
    int last = shown.indexOf(selected.get(selected.size() - 1));
    if (first < 0 || (delta < 0 && first == 0) || (delta > 0 && last >= shown.size() - 1)) {
      return null;
    }
    Finding before =
        delta < 0 ? shown.get(first - 1) : (last + 2 < shown.size() ? shown.get(last + 2) : null);
    if (before == null) {
      // Down to the very end: place after the last card.
      Map<String, Integer> rankAfter = placed(column, selected, null, new HashMap<>());
      return actions.execute(
          new TriageCommand.Rank(rankAfter, "reorder " + Texts.count(selected.size(), "card")),
          "board");
    }
    return move(selected, column, null, before);
  }

  /**
   * New ranks for the whole target column (every card in it, filtered out or not) with {@code
   * moved} placed before {@code before} (or at the end); fills {@code previous} with the ranks they
   * replace. The in-memory ranks change at once, so the column shows the new order before the store
   * confirms it.
   */
  private Map<String, Integer> placed(
      Status to, List<Finding> moved, Finding before, Map<String, Integer> previous) {
    Set<Long> ids = new HashSet<>(moved.stream().map(Finding::id).toList());
    List<Finding> all =
        new ArrayList<>(
            findings.all().stream()
                .filter(f -> f.status() == to && !f.gone() && !ids.contains(f.id()))
                .sorted(order())
                .toList());
    int at = before == null ? all.size() : Math.max(0, all.indexOf(before));
    if (before != null && !all.contains(before)) {
      at = all.size();
    }
    all.addAll(at, moved);
    Map<String, Integer> after = new LinkedHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      String fp = all.get(i).fingerprint();
      previous.put(fp, ranks.get(fp));
      after.put(fp, i);
    }
    Map<String, Integer> next = new HashMap<>(ranks);
    next.putAll(after);
    ranks = next;
    resort();
    return after;
  }

  /**
   * Edits one finding from the detail pane (status, impact, effort, notes, tags); saved at once,
   * undoable.
   */
  public Task<?> edit(Finding f, TriageEdit edit, String label) {
    return actions.execute(TriageCommand.Edit.of(f.id(), edit, label), "board");
  }

  /**
   * Merges {@code duplicates} into {@code kept}: they are dismissed as duplicates and counted on
   * its card.
   */
  public Task<?> merge(Finding kept, List<Finding> duplicates) {
    List<Finding> dups = duplicates.stream().filter(d -> d.id() != kept.id()).toList();
    if (dups.isEmpty()) {
      return null;
    }
    String label = "merge " + Texts.count(dups.size(), "duplicate") + " into " + kept.title();
    return actions.execute(
        new TriageCommand.Merge(kept.id(), dups.stream().map(Finding::id).toList(), label),
        "board");
  }

  /** Undoes the last triage change, made here or on another page. */
  public Task<Void> undo() {
    return actions.undo();
  }

  public Task<Void> redo() {
    return actions.redo();
  }

  /** The last change that failed, for the view to report; set again on each failure. */
  public ReadOnlyStringProperty errorProperty() {
    return actions.errorProperty();
  }

  public ReadOnlyBooleanProperty canUndoProperty() {
    return actions.canUndoProperty();
  }

  public ReadOnlyBooleanProperty canRedoProperty() {
    return actions.canRedoProperty();
  }

  /** What Undo would undo, for the button's tooltip. */
  public ReadOnlyStringProperty undoLabelProperty() {
    return actions.undoLabelProperty();
  }

  @Override
  public Task<Detail> detail(Finding f) {
    List<Finding> dups = duplicatesOf(f);
    return background.submit(
        FxTasks.task(
            "Reading " + f.title(),
            l -> {
              CodeExcerpts.Excerpt code = project.excerpts().around(f, 10, 10);
              var history = project.findings().history(f.id());
              return new Detail(
                  f,
                  code.lines(),
                  code.isEmpty() ? 1 : code.firstLine(),
                  code.source(),
                  history,
                  dups);
            }));
  }

  /** Saves the auditor's notes on a finding at once (undoable). */
  public Task<?> saveNotes(Finding f, String notes) {
    return edit(f, TriageEdit.notes(notes), "edit notes");
  }

  /** The findings with these ids, as currently loaded. */
  public List<Finding> byIds(List<Long> ids) {
    Set<Long> wanted = new HashSet<>(ids);
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings.all()) {
      if (wanted.contains(f.id())) {
        out.add(f);
      }
    }
    return out;
  }
}
