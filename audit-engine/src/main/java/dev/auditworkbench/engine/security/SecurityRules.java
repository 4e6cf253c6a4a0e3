package dev.auditworkbench.engine.security;

import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.rules.RuleSet;
import java.util.List;

/** Committed secrets and risky code (SQL built from strings, XSS, CSRF exemptions). */
public final class SecurityRules implements RuleSet {
  @Override
  public List<Rule> rules() {
    return List.of(new SecretsRule(), new RiskyCodeRule());
  }

  @Override
  public int order(Rule rule) {
    return rule instanceof SecretsRule ? 60 : 70;
  }
}
