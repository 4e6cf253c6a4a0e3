package dev.auditworkbench.engine.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Every rule of every registered {@link RuleSet}, in the order they run. */
public final class Rules {
  private Rules() {}

  public static List<Rule> all() {
    record Placed(int order, int index, Rule rule) {}
    List<Placed> placed = new ArrayList<>();
    for (RuleSet set : ServiceLoader.load(RuleSet.class, Rules.class.getClassLoader())) {
      for (Rule r : set.rules()) {
        placed.add(new Placed(set.order(r), placed.size(), r));
      }
    }
    placed.sort(Comparator.comparingInt(Placed::order).thenComparingInt(Placed::index));
    return placed.stream().map(Placed::rule).toList();
  }
}
