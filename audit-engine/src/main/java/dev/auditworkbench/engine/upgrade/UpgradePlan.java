package dev.auditworkbench.engine.upgrade;

import dev.auditworkbench.engine.deps.Requirement;
import dev.auditworkbench.engine.deps.Unmaintained;
import dev.auditworkbench.engine.model.VersionSpec;
import dev.auditworkbench.engine.store.InstalledPackageRepository;
import dev.auditworkbench.engine.upgrade.Removals.Removal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The upgrade plan: the LTS hops from the Django the project pins to the target, each with its
 * blockers in the order to work on them (packages first, then the Python move and what it removes,
 * then Django's removed APIs, then the behaviour changes to test) and its effort. Made from a
 * scan's {@link UpgradeFacts} and declared dependencies, so any target is planned without
 * rescanning.
 *
 * <p>Effort, in hours: a fixed {@value #HOURS_PER_HOP} per hop (read the release notes, run the
 * suite with deprecation warnings as errors, deploy to staging and watch), {@value
 * #HOURS_PER_PACKAGE} per package to upgrade and {@value Unmaintained#REPLACEMENT_HOURS} per
 * package to replace (the unmaintained-package finding's estimate), {@value #HOURS_PER_PYTHON_MOVE}
 * to move the Python version (images, CI, virtualenvs), and each use's minutes from the removal
 * tables (review time only when a tool rewrites it).
 */
public record UpgradePlan(
    Requirement django,
    Optional<PythonPin> python,
    List<PythonPin> pythonPins,
    List<Step> steps,
    List<Item> later) {
  public static final int HOURS_PER_HOP = 8;
  public static final int HOURS_PER_PACKAGE = 2;
  public static final int HOURS_PER_PYTHON_MOVE = 16;

  /** One hop, with what blocks it. */
  public record Step(
      String from,
      String to,
      PythonMove python,
      List<PackageBlocker> packages,
      List<Item> pythonRemovals,
      List<Item> removals,
      List<Item> behaviour) {
    public double hours() {
      double h = HOURS_PER_HOP;
      h += packages.stream().mapToDouble(PackageBlocker::hours).sum();
      h += python != null && python.required() ? HOURS_PER_PYTHON_MOVE : 0;
      for (List<Item> items : List.of(pythonRemovals, removals, behaviour)) {
        h += items.stream().mapToDouble(Item::hours).sum();
      }
      return h;
    }

    public int uses() {
      return pythonRemovals.stream().mapToInt(i -> i.uses().size()).sum()
          + removals.stream().mapToInt(i -> i.uses().size()).sum()
          + behaviour.stream().mapToInt(i -> i.uses().size()).sum();
    }
  }

  /**
   * The Python a hop needs: {@code running} (null when the repository names none), the target
   * Django's range, and {@code suggested}, the newest Python both sides of the hop support.
   */
  public record PythonMove(
      String running, String min, String max, String suggested, boolean required) {}

  /**
   * A package that does not support the hop's Django: upgrade it (to {@code firstSupporting} when
   * the bundled table knows it), or replace it. {@code path}:{@code line} is where it is declared;
   * a package only the client's environment lists (pipdeptree) has the imported file's name and
   * line 0. {@code requires} is the Django requirement the installed release declares, when the
   * environment was imported.
   */
  public record PackageBlocker(
      String name,
      String pinned,
      String firstSupporting,
      boolean replace,
      String replacement,
      boolean byPython,
      String path,
      int line,
      String requires) {
    public double hours() {
      return replace ? Unmaintained.REPLACEMENT_HOURS : HOURS_PER_PACKAGE;
    }

    /** Where it is declared ("requirements.txt:5"), or "installed (pipdeptree.json)". */
    public String where() {
      return line > 0 ? path + ":" + line : "installed (" + path + ")";
    }
  }

  /** One table row with every use of it found in the code. */
  public record Item(Removal removal, List<ApiUse> uses) {
    public double hours() {
      return removal.minutes() * (double) uses.size() / 60.0;
    }
  }

  /** The Django version the project runs ("3.2.25"). */
  public String djangoVersion() {
    return django.pinned();
  }

  public String from() {
    return VersionSpec.series(django.pinned());
  }

  public String target() {
    return steps.isEmpty() ? from() : steps.get(steps.size() - 1).to();
  }

  public double hours() {
    return steps.stream().mapToDouble(Step::hours).sum();
  }

  /**
   * The places in the code to change on every hop (removed Django and Python APIs; the behaviour
   * changes are to test, not to rewrite).
   */
  public int codePlaces() {
    return places(false);
  }

  /** Of {@link #codePlaces()}, those django-upgrade or pyupgrade rewrite. */
  public int automaticPlaces() {
    return places(true);
  }

  private int places(boolean automaticOnly) {
    int n = 0;
    for (Step s : steps) {
      for (List<Item> items : List.of(s.pythonRemovals(), s.removals())) {
        for (Item i : items) {
          if (!automaticOnly || i.removal().automatic()) {
            n += i.uses().size();
          }
        }
      }
    }
    return n;
  }

  /**
   * The plan from the pinned Django to {@code target} (a series, "5.2"), or to the next two LTS
   * releases when it is null; empty when the project pins no Django version.
   */
  public static Optional<UpgradePlan> of(
      UpgradeFacts facts, List<Requirement> dependencies, String target) {
    return of(facts, dependencies, Map.of(), target);
  }

  /**
   * The plan, knowing the packages installed in the client's environment (pipdeptree; canonical
   * name to package): their versions stand in where a declaration pins none, packages only
   * installed are judged too when the code uses them, and a release's own Django requirement blocks
   * a hop the bundled table knows nothing about. Django's version comes from the declarations
   * first, then from the environment.
   */
  public static Optional<UpgradePlan> of(
      UpgradeFacts facts,
      List<Requirement> dependencies,
      Map<String, InstalledPackageRepository.Installed> installed,
      String target) {
    Optional<Requirement> pin = Requirement.pinnedDjango(dependencies);
    if (pin.isEmpty() && installed.containsKey("django")) {
      InstalledPackageRepository.Installed d = installed.get("django");
      pin =
          Optional.of(
              new Requirement(
                  "django", "==" + d.version(), d.version(), d.source(), 0, "installed"));
    }
    if (pin.isEmpty()) {
      return Optional.empty();
    }
    String from = VersionSpec.series(pin.get().pinned());
    UpgradePath path = UpgradePath.of(from, target);
    Optional<PythonPin> running = PythonVersions.running(facts.python());
    Map<String, List<ApiUse>> byId = new LinkedHashMap<>();
    for (ApiUse u : facts.uses()) {
      byId.computeIfAbsent(u.id(), k -> new ArrayList<>()).add(u);
    }
    List<Step> steps = new ArrayList<>();
    String python = running.map(PythonPin::version).orElse(null);
    for (String to : path.steps()) {
      String before = path.before(to);
      PythonMove move = pythonMove(python, before, to);
      List<Item> pythonRemovals = new ArrayList<>();
      if (move != null && move.required() && python != null) {
        for (Removal r : Removals.python()) {
          if (VersionSpec.compare(r.removed(), python) > 0
              && VersionSpec.compare(r.removed(), move.suggested()) <= 0
              && byId.containsKey(r.id())) {
            pythonRemovals.add(new Item(r, byId.get(r.id())));
          }
        }
      }
      if (move != null && move.required()) {
        python = move.suggested();
      }
      List<Item> removals = new ArrayList<>();
      List<Item> behaviour = new ArrayList<>();
      for (Removal r : Removals.django()) {
        if (byId.containsKey(r.id()) && path.stepOf(r.removed()).filter(to::equals).isPresent()) {
          (r.behaviour() ? behaviour : removals).add(new Item(r, byId.get(r.id())));
        }
      }
      removals.sort(
          Comparator.comparing((Item i) -> i.removal().automatic())
              .reversed()
              .thenComparing(i -> i.removal().removed(), VersionSpec::compare));
      steps.add(
          new Step(
              before,
              to,
              move,
              packages(dependencies, installed, facts, to),
              pythonRemovals,
              removals,
              behaviour));
    }
    List<Item> later = new ArrayList<>();
    for (Removal r : Removals.django()) {
      if (byId.containsKey(r.id()) && VersionSpec.compare(r.removed(), path.target()) > 0) {
        later.add(new Item(r, byId.get(r.id())));
      }
    }
    return Optional.of(
        new UpgradePlan(
            pin.get(), running, facts.python(), List.copyOf(steps), List.copyOf(later)));
  }

  private static PythonMove pythonMove(String running, String before, String to) {
    Optional<PythonSupport.Range> target = PythonSupport.of(to);
    if (target.isEmpty()) {
      return null;
    }
    PythonSupport.Range t = target.get();
    String newestBoth =
        PythonSupport.of(before)
            .map(b -> VersionSpec.compare(b.max(), t.max()) < 0 ? b.max() : t.max())
            .orElse(t.max());
    if (VersionSpec.compare(newestBoth, t.min()) < 0) {
      newestBoth = t.min();
    }
    boolean required = running != null && !t.contains(running);
    return new PythonMove(running, t.min(), t.max(), required ? newestBoth : running, required);
  }

  /**
   * Declared packages (one line each), then packages only the environment lists and the code uses
   * (imports, INSTALLED_APPS), that do not support Django {@code to}.
   */
  private static List<PackageBlocker> packages(
      List<Requirement> dependencies,
      Map<String, InstalledPackageRepository.Installed> installed,
      UpgradeFacts facts,
      String to) {
    List<PackageBlocker> out = new ArrayList<>();
    java.util.Set<String> declared = new java.util.HashSet<>();
    for (Requirement r : Requirement.declaredOncePerPackage(dependencies)) {
      String name = Requirement.canonical(r.name());
      declared.add(name);
      if (name.equals("django")) {
        continue;
      }
      InstalledPackageRepository.Installed env = installed.get(name);
      String pinned = pinnedVersion(r, dependencies);
      if (pinned == null && env != null) {
        pinned = env.version();
      }
      // The environment's requirement holds for the release it has, not for another pin.
      String requires =
          env != null && env.version().equals(pinned) ? env.djangoRequirement() : null;
      blocker(r.name(), pinned, requires, r.path(), r.line(), to).ifPresent(out::add);
    }
    for (InstalledPackageRepository.Installed env : installed.values()) {
      if (!declared.contains(env.name())
          && !env.name().equals("django")
          && facts.usesPackage(env.name())) {
        blocker(env.name(), env.version(), env.djangoRequirement(), env.source(), 0, to)
            .ifPresent(out::add);
      }
    }
    return out;
  }

  private static Optional<PackageBlocker> blocker(
      String name, String pinned, String requires, String path, int line, String to) {
    Optional<Unmaintained.Package> dead = Unmaintained.of(name);
    if (dead.isPresent() && dead.get().blocks(to)) {
      return Optional.of(
          new PackageBlocker(
              name, pinned, null, true, dead.get().replacement(), false, path, line, requires));
    }
    Optional<PackageSupport.First> first = PackageSupport.first(name, to);
    if (first.isPresent() && pinned != null) {
      PackageSupport.First f = first.get();
      if (f.never()) {
        return Optional.of(
            new PackageBlocker(
                name, pinned, null, true, "a maintained alternative", false, path, line, requires));
      }
      if (VersionSpec.compare(pinned, f.version()) < 0) {
        return Optional.of(
            new PackageBlocker(
                name, pinned, f.version(), false, null, f.byPython(), path, line, requires));
      }
      return Optional.empty();
    }
    if (requires != null
        && !requires.isBlank()
        && !requires.equalsIgnoreCase("any")
        && !VersionSpec.allows(requires, to)) {
      return Optional.of(
          new PackageBlocker(name, pinned, null, false, null, false, path, line, requires));
    }
    return Optional.empty();
  }

  /** The version installed: the requirement's own pin, else a lock file's or constraint's. */
  private static String pinnedVersion(Requirement r, List<Requirement> all) {
    if (r.pinned() != null) {
      return r.pinned();
    }
    return all.stream()
        .filter(
            o ->
                Requirement.canonical(o.name()).equals(Requirement.canonical(r.name()))
                    && o.pinned() != null)
        .map(Requirement::pinned)
        .findFirst()
        .orElse(null);
  }
}
