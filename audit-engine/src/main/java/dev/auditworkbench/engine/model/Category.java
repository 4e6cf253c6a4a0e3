package dev.auditworkbench.engine.model;

import java.util.Locale;

/** The audit chapter a finding belongs to. */
public enum Category {
  PERFORMANCE,
  SECURITY,
  ARCHITECTURE,
  MAINTAINABILITY,
  DEPENDENCIES,
  TESTING;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Category parse(String text) {
    return Enums.parse(Category.class, text);
  }
}
