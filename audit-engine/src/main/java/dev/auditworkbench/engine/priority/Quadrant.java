package dev.auditworkbench.engine.priority;

import java.util.Locale;

/** Where impact meets effort: what to do first, what to plan, what to fit in, what to avoid. */
public enum Quadrant {
  QUICK_WIN("Quick win"),
  MAJOR_PROJECT("Major project"),
  FILL_IN("Fill-in"),
  MONEY_PIT("Money pit");

  private final String label;

  Quadrant(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * High impact is {@code highImpact} or more (default 4 of 5); low effort is {@code
   * lowEffortHours} or less (default 16 hours: S and M).
   */
  public static Quadrant of(int impact, int effortHours, int highImpact, int lowEffortHours) {
    boolean high = impact >= highImpact;
    boolean low = effortHours <= lowEffortHours;
    if (high) {
      return low ? QUICK_WIN : MAJOR_PROJECT;
    }
    return low ? FILL_IN : MONEY_PIT;
  }

  public static Quadrant parse(String text) {
    for (Quadrant q : values()) {
      if (q.key().equalsIgnoreCase(text.trim()) || q.name().equalsIgnoreCase(text.trim())) {
        return q;
      }
    }
    throw new IllegalArgumentException(
        "unknown quadrant '" + text + "'; one of quick-win, major-project, fill-in, money-pit");
  }
}
