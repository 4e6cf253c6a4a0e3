package dev.auditworkbench.engine.model;

import java.util.Locale;

/** How bad a finding is if it is real, most severe first. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  INFO;

  /** The lower-case name used in the CLI, JSON and CSV. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a user- or file-supplied name, case-insensitively. */
  public static Severity parse(String text) {
    return Enums.parse(Severity.class, text);
  }
}
