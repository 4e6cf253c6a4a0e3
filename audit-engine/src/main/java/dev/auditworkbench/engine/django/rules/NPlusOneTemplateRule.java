package dev.auditworkbench.engine.django.rules;

import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.spi.RawFinding;
import java.util.function.Consumer;

/** Template loops that read through relations per item: see {@link NPlusOneHints}. */
final class NPlusOneTemplateRule implements Rule {
  @Override
  public String id() {
    return "nplusone.template";
  }

  @Override
  public String description() {
    return "N+1 query hints in templates: a {% for %} loop reaches through a relation the view's queryset does not select or prefetch";
  }

  @Override
  public void check(RepoAnalysis a, Consumer<RawFinding> out) {
    NPlusOneHints.check(a, id(), out);
  }
}
