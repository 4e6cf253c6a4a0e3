package dev.auditworkbench.engine.model;

import java.util.Locale;

/** How sure the rule or tool is that the finding is real. */
public enum Confidence {
  HIGH,
  MEDIUM,
  LOW;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Confidence parse(String text) {
    return Enums.parse(Confidence.class, text);
  }
}
