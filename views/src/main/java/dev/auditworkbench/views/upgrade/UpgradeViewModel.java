package dev.auditworkbench.views.upgrade;

import dev.auditworkbench.engine.excerpt.CodeExcerpts;
import dev.auditworkbench.engine.model.DjangoReleases;
import dev.auditworkbench.engine.model.VersionSpec;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.report.OutputFile;
import dev.auditworkbench.engine.upgrade.ApiUse;
import dev.auditworkbench.engine.upgrade.Removals;
import dev.auditworkbench.engine.upgrade.UpgradePlan;
import dev.auditworkbench.engine.upgrade.UpgradePlanText;
import dev.auditworkbench.views.common.BackgroundWork;
import dev.auditworkbench.views.common.FxTasks;
import dev.auditworkbench.views.common.Texts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

/**
 * The upgrade plan of the last scan to a chosen Django release (by default the next two LTS
 * releases), computed off the FX thread, as an outline: each hop, its four kinds of blockers in the
 * order to work on them, each table row with its uses. Selecting a place quotes its code (through
 * {@link CodeExcerpts}: repository files only, secrets masked).
 */
public final class UpgradeViewModel {
  /** Lines of code shown around a selected place. */
  static final int CONTEXT_LINES = 6;

  /**
   * One line of the outline: what it says, what the detail pane says about it, the file place it
   * points at (null for none) and its children.
   */
  public record Entry(String text, String detail, String path, int line, List<Entry> children) {
    public Entry {
      children = List.copyOf(children);
    }

    static Entry of(String text, String detail, List<Entry> children) {
      return new Entry(text, detail, null, 0, children);
    }

    public boolean hasPlace() {
      return path != null && line > 0;
    }
  }

  private final AuditProject project;
  private final BackgroundWork background;
  private final ReadOnlyObjectWrapper<Optional<UpgradePlan>> plan =
      new ReadOnlyObjectWrapper<>(Optional.empty());
  private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
  private volatile String target;

  public UpgradeViewModel(AuditProject project, BackgroundWork background) {
    this.project = project;
    this.background = background;
  }

  /** Plans again to the current target (after a scan or an import). */
  public Task<Optional<UpgradePlan>> reload() {
    String to = target;
    Task<Optional<UpgradePlan>> task =
        FxTasks.task("Planning the upgrade", l -> project.analyses().upgradePlan(to));
    task.setOnSucceeded(
        e -> {
          loaded.set(true);
          plan.set(task.getValue());
        });
    return background.submit(task);
  }

  /** Plans to {@code series} ("5.2"), or to the next two LTS releases when it is null. */
  public Task<Optional<UpgradePlan>> planTo(String series) {
    this.target = series;
    return reload();
  }

  /** The chosen target, or null for the next two LTS releases. */
  public String target() {
    return target;
  }

  /** The Django series a plan can go to from the project's: every later one in the tables. */
  public static List<String> targets(UpgradePlan plan) {
    List<String> out = new ArrayList<>();
    for (DjangoReleases.Series s : DjangoReleases.all()) {
      if (VersionSpec.compare(s.version(), plan.from()) > 0) {
        out.add(s.version());
      }
    }
    return out;
  }

  public ReadOnlyObjectProperty<Optional<UpgradePlan>> planProperty() {
    return plan.getReadOnlyProperty();
  }

  /** False until the first plan is computed: the page says it is planning, not "nothing". */
  public ReadOnlyBooleanProperty loadedProperty() {
    return loaded.getReadOnlyProperty();
  }

  /** The lines of code around a place, secrets masked, read off the FX thread. */
  public Task<CodeExcerpts.Excerpt> excerpt(Entry entry) {
    return background.submit(
        FxTasks.task(
            "Reading " + entry.path(),
            l ->
                project
                    .excerpts()
                    .around(
                        entry.path(), entry.line(), entry.line(), CONTEXT_LINES, CONTEXT_LINES)));
  }

  /** Writes the whole plan as text, every use listed (what `workbench upgrade` prints). */
  public Task<Path> export(Path file) {
    Optional<UpgradePlan> current = plan.get();
    return background.submit(
        FxTasks.task(
            "Exporting the upgrade plan",
            l -> {
              UpgradePlan p =
                  current.orElseThrow(() -> new IllegalStateException("no upgrade plan yet"));
              OutputFile.writeString(file, UpgradePlanText.render(p, Integer.MAX_VALUE));
              return file;
            }));
  }

  /** One line: the path, the Python, the effort and the places in the code. */
  public static String summary(UpgradePlan plan) {
    StringBuilder sb = new StringBuilder("Django ").append(plan.djangoVersion());
    plan.steps().forEach(s -> sb.append(" \u2192 ").append(s.to()));
    sb.append("  \u00b7  ")
        .append(plan.python().map(p -> "Python " + p.version()).orElse("Python not named"))
        .append("  \u00b7  ")
        .append(UpgradePlanText.hours(plan.hours()));
    int places = plan.codePlaces();
    int automatic = plan.automaticPlaces();
    sb.append("  \u00b7  ")
        .append(Texts.count(places, "place"))
        .append(" in the code (")
        .append(automatic)
        .append(" rewritten by a tool, ")
        .append(places - automatic)
        .append(" by hand)");
    return sb.toString();
  }

  /** The plan as an outline: one entry per hop, then the removals after the target. */
  public static List<Entry> outline(UpgradePlan plan) {
    List<Entry> out = new ArrayList<>();
    int n = 1;
    for (UpgradePlan.Step s : plan.steps()) {
      out.add(step(n++, s));
    }
    if (!plan.later().isEmpty()) {
      out.add(
          Entry.of(
              "After Django " + plan.target() + ": " + Texts.count(plan.later().size(), "removal"),
              "Removed after the target release: not in this plan, listed so nothing comes as a"
                  + " surprise later.",
              items(plan.later())));
    }
    return out;
  }

