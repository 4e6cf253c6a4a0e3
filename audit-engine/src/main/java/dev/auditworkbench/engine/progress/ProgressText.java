package dev.auditworkbench.engine.progress;

import dev.auditworkbench.engine.model.Round;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Two rounds compared, as text: `workbench compare` and the app's Progress page. */
public final class ProgressText {
  private ProgressText() {}

  /** "baseline" or "round 2 'after sprint 2'" (as 'workbench round new' names it). */
  public static String name(Round r) {
    return r.number() == 0 ? r.name() : "round " + r.number() + " '" + r.name() + "'";
  }

  public static String render(Progress.Comparison c) {
    StringBuilder out = new StringBuilder();
    out.append("Progress: ")
        .append(name(c.from()))
        .append(" -> ")
        .append(name(c.to()))
        .append('\n');
    if (c.from().number() == c.to().number()) {
      out.append(
          "Only one round: open one with 'workbench round new <file> NAME' before the next captures"
              + " and scan.\n");
    }
    Progress.Findings f = c.findings();
    out.append("\nFindings: ")
        .append(f.fixed().size())
        .append(" fixed, ")
        .append(f.added().size())
        .append(" new, ")
        .append(f.open().size())
        .append(" still open\n");
    out.append(String.format(Locale.ROOT, "   %-16s %6s %6s %6s%n", "", "fixed", "new", "open"));
    for (Map.Entry<String, int[]> e : f.bySeverity().entrySet()) {
      row(out, e.getKey().toLowerCase(Locale.ROOT), e.getValue());
    }
    out.append('\n');
    for (Map.Entry<String, int[]> e : f.byCategory().entrySet()) {
      row(out, e.getKey().toLowerCase(Locale.ROOT), e.getValue());
    }
    if (!f.notRechecked().isEmpty()) {
      out.append("   Not re-checked in ")
          .append(name(c.to()))
          .append(" (still counted open): ")
          .append(String.join(", ", f.notRechecked()))
          .append('\n');
    }
    list(out, "Fixed", f.fixed());
    list(out, "New", f.added());

    out.append("\nRoutes (p50 / p95 in ms; compared where both rounds have ")
        .append(c.minRequests())
        .append("+ requests)\n");
    if (!c.trafficBefore() || !c.trafficAfter()) {
      out.append("   No traffic captured in ")
          .append(!c.trafficBefore() ? name(c.from()) : name(c.to()))
          .append(": import its access log, traces or query logs.\n");
    }
    for (Progress.RouteChange r : c.routes()) {
      if (r.enough()) {
        out.append(
            String.format(
                Locale.ROOT,
                "   %-44s %5d req %7.1f / %7.1f  ->  %5d req %7.1f / %7.1f   p95 %+.0f%%%n",
                r.route(),
                r.requestsBefore(),
                r.p50Before(),
                r.p95Before(),
                r.requestsAfter(),
                r.p50After(),
                r.p95After(),
                r.p95ChangePercent()));
      } else if (r.requestsBefore() > 0 || r.requestsAfter() > 0) {
        out.append(
            String.format(
                Locale.ROOT,
                "   %-44s %s to compare (%d before, %d after)%n",
                r.route(),
                p95Change(r).equals("too few requests") ? "not enough requests" : p95Change(r),
                r.requestsBefore(),
                r.requestsAfter()));
      }
    }
    if (!c.nPlusOnes().isEmpty()) {
      out.append("\nN+1 patterns of ").append(name(c.from())).append('\n');
      c.nPlusOnes().forEach(n -> out.append("   ").append(nPlusOne(n)).append('\n'));
    }
    if (!c.statements().isEmpty()) {
      out.append("\nStatements faster or slower by ")
          .append(Progress.MIN_CHANGE_PERCENT)
          .append("% or more (mean ms)\n");
      c.statements().forEach(st -> out.append("   ").append(statement(st, 90)).append('\n'));
    }
    if (!c.dependencies().isEmpty()) {
      out.append("\nDependencies\n");
      c.dependencies().forEach(d -> out.append("   ").append(dependency(d)).append('\n'));
    }
    return out.toString();
  }

  /**
   * A route's p95 change: "-39%" where both rounds captured enough requests, otherwise why not
   * ("not captured after" when the later round has none of it, "too few requests").
   */
  public static String p95Change(Progress.RouteChange r) {
    if (r.enough()) {
      return String.format(Locale.ROOT, "%+.0f%%", r.p95ChangePercent());
    }
    if (r.requestsAfter() == 0) {
      return "not captured after";
    }
    return r.requestsBefore() == 0 ? "not captured before" : "too few requests";
  }

  /** "GET /invoices/ on invoices_invoiceline: 100 per request -> gone". */
  public static String nPlusOne(Progress.NPlusOneChange n) {
    // Outside any request (a command, a job) or with no route named, the unit is a database
    // session.
    String per = n.route().startsWith("(") ? " per session" : " per request";
    return n.route()
        + " on "
        + n.table()
        + ": "
        + n.repeatsBefore()
        + per
        + " -> "
        + (!n.measuredAfter()
            ? "not measured (no query log of this route in the later round)"
            : n.gone() ? "gone" : n.repeatsAfter() + per);
  }

  /** "-42% 3.10 -> 1.80 ms SELECT ..." with the statement cut at {@code maxSql} characters. */
  public static String statement(Progress.StatementChange s, int maxSql) {
    String sql = s.example().replaceAll("\\s+", " ");
    return String.format(
        Locale.ROOT,
        "%+.0f%%  %.2f -> %.2f ms  %s",
        s.changePercent(),
        s.meanBefore(),
        s.meanAfter(),
        sql.length() > maxSql ? sql.substring(0, maxSql - 3) + "..." : sql);
  }

  /** "django-filter 2.4.0 -> 23.1". */
  public static String dependency(Progress.DependencyChange d) {
    return d.name()
        + " "
        + (d.before() == null ? "(not pinned)" : d.before())
        + " -> "
        + (d.after() == null ? "(not pinned)" : d.after());
  }

  private static void row(StringBuilder out, String label, int[] n) {
    out.append(String.format(Locale.ROOT, "   %-16s %6d %6d %6d%n", label, n[0], n[1], n[2]));
  }

  private static void list(StringBuilder out, String title, List<Progress.FindingChange> list) {
    if (list.isEmpty()) {
      return;
    }
    out.append('\n').append(title).append(":\n");
    list.stream()
        .limit(30)
        .forEach(
            f ->
                out.append("   [")
                    .append(f.severity().toLowerCase(Locale.ROOT))
                    .append("] ")
                    .append(f.title())
                    .append('\n'));
    if (list.size() > 30) {
      out.append("   ... and ").append(list.size() - 30).append(" more\n");
    }
  }
}
