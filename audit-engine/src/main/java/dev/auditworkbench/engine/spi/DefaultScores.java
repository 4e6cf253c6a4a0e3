package dev.auditworkbench.engine.spi;

import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Severity;

/**
 * The impact a finding gets when its importer or rule has nothing better: severity read as
 * impact. Rules with evidence of their own (traffic, share of DB time) set their own.
 */
public final class DefaultScores {
  private DefaultScores() {}

  public static Impact impactFor(Severity severity) {
    if (severity == null) {
      throw new IllegalArgumentException("a finding needs a severity");
    }
    return switch (severity) {
      case CRITICAL -> Impact.of(5);
      case HIGH -> Impact.of(4);
      case MEDIUM -> Impact.of(3);
      case LOW -> Impact.of(2);
      case INFO -> Impact.of(1);
    };
  }
}
