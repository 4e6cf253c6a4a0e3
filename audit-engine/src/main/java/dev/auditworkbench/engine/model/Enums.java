package dev.auditworkbench.engine.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Lenient parsing of the model's enums: case-insensitive, '-' and ' ' read as '_'. */
final class Enums {
  private Enums() {}

  static <E extends Enum<E>> E parse(Class<E> type, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty " + type.getSimpleName().toLowerCase(Locale.ROOT));
    }
    String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(wanted)) {
        return constant;
      }
    }
    String allowed =
        Arrays.stream(type.getEnumConstants())
            .map(e -> e.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));
    throw new IllegalArgumentException(
        "unknown "
            + type.getSimpleName().toLowerCase(Locale.ROOT)
            + " '"
            + text
            + "' (one of: "
            + allowed
            + ")");
  }
}
