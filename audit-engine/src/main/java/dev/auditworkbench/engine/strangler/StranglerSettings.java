package dev.auditworkbench.engine.strangler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How strangler-fig candidates are ranked, from the project's settings ({@code workbench config},
 * keys {@code strangler.*}): the weights of value (its share of requests and database time), ease
 * (how little crosses its cut) and safety (its test coverage), and the number of crossing imports
 * at which ease halves.
 */
public record StranglerSettings(
    int valueWeight, int easeWeight, int coverageWeight, int halvingImports) {
  public static final String VALUE_WEIGHT = "strangler.value_weight";
  public static final String EASE_WEIGHT = "strangler.ease_weight";
  public static final String COVERAGE_WEIGHT = "strangler.coverage_weight";
  public static final String HALVING_IMPORTS = "strangler.halving_imports";
  public static final List<String> KEYS =
      List.of(VALUE_WEIGHT, EASE_WEIGHT, COVERAGE_WEIGHT, HALVING_IMPORTS);
  public static final StranglerSettings DEFAULTS = new StranglerSettings(50, 30, 20, 10);

  public StranglerSettings {
    if (valueWeight < 0 || easeWeight < 0 || coverageWeight < 0) {
      throw new IllegalArgumentException("strangler weights must be 0 or more");
    }
    if (valueWeight + easeWeight + coverageWeight == 0) {
      throw new IllegalArgumentException("at least one strangler weight must be above 0");
    }
    if (halvingImports < 1) {
      throw new IllegalArgumentException(HALVING_IMPORTS + " must be 1 or more");
    }
  }

  public static StranglerSettings from(Map<String, String> project) {
    return new StranglerSettings(
        number(project, VALUE_WEIGHT, DEFAULTS.valueWeight),
        number(project, EASE_WEIGHT, DEFAULTS.easeWeight),
        number(project, COVERAGE_WEIGHT, DEFAULTS.coverageWeight),
        number(project, HALVING_IMPORTS, DEFAULTS.halvingImports));
  }

  /** The settings as 'workbench config' lists them. */
  public Map<String, String> asMap() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(VALUE_WEIGHT, String.valueOf(valueWeight));
    out.put(EASE_WEIGHT, String.valueOf(easeWeight));
    out.put(COVERAGE_WEIGHT, String.valueOf(coverageWeight));
    out.put(HALVING_IMPORTS, String.valueOf(halvingImports));
    return out;
  }

  private static int number(Map<String, String> m, String key, int fallback) {
    return dev.auditworkbench.engine.model.SettingValues.wholeNumber(m, key, fallback);
  }
}
