package dev.auditworkbench.engine.model;

/** One piece of evidence behind a finding: a code excerpt, a SQL statement, a trace or text. */
public record Evidence(Kind kind, String text) {
  public enum Kind {
    CODE,
    SQL,
    TRACE,
    TEXT
  }

  public Evidence {
    if (kind == null || text == null) {
      throw new IllegalArgumentException("evidence needs a kind and a text");
    }
  }
}
