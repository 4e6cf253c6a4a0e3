package dev.auditworkbench.views.findings;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.DismissReason;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.priority.Quadrant;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.project.FindingQuery;
import dev.auditworkbench.engine.triage.TriageCommand;
import dev.auditworkbench.engine.triage.TriageEdit;
import dev.auditworkbench.views.common.BackgroundWork;
import dev.auditworkbench.views.common.FxTasks;
import dev.auditworkbench.views.common.Texts;
import dev.auditworkbench.views.common.TriageActions;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.concurrent.Task;

/**
 * All findings of the open project, the filter the user set, and bulk status changes. Holds no
 * nodes; loading and saving run on the background worker.
 */
public final class FindingsViewModel {
  private final AuditProject project;
  private final TriageActions actions;
  private final BackgroundWork background;

  private final ObservableList<Finding> all = FXCollections.observableArrayList();
  private final FilteredList<Finding> shown = new FilteredList<>(all, f -> true);
  private final StringProperty search = new SimpleStringProperty("");
  private final ObjectProperty<Severity> severity = new SimpleObjectProperty<>();
  private final ObjectProperty<Status> status = new SimpleObjectProperty<>();
  private final ObjectProperty<String> tool = new SimpleObjectProperty<>();
  private final ObjectProperty<String> app = new SimpleObjectProperty<>();
  private final ObjectProperty<Category> category = new SimpleObjectProperty<>();
  private final ObjectProperty<Quadrant> quadrant = new SimpleObjectProperty<>();
  private final ObservableList<String> apps = FXCollections.observableArrayList();
  private volatile int highImpact = 4;
  private volatile int lowEffortHours = 16;
  private final ObservableList<String> tools = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

  /**
   * Each finding's searchable text, lower-cased once: the search runs over every finding per
   * keystroke.
   */
  private final Map<Finding, String> searchable = new IdentityHashMap<>();

  public FindingsViewModel(AuditProject project, TriageActions actions, BackgroundWork background) {
    this.project = project;
    this.actions = actions;
    this.background = background;
    all.addListener(
        (ListChangeListener<Finding>)
            c -> {
              while (c.next()) {
                c.getRemoved().forEach(searchable::remove);
                // computeIfAbsent: the filtered list, listening first, may have asked for them
                // already
                c.getAddedSubList()
                    .forEach(f -> searchable.computeIfAbsent(f, FindingQuery::searchable));
              }
            });
    search.addListener((o, a, b) -> refilter());
    severity.addListener((o, a, b) -> refilter());
    status.addListener((o, a, b) -> refilter());
    tool.addListener((o, a, b) -> refilter());
    app.addListener((o, a, b) -> refilter());
    category.addListener((o, a, b) -> refilter());
    quadrant.addListener((o, a, b) -> refilter());
    summary.bind(
        Bindings.createStringBinding(
            () ->
                shown.size() == all.size()
                    ? counts(all)
                    : String.format("%,d of %,d findings", shown.size(), all.size()),
            shown,
            all));
  }

  /**
   * "449 findings: 136 open, 306 informational, 7 to review": counted as the report counts them
   * (open and informational apart; low-confidence places nobody triaged to review; the rest set
   * aside or no longer reported).
   */
  static String counts(List<Finding> all) {
    long open = 0;
    long info = 0;
    long review = 0;
    for (Finding f : all) {
      if (f.counted()) {
        if (f.severity() == Severity.INFO) {
          info++;
        } else {
          open++;
        }
      } else if (!f.gone() && f.unreviewedLowConfidence()) {
        review++;
      }
    }
    // grouped as the total is ("10,000 findings: 10,000 open")
    return Texts.count(all.size(), "finding")
        + ": "
        + String.format("%,d", open)
        + " open, "
        + String.format("%,d", info)
        + " informational"
        + (review == 0 ? "" : String.format(", %,d to review", review));
  }

  /**
   * Every filter set on this page, as the engine understands it; the board and the matrix apply it
   * too.
   */
  public FindingQuery query() {
    return new FindingQuery(
        status.get() == null ? Set.of() : Set.of(status.get()),
        category.get() == null ? Set.of() : Set.of(category.get()),
        severity.get() == null ? Set.of() : Set.of(severity.get()),
        tool.get() == null ? Set.of() : Set.of(tool.get()),
        search.get(),
        app.get() == null ? Set.of() : Set.of(app.get()),
        quadrant.get() == null ? Set.of() : Set.of(quadrant.get()),
        highImpact,
        lowEffortHours);
  }

  private void refilter() {
    FindingQuery q = query();
    filters.set(q.describe());
    filtersAnyStatus.set(q.anyStatus().describe());
    Predicate<Finding> text = textMatch();
    shown.setPredicate(f -> q.matchesExceptText(f) && text.test(f));
  }

  /**
   * The search text as a predicate (shared with the board), over each finding's cached searchable
   * text.
   */
  public Predicate<Finding> textMatch() {
    FindingQuery q = query();
    if (q.text().isEmpty()) {
      return f -> true;
    }
    return f -> q.matchesSearchable(searchable.computeIfAbsent(f, FindingQuery::searchable));
  }

  private final javafx.beans.property.ReadOnlyStringWrapper filters =
      new javafx.beans.property.ReadOnlyStringWrapper("");
  private final javafx.beans.property.ReadOnlyStringWrapper filtersAnyStatus =
      new javafx.beans.property.ReadOnlyStringWrapper("");

