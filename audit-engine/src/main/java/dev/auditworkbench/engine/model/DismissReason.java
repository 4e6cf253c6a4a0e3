package dev.auditworkbench.engine.model;

import java.util.Locale;

/** Why a finding was dismissed; required when the status is {@link Status#DISMISSED}. */
public enum DismissReason {
  FALSE_POSITIVE,
  ACCEPTED_RISK,
  DUPLICATE,
  WONT_FIX;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DismissReason parse(String text) {
    return Enums.parse(DismissReason.class, text);
  }
}