  private static Entry step(int n, UpgradePlan.Step s) {
    List<Entry> parts = new ArrayList<>();
    List<Entry> packages = new ArrayList<>();
    for (UpgradePlan.PackageBlocker p : s.packages()) {
      packages.add(
          new Entry(
              UpgradePlanText.packageChange(p),
              UpgradePlanText.packageChange(p)
                  + "\n\n"
                  + (p.line() > 0
                      ? "Declared at " + p.where() + ". "
                      : "Not declared: the client's environment has it ("
                          + p.path()
                          + "), installed but not declared in the repository. ")
                  + (p.replace()
                      ? "No release supports Django " + s.to() + ": replace it (bundled table)"
                      : p.firstSupporting() == null
                          ? "The installed release requires django"
                              + p.requires()
                              + ", which excludes Django "
                              + s.to()
                          : "The first release that supports Django "
                              + s.to()
                              + " (bundled package table)")
                  + "; "
                  + UpgradePlanText.hours(p.hours())
                  + ".",
              p.line() > 0 ? p.path() : null,
              p.line(),
              List.of()));
    }
    parts.add(
        Entry.of(
            "1. Packages: "
                + (packages.isEmpty()
                    ? "none known to block"
                    : packages.size() + " to upgrade or replace"),
            "Upgrade or replace these before the hop: a package pinned to a release that does not"
                + " support Django "
                + s.to()
                + " fails at import or at start.",
            packages));
    UpgradePlan.PythonMove m = s.python();
    parts.add(
        Entry.of(
            "2. Python: "
                + (m != null && m.required()
                    ? m.running() + " \u2192 " + m.suggested()
                    : m != null && m.running() != null ? m.running() + ", no move" : "check")
                + (s.pythonRemovals().isEmpty()
                    ? ""
                    : ", " + Texts.count(places(s.pythonRemovals()), "place")),
            UpgradePlanText.python(s) + ".",
            items(s.pythonRemovals())));
    parts.add(
        Entry.of(
            "3. Removed Django APIs: " + placesOrNone(s.removals()),
            "Every use of what Django "
                + s.to()
                + " or a release before it removes; the ones django-upgrade or pyupgrade rewrite"
                + " first (review only), then the ones to change by hand.",
            items(s.removals())));
    parts.add(
        Entry.of(
            "4. Behaviour changes to test: " + placesOrNone(s.behaviour()),
            "What keeps working but behaves differently after the hop: test these paths.",
            items(s.behaviour())));
    return Entry.of(
        "Step "
            + n
            + ": Django "
            + s.from()
            + " \u2192 "
            + s.to()
            + "  ("
            + UpgradePlanText.hours(s.hours())
            + ", "
            + Texts.count(s.uses(), "place")
            + ")",
        "Django "
            + s.from()
            + " \u2192 "
            + s.to()
            + ": "
            + UpgradePlanText.hours(s.hours())
            + " in all, of which "
            + UpgradePlan.HOURS_PER_HOP
            + " h for the hop itself (release notes, the test suite with deprecation warnings as"
            + " errors, staging). Work in the order shown: packages, Python, removed APIs, then"
            + " behaviour changes to test.",
        parts);
  }

  private static String placesOrNone(List<UpgradePlan.Item> items) {
    int n = places(items);
    return n == 0 ? "none found" : Texts.count(n, "place");
  }

  private static int places(List<UpgradePlan.Item> items) {
    return items.stream().mapToInt(i -> i.uses().size()).sum();
  }

  private static List<Entry> items(List<UpgradePlan.Item> items) {
    List<Entry> out = new ArrayList<>();
    for (UpgradePlan.Item i : items) {
      Removals.Removal r = i.removal();
      String how = r.automatic() ? "automatic" : "by hand";
      String detail =
          sentence(r.what())
              + "\n\n"
              + (r.deprecated() == null || r.deprecated().isBlank()
                  ? ""
                  : "Deprecated in " + release(r, r.deprecated()) + ", ")
              + "removed in "
              + release(r, r.removed())
              + ".\nInstead: "
              + r.replacement()
              + "\n"
              + (r.automatic()
                  ? "Rewritten automatically by " + r.fixer() + ": review time only, "
                  : "By hand: ")
              + UpgradePlanText.hours(i.hours())
              + " for "
              + Texts.count(i.uses().size(), "place")
              + ".";
      List<Entry> uses = new ArrayList<>();
      for (ApiUse u : i.uses()) {
        uses.add(
            new Entry(
                u.path() + ":" + u.line() + "  " + u.text().strip(),
                detail,
                u.path(),
                u.line(),
                List.of()));
      }
      ApiUse first = i.uses().isEmpty() ? null : i.uses().get(0);
      out.add(
          new Entry(
              sentence(r.what()) + "  (" + Texts.count(i.uses().size(), "place") + ", " + how + ")",
              detail,
              first == null ? null : first.path(),
              first == null ? 0 : first.line(),
              uses));
    }
    return out;
  }

  /**
   * The table's words as a line's start: "The USE_L10N setting..." but never "Force_text..." or
   * "Django.utils..." (a name stays as the code spells it).
   */
  static String sentence(String what) {
    return what.startsWith("the ") || what.startsWith("without ") ? Texts.capitalised(what) : what;
  }

  private static String release(Removals.Removal r, String version) {
    return (Removals.isPython(r) ? "Python " : "Django ") + version;
  }
}
