package dev.auditworkbench.engine.upgrade.rules;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.engine.upgrade.ApiUse;
import dev.auditworkbench.engine.upgrade.PythonPin;
import dev.auditworkbench.engine.upgrade.Removals;
import dev.auditworkbench.engine.upgrade.UpgradePlan;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The upgrade path's blockers as findings, one per hop and kind of change, on the plan to the next
 * two LTS releases ({@link UpgradePlan}): each removed Django API with every use (low when
 * django-upgrade or pyupgrade rewrites it, medium by hand), each behaviour change to test, the
 * Python move a hop needs and the standard-library removals it brings, and each package whose
 * pinned version does not support the hop's Django. Nothing without a pinned Django version. False
 * positives: a use inside a version check or a compatibility shim (try/except ImportError), which
 * the auditor dismisses; names resolved only through imports, so a removed name reached through a
 * project's own re-export is missed.
 */
final class UpgradeRule implements Rule {
  private static final int EVIDENCE_USES = 12;

  @Override
  public String id() {
    return "upgrade";
  }

  @Override
  public String description() {
    return "The next two Django LTS hops from the pinned version: removed APIs used by the code (every use, automatic"
        + " or by hand, from a bundled table of Django 2.0-6.0 and Python 3.8-3.14 removals), behaviour changes,"
        + " the Python move and packages whose pinned version does not support the hop";
  }

  @Override
  public void check(RepoAnalysis a, Consumer<RawFinding> out) {
    UpgradePlan.of(a.upgrade(), a.dependencies(), null)
        .ifPresent(plan -> plan.steps().forEach(step -> step(plan, step, out)));
  }

  private static void step(UpgradePlan plan, UpgradePlan.Step step, Consumer<RawFinding> out) {
    String hop = "Django " + step.from() + " -> " + step.to();
    UpgradePlan.PythonMove move = step.python();
    if (move != null && move.required()) {
      PythonPin pin = plan.python().orElseThrow();
      out.accept(
          RawFinding.builder("upgrade.python")
              .nativeRuleId("python-" + step.to())
              .title(
                  "Django "
                      + step.to()
                      + " needs Python "
                      + move.min()
                      + " or later; the project runs "
                      + move.running())
              .description(
                  "Django "
                      + step.to()
                      + " supports Python "
                      + move.min()
                      + " to "
                      + move.max()
                      + "; "
                      + pin.path()
                      + ":"
                      + pin.line()
                      + " runs "
                      + move.running()
                      + ". Move to Python "
                      + move.suggested()
                      + " first (Django "
                      + step.from()
                      + " supports it too), then upgrade Django: images, CI and virtualenvs change, and"
                      + " the standard-library removals of that Python come with it (upgrade.python-api; "
                      + hop
                      + ").")
              .category(Category.DEPENDENCIES)
              .severity(Severity.MEDIUM)
              .confidence(Confidence.HIGH)
              .path(pin.path())
              .lines(pin.line(), pin.line())
              .evidence(Evidence.Kind.CODE, pin.text())
              .defaultImpact(Impact.of(3))
              .defaultEffort(Effort.hours(UpgradePlan.HOURS_PER_PYTHON_MOVE))
              .build());
    }
    for (UpgradePlan.Item i : step.pythonRemovals()) {
      out.accept(item("upgrade.python-api", "Python " + i.removal().removed(), hop, i));
    }
    for (UpgradePlan.Item i : step.removals()) {
      out.accept(item("upgrade.django-api", "Django " + i.removal().removed(), hop, i));
    }
    for (UpgradePlan.Item i : step.behaviour()) {
      out.accept(item("upgrade.behaviour", "Django " + i.removal().removed(), hop, i));
    }
    for (UpgradePlan.PackageBlocker p : step.packages()) {
      if (p.replace()) {
        continue; // dependency.unmaintained says it, with the replacement
      }
      out.accept(
          RawFinding.builder("upgrade.package")
              .nativeRuleId("package-" + step.to())
              .title(
                  p.name()
                      + " "
                      + p.pinned()
                      + (p.byPython()
                          ? " does not run on the Python Django " + step.to() + " needs ("
                          : " does not support Django " + step.to() + " (")
                      + p.firstSupporting()
                      + " is the first that does)")
              .description(
                  p.name()
                      + " is pinned at "
                      + p.pinned()
                      + " ("
                      + p.path()
                      + ":"
                      + p.line()
                      + (p.byPython()
                          ? "); it does not depend on Django, but its first release running on the oldest"
                              + " Python Django "
                              + step.to()
                              + " supports"
                          : "); its first release supporting Django " + step.to())
                      + " is "
                      + p.firstSupporting()
                      + ". Upgrade it on Django "
                      + step.from()
                      + " before the hop ("
                      + hop
                      + "), reading its changelog between the two versions.")
              .category(Category.DEPENDENCIES)
              .severity(Severity.MEDIUM)
              .confidence(Confidence.HIGH)
              .path(p.path())
              .lines(p.line(), p.line())
              .evidence(Evidence.Kind.CODE, p.name() + "==" + p.pinned())
              .defaultImpact(Impact.of(3))
              .defaultEffort(Effort.hours(UpgradePlan.HOURS_PER_PACKAGE))
              .build());
    }
  }

  private static RawFinding item(String key, String release, String hop, UpgradePlan.Item i) {
    Removals.Removal r = i.removal();
    List<ApiUse> uses = i.uses();
    ApiUse first = uses.get(0);
    long files = uses.stream().map(ApiUse::path).distinct().count();
    String count =
        uses.size() == 1
            ? "1 place"
            : uses.size() + " places in " + files + (files == 1 ? " file" : " files");
    // what goes first: a board card shows two lines of its title
    String title =
        sentence(r.what())
            + " ("
            + release
            + ": "
            + count
            + (r.automatic()
                ? ", " + r.fixer() + (uses.size() == 1 ? " rewrites it)" : " rewrites them)")
                : ")");
    String listed =
        uses.stream()
                .limit(EVIDENCE_USES)
                .map(u -> u.path() + ":" + u.line() + "  " + u.text())
                .collect(Collectors.joining("\n"))
            + (uses.size() > EVIDENCE_USES
                ? "\n... and "
                    + (uses.size() - EVIDENCE_USES)
                    + " more (workbench upgrade lists them all)"
                : "");
    return RawFinding.builder(key)
        .nativeRuleId(r.id())
        .title(title)
        .description(
            sentence(r.what())
                + " in "
                + release
                + (r.deprecated() != null ? " (deprecated in " + r.deprecated() + ")" : "")
                + ". Instead: "
                + r.replacement()
                + "; "
                + (r.automatic() ? r.fixer() + " rewrites it, so only review is left" : "by hand")
                + ". "
                + count
                + ", on the "
                + hop
                + " hop.")
        .category(Category.DEPENDENCIES)
        .severity(r.automatic() && !r.behaviour() ? Severity.LOW : Severity.MEDIUM)
        .confidence(r.behaviour() ? Confidence.MEDIUM : Confidence.HIGH)
        .path(first.path())
        .lines(first.line(), first.line())
        .evidence(Evidence.Kind.CODE, listed)
        .defaultImpact(Impact.of(r.automatic() ? 2 : 3))
        .defaultEffort(Effort.hours((int) Math.max(1, Math.ceil(i.hours()))))
        .build();
  }

  /** The table's sentence at the start of a title: "the" capitalised, names as written. */
  private static String sentence(String what) {
    return what.startsWith("the ") ? "The " + what.substring(4) : what;
  }
}
