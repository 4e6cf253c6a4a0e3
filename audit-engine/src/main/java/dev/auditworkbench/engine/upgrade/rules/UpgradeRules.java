package dev.auditworkbench.engine.upgrade.rules;

import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.rules.RuleSet;
import java.util.List;

/** The upgrade path: what in the project's code, Python and packages blocks the next LTS hops. */
public final class UpgradeRules implements RuleSet {
  @Override
  public List<Rule> rules() {
    return List.of(new UpgradeRule());
  }

  @Override
  public int order(Rule rule) {
    return 115;
  }
}
