package dev.auditworkbench.engine.django.rules;

import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.rules.RuleSet;
import java.util.List;

/**
 * Django's own mistakes: deployment settings, tenant scoping, N+1 access, nested serializers,
 * blocking outbound calls in requests.
 */
public final class DjangoRules implements RuleSet {
  @Override
  public List<Rule> rules() {
    return List.of(
        new SettingsHardeningRule(),
        new TenancyRule(),
        new NPlusOneTemplateRule(),
        new NPlusOneLoopRule(),
        new NPlusOneSerializerRule(),
        new DrfNestedSerializerRule(),
        new OutboundCallRule(),
        new DatabaseSettingsRule());
  }

  @Override
  public int order(Rule rule) {
    // Settings first: their SECRET_KEY finding is kept over the secrets scan's one on the same
    // line.
    if (rule instanceof SettingsHardeningRule) {
      return 50;
    }
    if (rule instanceof TenancyRule) {
      return 80;
    }
    return rule instanceof DrfNestedSerializerRule ? 100 : 90;
  }
}
