package dev.auditworkbench.engine.triage;

/** What a triage import did or would do, in words (the CLI and the app's confirmation). */
public final class TriageExchangeText {
  private TriageExchangeText() {}

  public static String summary(TriageExchange.Plan p, String from) {
    StringBuilder out = new StringBuilder();
    out.append("From ")
        .append(from)
        .append(": ")
        .append(p.taken().size() - (p.conflictsTaken() ? p.conflicts().size() : 0))
        .append(" changed only there (taken), ")
        .append(p.keptMine())
        .append(" changed only here (kept), ")
        .append(p.same())
        .append(" the same, ")
        .append(p.conflicts().size())
        .append(p.conflicts().size() == 1 ? " conflict" : " conflicts");
    if (!p.unknown().isEmpty()) {
      out.append(", ").append(p.unknown().size()).append(" not in this project");
    }
    out.append(".\n");
    if (!p.conflicts().isEmpty()) {
      out.append(
          p.conflictsTaken()
              ? "Conflicts (both changed them; theirs taken):\n"
              : "Conflicts (both changed them; yours kept):\n");
      for (TriageExchange.Conflict c : p.conflicts()) {
        out.append("  ")
            .append(c.mine().title())
            .append("\n     yours:  ")
            .append(describe(c.mine()))
            .append("\n     theirs: ")
            .append(describe(c.theirs()))
            .append('\n');
      }
    }
    for (String u : p.unknown()) {
      out.append("  not in this project: ").append(u).append('\n');
    }
    return out.toString();
  }

  static String describe(TriageExchange.Entry e) {
    StringBuilder sb = new StringBuilder(e.status().toLowerCase(java.util.Locale.ROOT));
    if (e.dismissReason() != null) {
      sb.append(" (").append(e.dismissReason().toLowerCase(java.util.Locale.ROOT)).append(')');
    }
    if (e.impact() != null) {
      sb.append(", impact ").append(e.impact());
    }
    if (e.effortHours() != null) {
      sb.append(", effort ").append(e.effortHours()).append(" h");
    }
    if (!e.tags().isEmpty()) {
      sb.append(", tags ").append(String.join(" ", e.tags()));
    }
    if (!e.notes().isBlank()) {
      String n = e.notes().strip().replaceAll("\\s+", " ");
      sb.append(", notes \"").append(n.length() > 60 ? n.substring(0, 57) + "..." : n).append('"');
    }
    return sb.toString();
  }
}
