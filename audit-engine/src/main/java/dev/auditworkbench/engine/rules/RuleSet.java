package dev.auditworkbench.engine.rules;

import java.util.List;

/**
 * The rules of one concern (Django, the import graph, git history, security, dependencies, the
 * repository's size), found by {@link java.util.ServiceLoader} so the scan runs them without
 * knowing them. A new rule goes into its concern's set; a new concern adds a set and a line in
 * {@code META-INF/services/dev.auditworkbench.engine.rules.RuleSet}.
 */
public interface RuleSet {
  List<Rule> rules();

  /**
   * Where a rule of this set runs among all rules (lower first). When two rules report the same CWE
   * on the same line, the scan keeps the finding of the one that runs first.
   */
  int order(Rule rule);
}
