package dev.auditworkbench.engine.deps.rules;

import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.rules.RuleSet;
import java.util.List;

/** Declared dependencies: outdated, unpinned, unmaintained, and Django's own support. */
public final class DependencyRules implements RuleSet {
  @Override
  public List<Rule> rules() {
    return List.of(new DependencyRule());
  }

  @Override
  public int order(Rule rule) {
    return 110;
  }
}
