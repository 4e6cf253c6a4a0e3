package dev.auditworkbench.engine.history.rules;

import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.rules.RuleSet;
import java.util.List;

/**
 * What the git history tells: hotspots, knowledge held by one person, files that change together.
 */
public final class HistoryRuleSet implements RuleSet {
  @Override
  public List<Rule> rules() {
    return HistoryRules.all();
  }

  @Override
  public int order(Rule rule) {
    return 120;
  }
}
