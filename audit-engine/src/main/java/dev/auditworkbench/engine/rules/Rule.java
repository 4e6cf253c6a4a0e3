package dev.auditworkbench.engine.rules;

import dev.auditworkbench.engine.spi.RawFinding;
import java.util.function.Consumer;

/**
 * One check run on every repository scan. Its Javadoc says what it detects, why it matters in a
 * Django codebase, and its known false positives.
 */
public interface Rule {
  /** Stable id, the rule part of its findings' rule key ("workbench.fat-module"). */
  String id();

  /** One line for `workbench rules`: what it looks for and its defaults. */
  String description();

  void check(RepoAnalysis analysis, Consumer<RawFinding> out);
}
