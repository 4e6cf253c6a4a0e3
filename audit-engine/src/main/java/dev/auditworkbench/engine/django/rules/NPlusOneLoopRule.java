package dev.auditworkbench.engine.django.rules;

import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.spi.RawFinding;
import java.util.function.Consumer;

/**
 * Loops in views, tasks and comprehensions that read through relations per item: see {@link
 * NPlusOneHints}.
 */
final class NPlusOneLoopRule implements Rule {
  @Override
  public String id() {
    return "nplusone.loop";
  }

  @Override
  public String description() {
    return "N+1 query hints in Python loops (views, tasks) that reach through relations without select_related/prefetch_related. Low confidence (63% true on the labelled corpora: the queryset is often prefetched somewhere the rule does not follow); a trace that shows the repeated query makes them high";
  }

  @Override
  public void check(RepoAnalysis a, Consumer<RawFinding> out) {
    NPlusOneHints.check(a, id(), out);
  }
}
