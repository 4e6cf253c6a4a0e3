package dev.auditworkbench.engine.graph.rules;

import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.rules.RuleSet;
import java.util.List;

/** Import cycles between modules and apps, and seams crossed both ways. */
public final class GraphRules implements RuleSet {
  @Override
  public List<Rule> rules() {
    return List.of(new ImportCycleRule(), new AppCycleRule(), new SeamCycleRule());
  }

  @Override
  public int order(Rule rule) {
    return rule instanceof SeamCycleRule ? 130 : rule instanceof ImportCycleRule ? 30 : 40;
  }
}
