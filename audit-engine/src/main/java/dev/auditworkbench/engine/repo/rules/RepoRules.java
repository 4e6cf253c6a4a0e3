package dev.auditworkbench.engine.repo.rules;

import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;

/** The repository's own health: files that do not parse, fat modules, classes and functions. */
public final class RepoRules implements RuleSet {
  @Override
  public List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    rules.add(new ParseErrorRule());
    rules.addAll(SizeRules.all());
    return rules;
  }

  @Override
  public int order(Rule rule) {
    return rule instanceof ParseErrorRule ? 10 : 20;
  }
}
