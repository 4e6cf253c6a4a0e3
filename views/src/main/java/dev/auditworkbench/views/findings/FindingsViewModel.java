package dev.auditworkbench.views.findings;

import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.store.FindingFilter;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.triage.TriageEdit;
import dev.auditworkbench.engine.triage.TriageService;
import dev.auditworkbench.views.common.BackgroundWork;
import dev.auditworkbench.views.common.FxTasks;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.concurrent.Task;

/**
 * All findings of the open project, the filter the user set, and bulk status changes. Holds no
 * nodes; loading and saving run on the background worker.
 */
public final class FindingsViewModel {
  private final ProjectStore store;
  private final TriageService triage;
  private final BackgroundWork background;

  private final ObservableList<Finding> all = FXCollections.observableArrayList();
  private final FilteredList<Finding> shown = new FilteredList<>(all, f -> true);
  private final StringProperty search = new SimpleStringProperty("");
  private final ObjectProperty<Severity> severity = new SimpleObjectProperty<>();
  private final ObjectProperty<Status> status = new SimpleObjectProperty<>();
  private final ObjectProperty<String> tool = new SimpleObjectProperty<>();
  private final ObjectProperty<String> app = new SimpleObjectProperty<>();
  private final ObjectProperty<dev.auditworkbench.engine.model.Category> category = new SimpleObjectProperty<>();
  private final ObjectProperty<dev.auditworkbench.engine.priority.Quadrant> quadrant = new SimpleObjectProperty<>();
  private final ObservableList<String> apps = FXCollections.observableArrayList();
  private volatile int highImpact = 4;
  private volatile int lowEffortHours = 16;
  private final ObservableList<String> tools = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  /** Each finding's searchable text, lower-cased once: the search runs over every finding per keystroke. */
  private final java.util.Map<Finding, String> searchable = new java.util.IdentityHashMap<>();