  /** The filters set, in words ("" when none): what the findings table shows. */
  public javafx.beans.property.ReadOnlyStringProperty filtersProperty() {
    return filters.getReadOnlyProperty();
  }

  /** The filters that apply to the board and the matrix (every one but the status), in words. */
  public javafx.beans.property.ReadOnlyStringProperty filtersAnyStatusProperty() {
    return filtersAnyStatus.getReadOnlyProperty();
  }

  /** Clears every filter of the page (and so of the board and matrix). */
  public void clearFilters() {
    search.set("");
    severity.set(null);
    status.set(null);
    tool.set(null);
    app.set(null);
    category.set(null);
    quadrant.set(null);
  }

  public ObjectProperty<Category> categoryProperty() {
    return category;
  }

  public ObjectProperty<String> appProperty() {
    return app;
  }

  public ObjectProperty<Quadrant> quadrantProperty() {
    return quadrant;
  }

  public ObservableList<String> apps() {
    return apps;
  }

  /** Reloads every finding from the project. */
  public Task<List<Finding>> reload() {
    Task<List<Finding>> task =
        FxTasks.task(
            "Loading findings",
            l -> {
              var settings = project.plans().settings();
              highImpact = settings.highImpact();
              lowEffortHours = settings.lowEffortHours();
              return project.findings().all();
            });
    task.setOnSucceeded(
        e -> {
          loaded.set(true);
          all.setAll(task.getValue());
          apps.setAll(
              task.getValue().stream().map(FindingQuery::appOf).distinct().sorted().toList());
          tools.setAll(
              task.getValue().stream()
                  .flatMap(f -> f.sources().stream())
                  .map(s -> s.tool())
                  .distinct()
                  .sorted()
                  .toList());
        });
    return background.submit(task);
  }

  /**
   * Moves the given findings to {@code target} in one undoable step (Dismissed needs the reason);
   * findings already there are left alone.
   */
  public Task<?> moveTo(List<Finding> findings, Status target, DismissReason reason) {
    if (target == Status.DISMISSED && reason == null) {
      throw new IllegalArgumentException("dismissing needs a reason");
    }
    List<Long> ids = findings.stream().filter(f -> f.status() != target).map(Finding::id).toList();
    return actions.execute(
        new TriageCommand.Move(
            ids,
            target,
            target == Status.DISMISSED ? reason : null,
            Map.of(),
            "move " + Texts.count(ids.size(), "finding") + " to " + target.label()),
        "findings-table");
  }

  public Task<?> moveTo(List<Finding> findings, Status target) {
    return moveTo(findings, target, null);
  }

  /** Sets the auditor's impact on every given finding: one undoable step. */
  public Task<?> setImpact(List<Finding> findings, int impact) {
    return actions.execute(
        TriageCommand.Edit.each(
            findings.stream().map(Finding::id).toList(),
            new TriageEdit(null, null, Impact.of(impact), null, null),
            "set impact " + impact + " on " + Texts.count(findings.size(), "finding")),
        "findings-table");
  }

  /** Sets the auditor's effort on every given finding: one undoable step. */
  public Task<?> setEffort(List<Finding> findings, Effort effort) {
    return actions.execute(
        TriageCommand.Edit.each(
            findings.stream().map(Finding::id).toList(),
            new TriageEdit(null, null, null, effort, null),
            "set effort " + effort + " on " + Texts.count(findings.size(), "finding")),
        "findings-table");
  }

  /** Adds tags to every given finding (each keeps its own): one undoable step. */
  public Task<?> addTags(List<Finding> findings, List<String> tags) {
    Map<Long, TriageEdit> edits = new LinkedHashMap<>();
    for (Finding f : findings) {
      List<String> now = new ArrayList<>(f.tags());
      tags.stream().filter(t -> !now.contains(t)).forEach(now::add);
      edits.put(f.id(), TriageEdit.tags(now));
    }
    return actions.execute(
        new TriageCommand.Edit(
            edits,
            "tag " + Texts.count(findings.size(), "finding") + " " + String.join(", ", tags)),
        "findings-table");
  }

  /** Merges the others into the first as its duplicates: one undoable step. */
  public Task<?> merge(List<Finding> findings) {
    if (findings.size() < 2) {
      return null;
    }
    Finding kept = findings.get(0);
    List<Long> dups = findings.stream().skip(1).map(Finding::id).toList();
    return actions.execute(
        new TriageCommand.Merge(
            kept.id(),
            dups,
            "merge " + Texts.count(dups.size(), "duplicate") + " into " + kept.title()),
        "findings-table");
  }

  private final javafx.beans.property.ReadOnlyBooleanWrapper loaded =
      new javafx.beans.property.ReadOnlyBooleanWrapper(false);

  /** False until the findings were read once: pages say "Loading", never "No findings", before. */
  public javafx.beans.property.ReadOnlyBooleanProperty loadedProperty() {
    return loaded.getReadOnlyProperty();
  }

  public ObservableList<Finding> shown() {
    return shown;
  }

  public ObservableList<Finding> all() {
    return all;
  }

  public StringProperty searchProperty() {
    return search;
  }

  public ObjectProperty<Severity> severityProperty() {
    return severity;
  }

  public ObjectProperty<Status> statusProperty() {
    return status;
  }

  public ObjectProperty<String> toolProperty() {
    return tool;
  }

  /** The tools that reported the project's findings, for the tool filter. */
  public ObservableList<String> tools() {
    return tools;
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }
}
