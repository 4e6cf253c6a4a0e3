package dev.auditworkbench.engine.model;

/** Business impact of fixing a finding, 1 (negligible) to 5 (critical to the client). */
public record Impact(int value) {
  public static final int MIN = 1;
  public static final int MAX = 5;

  public Impact {
    if (value < MIN || value > MAX) {
      throw new IllegalArgumentException("impact must be 1 to 5, was " + value);
    }
  }

  public static Impact of(int value) {
    return new Impact(value);
  }

  public static Impact parse(String text) {
    try {
      return new Impact(Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("impact must be a number from 1 to 5, was '" + text + "'");
    }
  }
}
