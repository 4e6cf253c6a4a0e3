package dev.auditworkbench.engine.priority;

import java.util.Locale;

/** The rescue framework's phases, in the order the roadmap runs them. */
public enum Phase {
  STOP_THE_BLEEDING(
      "Stop the bleeding",
      "critical security holes, performance problems that page someone, quick wins"),
  MAP_THE_SEAMS(
      "Map the seams",
      "import cycles, tangled apps and change couplings made explicit before anything moves"),
  CAPTURE_GROUND_TRUTH(
      "Capture ground truth",
      "characterisation tests and coverage where the risk and the churn are"),
  STRANGLER_FIG(
      "Strangler Fig routing", "slow or fragile routes rebuilt one at a time behind the same URLs"),
  BRANCH_BY_ABSTRACTION(
      "Branch by Abstraction",
      "dependencies, the framework upgrade and shared models swapped behind interfaces"),
  DELETE_THE_LEGACY(
      "Delete the legacy",
      "dead code, leftovers and the clean-up that pays off once the rest is done");

  private final String label;
  private final String purpose;

  Phase(String label, String purpose) {
    this.label = label;
    this.purpose = purpose;
  }

  public String label() {
    return label;
  }

  public String purpose() {
    return purpose;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Phase parse(String text) {
    String t = text.trim();
    for (Phase p : values()) {
      if (p.key().equalsIgnoreCase(t)
          || p.name().equalsIgnoreCase(t)
          || p.label().equalsIgnoreCase(t)
          || String.valueOf(p.ordinal() + 1).equals(t)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown phase '"
            + text
            + "'; one of 1-6 or stop-the-bleeding, map-the-seams,"
            + " capture-ground-truth, strangler-fig, branch-by-abstraction, delete-the-legacy");
  }
}