  public FindingsViewModel(ProjectStore store, TriageService triage, BackgroundWork background) {
    this.store = store;
    this.triage = triage;
    this.background = background;
    all.addListener((javafx.collections.ListChangeListener<Finding>) c -> {
      while (c.next()) {
        c.getRemoved().forEach(searchable::remove);
        // computeIfAbsent: the filtered list, listening first, may have asked for them already
        c.getAddedSubList().forEach(f -> searchable.computeIfAbsent(f, FindingFilter::searchable));
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
            () -> shown.size() == all.size()
                ? all.size() + " findings"
                : shown.size() + " of " + all.size() + " findings",
            shown, all));
  }

  /** The filter as the engine understands it; shared with the CLI's findings command. */
  public FindingFilter filter() {
    return new FindingFilter(
        status.get() == null ? Set.of() : Set.of(status.get()),
        category.get() == null ? Set.of() : Set.of(category.get()),
        severity.get() == null ? Set.of() : Set.of(severity.get()),
        tool.get() == null ? Set.of() : Set.of(tool.get()),
        search.get());
  }

  private void refilter() {
    FindingFilter filter = filter().withText("");
    java.util.function.Predicate<Finding> text = textMatch();
    java.util.function.Predicate<Finding> more = appAndQuadrant();
    shown.setPredicate(f -> filter.test(f) && text.test(f) && more.test(f));
  }

  /** The search text as a predicate (shared with the board), over each finding's cached searchable text. */
  public java.util.function.Predicate<Finding> textMatch() {
    FindingFilter filter = filter();
    if (filter.text().isEmpty()) {
      return f -> true;
    }
    return f -> filter.matchesSearchable(searchable.computeIfAbsent(f, FindingFilter::searchable));
  }

  /** The app (top-level folder of the finding's file) a finding is in; "(repository)" for top-level files. */
  public static String appOf(Finding f) {
    String path = f.location() == null ? null : f.location().path();
    if (path == null) {
      return "(no file)";
    }
    int slash = path.indexOf('/');
    return slash < 0 ? "(repository)" : path.substring(0, slash);
  }

  /** The app and quadrant filters, which the engine's FindingFilter does not know (shared with the board). */
  public java.util.function.Predicate<Finding> appAndQuadrant() {
    String a = app.get();
    dev.auditworkbench.engine.priority.Quadrant q = quadrant.get();
    int hi = highImpact;
    int low = lowEffortHours;
    return f -> (a == null || a.equals(appOf(f)))
        && (q == null || dev.auditworkbench.engine.priority.Quadrant.of(f.impact().value(), f.effort().hours(), hi, low) == q);
  }

  public ObjectProperty<dev.auditworkbench.engine.model.Category> categoryProperty() {
    return category;
  }

  /** A finding as the detail pane shows it: everything the tools said, the triage, the evidence. */
  public static String describe(Finding f) {
    StringBuilder sb = new StringBuilder();
    sb.append(f.title()).append("\n\n");
    sb.append(f.severity().key()).append(" · ").append(f.category().key()).append(" · confidence ")
        .append(f.confidence().name().toLowerCase(java.util.Locale.ROOT)).append(" · ").append(f.location().display()).append("\n");
    sb.append("status ").append(f.status().label()).append(f.dismissReason() == null ? "" : " (" + f.dismissReason().key() + ")")
        .append(f.gone() ? ", no longer reported" : "")
        .append(" · impact ").append(f.impact().value()).append(f.impactOverride() != null ? " (auditor's)" : "")
        .append(" · effort ").append(f.effort().hours()).append(" h ").append(f.effort().size())
        .append(f.effortOverride() != null ? " (auditor's)" : "").append("\n");
    if (!f.cwe().isEmpty() || !f.owasp().isEmpty()) {
      sb.append(String.join(", ", f.cwe().stream().map(c -> "CWE-" + c).toList()))
          .append(f.owasp().isEmpty() ? "" : " · " + String.join(", ", f.owasp())).append("\n");
    }
    sb.append("reported by ").append(String.join(", ", f.sources().stream()
        .map(x -> x.tool() + " " + x.nativeRuleId()).toList())).append(" · fingerprint ").append(f.fingerprint()).append("\n\n");
    if (f.description() != null && !f.description().isBlank()) {
      sb.append(f.description()).append("\n\n");
    }
    for (var e : f.evidence()) {
      sb.append("--- ").append(e.kind().name().toLowerCase(java.util.Locale.ROOT)).append(" ---\n").append(e.text()).append("\n\n");
    }
    if (f.notes() != null && !f.notes().isBlank()) {
      sb.append("--- notes ---\n").append(f.notes()).append("\n");
    }
    return sb.toString().strip();
  }

  public ObjectProperty<String> appProperty() {
    return app;
  }

  public ObjectProperty<dev.auditworkbench.engine.priority.Quadrant> quadrantProperty() {
    return quadrant;
  }

  public ObservableList<String> apps() {
    return apps;
  }

  /** Reloads every finding from the project. */
  public Task<List<Finding>> reload() {
    Task<List<Finding>> task =
        FxTasks.task("Loading findings", l -> {
          var settings = dev.auditworkbench.engine.priority.PlanSettings.from(
              store.read(c -> new dev.auditworkbench.engine.store.ProjectRepository(c).all()), java.time.LocalDate.now());
          highImpact = settings.highImpact();
          lowEffortHours = settings.lowEffortHours();
          return store.read(c -> new FindingRepository(c).all());
        });
    task.setOnSucceeded(e -> {
      all.setAll(task.getValue());
      apps.setAll(task.getValue().stream().map(FindingsViewModel::appOf).distinct().sorted().toList());
      tools.setAll(task.getValue().stream().flatMap(f -> f.sources().stream()).map(s -> s.tool()).distinct().sorted().toList());
    });
    return background.submit(task);
  }

  /** Moves the given findings to {@code target} (Dismissed is not offered here: it needs a reason). */
  public Task<Void> moveTo(List<Finding> findings, Status target) {
    if (target == Status.DISMISSED) {
      throw new IllegalArgumentException("dismissing needs a reason");
    }
    List<Long> ids = findings.stream().map(Finding::id).toList();
    Task<Void> task =
        FxTasks.task(
            "Moving " + ids.size() + " findings to " + target.label(),
            l -> {
              for (long id : ids) {
                triage.apply(id, new TriageEdit(target, null, null, null, null), "findings-table");
              }
              return null;
            });
    task.setOnSucceeded(e -> reload());
    return background.submit(task);
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
