package dev.auditworkbench.views.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** An entry of a filter drop-down: a value (null for "any") and its label. */
public record Choice<T>(T value, String label) {
  @Override
  public String toString() {
    return label;
  }

  /** "Any ..." followed by one choice per value. */
  public static <T> List<Choice<T>> anyAnd(String anyLabel, T[] values, Function<T, String> label) {
    List<Choice<T>> out = new ArrayList<>();
    out.add(new Choice<>(null, anyLabel));
    for (T v : values) {
      out.add(new Choice<>(v, label.apply(v)));
    }
    return out;
  }
}
