package dev.auditworkbench.views.overview;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.FindingTally;
import dev.auditworkbench.engine.model.ImportRecord;
import dev.auditworkbench.engine.model.ScanRecord;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.queries.QueryAnalysis;
import dev.auditworkbench.views.common.BackgroundWork;
import dev.auditworkbench.views.common.FxTasks;
import dev.auditworkbench.views.common.Texts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

/** The audit at a glance: findings by severity and category, and the imports so far. */
public final class OverviewViewModel {
  /** What the overview shows, computed off the FX thread. */
  public record Snapshot(
      int findings,
      int open,
      Map<Severity, Integer> bySeverity,
      Map<Category, Integer> byCategory,
      List<ImportRecord> imports,
      Optional<ScanRecord> scan,
      Optional<DjangoInventory> inventory,
      List<String> highlights) {}

  private final AuditProject project;
  private final BackgroundWork background;
  private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>();

  public OverviewViewModel(AuditProject project, BackgroundWork background) {
    this.project = project;
    this.background = background;
  }

  /**
   * The overview of a project, read off the FX thread as it is opened, so its window's first frame
   * already shows the figures (see {@link #show}): the counts and the findings' highlights, not yet
   * the captured traffic's (they take the query analysis; the reload that follows adds them).
   */
  public static Snapshot summarise(AuditProject project) {
    return compute(project, false);
  }

  /** Shows a snapshot read beforehand ({@link #summarise}); the next reload replaces it. */
  public void show(Snapshot summary) {
    snapshot.set(summary);
    trafficPending = true;
  }

  /** A snapshot shown by {@link #show} still lacks the traffic's highlights. */
  private boolean trafficPending;

  /**
   * Reads the overview again; the first reload after {@link #show} only adds the captured traffic's
   * highlights (the counts were just read).
   */
  public Task<Snapshot> reload() {
    Snapshot shown = snapshot.get();
    boolean onlyTraffic = trafficPending && shown != null;
    trafficPending = false;
    Task<Snapshot> task =
        FxTasks.task(
            "Summarising the audit",
            l -> onlyTraffic ? withTraffic(shown, trafficHighlights(project)) : compute(project));
    task.setOnSucceeded(e -> snapshot.set(task.getValue()));
    return background.submit(task);
  }

  private static Snapshot withTraffic(Snapshot s, List<String> traffic) {
    List<String> highlights = new ArrayList<>(s.highlights());
    highlights.addAll(traffic);
    return new Snapshot(
        s.findings(),
        s.open(),
        s.bySeverity(),
        s.byCategory(),
        s.imports(),
        s.scan(),
        s.inventory(),
        List.copyOf(highlights));
  }

  static Snapshot compute(AuditProject project) {
    return compute(project, true);
  }

  private static Snapshot compute(AuditProject project, boolean traffic) {
    // Counted by the database, as the report counts them (Finding.counted): not dismissed, still
    // reported, and low-confidence places to review left out until an auditor triages them. Only
    // the few findings the highlights name are read.
    FindingTally tally = project.findings().tally();
    Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    Map<Category, Integer> byCategory = new EnumMap<>(Category.class);
    for (Severity s : Severity.values()) {
      bySeverity.put(s, tally.bySeverity().getOrDefault(s, 0));
    }
    tally.byCategory().forEach(byCategory::put);
    List<ImportRecord> imports = project.analyses().imports();
    Optional<ScanRecord> scan = project.analyses().latestScan();
    Optional<DjangoInventory> inventory = project.analyses().inventory();
    return new Snapshot(
        tally.all(),
        tally.counted(),
        bySeverity,
        byCategory,
        imports,
        scan,
        inventory,
        highlights(project, traffic));
  }

  /**
   * The Django version's support, the top hotspots, and with the traffic the slowest routes and
   * statements, in one list.
   */
  private static List<String> highlights(AuditProject project, boolean traffic) {
    List<String> out =
        findingHighlights(
            project.findings().ofRules(List.of("dependency.django-support", "history.hotspot")));
    if (traffic) {
      out.addAll(trafficHighlights(project));
    }
    return out;
  }

  /** The Django version's support and the top hotspots. */
  static List<String> findingHighlights(List<Finding> findings) {
    List<String> out = new ArrayList<>();
    findings.stream()
        .filter(f -> !f.gone() && f.ruleId().equals("dependency.django-support"))
        .findFirst()
        .ifPresent(f -> out.add("Framework: " + f.title()));
    findings.stream()
        .filter(f -> !f.gone() && f.ruleId().equals("history.hotspot"))
        .sorted(Comparator.comparing(Finding::title))
        .limit(3)
        .forEach(f -> out.add(f.title()));
    return out;
  }

  /** The slowest routes and statements and the N+1 patterns of the captured traffic. */
  static List<String> trafficHighlights(AuditProject project) {
    List<String> out = new ArrayList<>();
    var queries = project.analyses().queries(QueryAnalysis.DEFAULT_N_PLUS_ONE);
    queries.routes().stream()
        .limit(3)
        .forEach(
            r ->
                out.add(
                    String.format(
                        Locale.ROOT,
                        "Slow route %s: p95 %.0f ms over %s%s",
                        r.route(),
                        r.p95(),
                        Texts.count(r.requests(), "request"),
                        r.changedOn() == null
                            ? ""
                            : String.format(Locale.ROOT, " (slower since %s)", r.changedOn()))));
    queries.statements().stream()
        .limit(3)
        .forEach(
            st ->
                out.add(
                    String.format(
                        Locale.ROOT,
                        "Statement with %.0f%% of database time: %s, mean %s ms on %s",
                        100 * st.share(),
                        Texts.count(st.calls(), "call"),
                        dev.auditworkbench.engine.model.Words.millis(st.meanMs()),
                        st.tables().isEmpty() ? "-" : String.join(", ", st.tables()))));
    if (!queries.nPlusOnes().isEmpty()) {
      out.add(
          Texts.count(queries.nPlusOnes().size(), "N+1 pattern")
              + " in the captured traffic (Queries page)");
    }
    return out;
  }

  public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
    return snapshot.getReadOnlyProperty();
  }
}
