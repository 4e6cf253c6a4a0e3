package dev.auditworkbench.engine.django.rules;

import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.spi.RawFinding;
import java.util.function.Consumer;

/**
 * Hand-written serializers called per item that read through relations per item: see {@link
 * NPlusOneHints}.
 */
final class NPlusOneSerializerRule implements Rule {
  @Override
  public String id() {
    return "nplusone.serializer";
  }

  @Override
  public String description() {
    return "N+1 query hints: a hand-written serializer called in a loop reads relations of each item that the queryset does not prefetch";
  }

  @Override
  public void check(RepoAnalysis a, Consumer<RawFinding> out) {
    NPlusOneHints.check(a, id(), out);
  }
}
