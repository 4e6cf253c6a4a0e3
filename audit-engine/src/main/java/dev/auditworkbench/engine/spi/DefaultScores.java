package dev.auditworkbench.engine.spi;

import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Severity;

/**
 * The impact and effort a finding gets when its importer or rule has nothing better: severity read
 * as impact, and as effort (a lint message is an hour's fix, a high finding half a day). Rules with
 * evidence of their own (traffic, share of DB time, churn) set their own. See docs/priority.md.
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

  public static Effort effortFor(Severity severity) {
    if (severity == null) {
      throw new IllegalArgumentException("a finding needs a severity");
    }
    return switch (severity) {
      case CRITICAL -> Effort.hours(8);
      case HIGH, MEDIUM -> Effort.hours(4);
      case LOW -> Effort.hours(2);
      case INFO -> Effort.hours(1);
    };
  }
}
