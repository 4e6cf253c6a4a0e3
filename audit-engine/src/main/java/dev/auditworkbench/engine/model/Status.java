package dev.auditworkbench.engine.model;

import java.util.Locale;

/** Triage status; the kanban board's columns, in board order. */
public enum Status {
  INBOX("Inbox"),
  CONFIRMED("Confirmed"),
  IN_REPORT("In report"),
  DISMISSED("Dismissed");

  private final String label;

  Status(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Status parse(String text) {
    return Enums.parse(Status.class, text);
  }
}
