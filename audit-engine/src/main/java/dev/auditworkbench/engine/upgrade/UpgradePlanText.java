package dev.auditworkbench.engine.upgrade;

import java.util.List;
import java.util.Locale;

/** The upgrade plan as plain text: `workbench upgrade` and the app's Upgrade page. */
public final class UpgradePlanText {
  private UpgradePlanText() {}

  /** The whole plan; each item lists at most {@code usesPerItem} of its uses. */
  public static String render(UpgradePlan plan, int usesPerItem) {
    StringBuilder out = new StringBuilder();
    out.append("Upgrade path: Django ")
        .append(plan.django().pinned())
        .append(" (")
        .append(plan.django().path())
        .append(':')
        .append(plan.django().line())
        .append(')');
    for (UpgradePlan.Step s : plan.steps()) {
      out.append(" -> ").append(s.to());
    }
    out.append('\n');
    out.append(
        plan.python()
            .map(
                p ->
                    "Python "
                        + p.version()
                        + " ("
                        + p.path()
                        + ":"
                        + p.line()
                        + ", "
                        + p.source()
                        + ")\n")
            .orElse(
                "Python: the repository names no version (Dockerfile, runtime.txt, CI, requires-python)\n"));
    out.append("Effort: ")
        .append(hours(plan.hours()))
        .append(", ")
        .append(plan.steps().size())
        .append(plan.steps().size() == 1 ? " hop\n" : " hops\n");
    if (plan.steps().isEmpty()) {
      out.append("\nNothing to do: the project already runs Django ")
          .append(plan.from())
          .append(".\n");
    }
    int n = 1;
    for (UpgradePlan.Step s : plan.steps()) {
      out.append("\nStep ")
          .append(n++)
          .append(": Django ")
          .append(s.from())
          .append(" -> ")
          .append(s.to())
          .append("  (")
          .append(hours(s.hours()))
          .append(", ")
          .append(s.uses())
          .append(s.uses() == 1 ? " place in the code)\n" : " places in the code)\n");
      out.append("  1. Packages\n");
      if (s.packages().isEmpty()) {
        out.append("     none known to block this hop\n");
      }
      for (UpgradePlan.PackageBlocker p : s.packages()) {
        out.append("     ").append(packageChange(p)).append("   ").append(p.where()).append('\n');
      }
      out.append("  2. Python\n     ").append(python(s));
      out.append('\n');
      items(out, s.pythonRemovals(), usesPerItem);
      out.append("  3. Removed Django APIs (the automatic rewrites first)\n");
      if (s.removals().isEmpty()) {
        out.append("     none found\n");
      }
      items(out, s.removals(), usesPerItem);
      out.append("  4. Behaviour changes to test\n");
      if (s.behaviour().isEmpty()) {
        out.append("     none found\n");
      }
      items(out, s.behaviour(), usesPerItem);
    }
    if (!plan.later().isEmpty()) {
      out.append("\nAfter Django ").append(plan.target()).append(" (not in this plan)\n");
      items(out, plan.later(), usesPerItem);
    }
    return out.toString();
  }

  private static void items(StringBuilder out, List<UpgradePlan.Item> items, int usesPerItem) {
    for (UpgradePlan.Item i : items) {
      Removals.Removal r = i.removal();
      out.append("     ")
          .append(r.automatic() ? "[" + r.fixer() + "] " : "[by hand] ")
          .append(r.what())
          .append(" (")
          .append(Removals.isPython(r) ? "Python " : "Django ")
          .append(r.removed())
          .append("): ")
          .append(i.uses().size())
          .append(i.uses().size() == 1 ? " use, " : " uses, ")
          .append(hours(i.hours()))
          .append("; instead: ")
          .append(r.replacement())
          .append('\n');
      i.uses().stream()
          .limit(usesPerItem)
          .forEach(
              u ->
                  out.append("        ")
                      .append(u.path())
                      .append(':')
                      .append(u.line())
                      .append("  ")
                      .append(u.text())
                      .append('\n'));
      if (i.uses().size() > usesPerItem) {
        out.append("        ... and ").append(i.uses().size() - usesPerItem).append(" more\n");
      }
    }
  }

  /** What to do with a package before the hop: "celery 4.4.7 -> 5.2.0 or later". */
  public static String packageChange(UpgradePlan.PackageBlocker p) {
    String version = p.name() + (p.pinned() == null ? "" : " " + p.pinned());
    if (p.replace()) {
      return version + ": replace with " + p.replacement();
    }
    if (p.firstSupporting() == null) {
      return version + " -> a release for this Django (it requires django" + p.requires() + ")";
    }
    return version
        + " -> "
        + p.firstSupporting()
        + " or later"
        + (p.byPython() ? " (for the Python it needs)" : "");
  }

  /** The hop's Python in one sentence: the move it needs, or why none. */
  public static String python(UpgradePlan.Step s) {
    UpgradePlan.PythonMove m = s.python();
    if (m == null) {
      return "No data for Django " + s.to();
    }
    String range = m.min() + " to " + m.max();
    if (m.running() == null) {
      return "Django " + s.to() + " supports Python " + range + "; check what the servers run";
    }
    if (m.required()) {
      return "Move from "
          + m.running()
          + " to "
          + m.suggested()
          + " first (Django "
          + s.to()
          + " supports "
          + range
          + ")";
    }
    return m.running() + " is supported by Django " + s.to() + " (" + range + "): no move needed";
  }

  /** "74 h (9.3 days)" with 8-hour days; "2.5 h"; "10 min" below one hour. */
  public static String hours(double h) {
    if (h == 0) {
      return "0 h";
    }
    if (h < 1) {
      return Math.max(1, Math.round(h * 60)) + " min";
    }
    if (h < 8) {
      return String.format(Locale.ROOT, "%.1f h", h);
    }
    return String.format(Locale.ROOT, "%.0f h (%.1f days)", h, h / 8);
  }
}
