package dev.auditworkbench.engine.model;

import java.util.Locale;

/**
 * Estimated work to fix a finding, in hours, shown as a T-shirt size. The sizes are bands: S up to
 * half a day, M up to two days, L up to a week, XL beyond.
 */
public record Effort(int hours) {

  /** T-shirt sizes with their upper bound and the hours a bare size stands for. */
  public enum Size {
    S(4, 4),
    M(16, 16),
    L(40, 40),
    XL(Integer.MAX_VALUE, 80);

    private final int upperHours;
    private final int nominalHours;

    Size(int upperHours, int nominalHours) {
      this.upperHours = upperHours;
      this.nominalHours = nominalHours;
    }

    public int nominalHours() {
      return nominalHours;
    }
  }

  public Effort {
    if (hours < 1 || hours > 10_000) {
      throw new IllegalArgumentException("effort must be 1 to 10000 hours, was " + hours);
    }
  }

  public static Effort hours(int hours) {
    return new Effort(hours);
  }

  public static Effort of(Size size) {
    return new Effort(size.nominalHours());
  }

  public Size size() {
    for (Size size : Size.values()) {
      if (hours <= size.upperHours) {
        return size;
      }
    }
    return Size.XL;
  }

  /** Reads "S", "m", "XL", "6", "6h" or "2d" (a day is 8 hours). */
  public static Effort parse(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (Size size : Size.values()) {
      if (size.name().equals(t)) {
        return of(size);
      }
    }
    try {
      if (t.endsWith("H")) {
        return hours(Integer.parseInt(t.substring(0, t.length() - 1).trim()));
      }
      if (t.endsWith("D")) {
        return hours(8 * Integer.parseInt(t.substring(0, t.length() - 1).trim()));
      }
      return hours(Integer.parseInt(t));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "effort must be S, M, L, XL or hours such as 6h or 2d, was '" + text + "'");
    }
  }

  @Override
  public String toString() {
    return size() + " (" + hours + "h)";
  }
}
