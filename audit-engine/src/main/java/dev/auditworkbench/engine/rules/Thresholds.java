package dev.auditworkbench.engine.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When size and complexity become findings. Defaults below; a project overrides any of them with
 * its metadata key "threshold.&lt;name&gt;" (workbench config).
 *
 * @param fatModuleLines code lines from which a module is fat whatever the rest of the repo
 * @param fatModuleFloor code lines from which a module is fat when it is also {@code
 *     fatModuleFactor} times the repo's 75th-percentile module
 * @param fatModuleFactor see above
 * @param fatClassLines lines of a class body
 * @param longFunctionLines lines of a function
 * @param complexity radon cyclomatic complexity above which a function is a finding (10: radon rank
 *     C starts at 11)
 * @param historyMonths how far back before the newest commit churn and ownership look
 * @param hotspots how many of the top churn-times-complexity files become findings
 * @param ownerShare the share of an app's changes by one author that makes a knowledge risk
 */
public record Thresholds(
    int fatModuleLines,
    int fatModuleFloor,
    double fatModuleFactor,
    int fatClassLines,
    int longFunctionLines,
    int complexity,
    int historyMonths,
    int hotspots,
    double ownerShare) {

  public static final Thresholds DEFAULTS = new Thresholds(500, 150, 3.0, 300, 80, 10, 12, 10, 0.8);

  /** The defaults with a project's overrides ("threshold.complexity" = "15"...). */
  public static Thresholds from(Map<String, String> projectMeta) {
    Thresholds d = DEFAULTS;
    return new Thresholds(
        intOf(projectMeta, "fat_module_lines", d.fatModuleLines),
        intOf(projectMeta, "fat_module_floor", d.fatModuleFloor),
        doubleOf(projectMeta, "fat_module_factor", d.fatModuleFactor),
        intOf(projectMeta, "fat_class_lines", d.fatClassLines),
        intOf(projectMeta, "long_function_lines", d.longFunctionLines),
        intOf(projectMeta, "complexity", d.complexity),
        intOf(projectMeta, "history_months", d.historyMonths),
        intOf(projectMeta, "hotspots", d.hotspots),
        doubleOf(projectMeta, "owner_share", d.ownerShare));
  }

  /** Every threshold by its key, for `workbench config` and the docs. */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("threshold.fat_module_lines", String.valueOf(fatModuleLines));
    m.put("threshold.fat_module_floor", String.valueOf(fatModuleFloor));
    m.put("threshold.fat_module_factor", String.valueOf(fatModuleFactor));
    m.put("threshold.fat_class_lines", String.valueOf(fatClassLines));
    m.put("threshold.long_function_lines", String.valueOf(longFunctionLines));
    m.put("threshold.complexity", String.valueOf(complexity));
    m.put("threshold.history_months", String.valueOf(historyMonths));
    m.put("threshold.hotspots", String.valueOf(hotspots));
    m.put("threshold.owner_share", String.valueOf(ownerShare));
    return m;
  }

  private static int intOf(Map<String, String> m, String key, int fallback) {
    String v = m.get("threshold." + key);
    return v == null ? fallback : Integer.parseInt(v.trim());
  }

  private static double doubleOf(Map<String, String> m, String key, double fallback) {
    String v = m.get("threshold." + key);
    return v == null ? fallback : Double.parseDouble(v.trim());
  }
}
