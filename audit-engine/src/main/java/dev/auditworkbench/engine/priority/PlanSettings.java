package dev.auditworkbench.engine.priority;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the plan is cut, from the project's settings ({@code workbench config}, keys {@code plan.*}).
 *
 * @param highImpact impact from which a work item counts as high (default 4)
 * @param lowEffortHours effort up to which a work item counts as low (default 16 hours: S and M)
 * @param teamSize engineers on the remediation (default 2)
 * @param hoursPerWeek productive hours per engineer and week (default 30)
 * @param start the roadmap's first day (default: the Monday after today)
 * @param userRules the auditor's phase rules, one "selector = phase" per line, tried before the
 *     defaults
 */
public record PlanSettings(
    int highImpact,
    int lowEffortHours,
    int teamSize,
    int hoursPerWeek,
    LocalDate start,
    String userRules) {

  public static final String HIGH_IMPACT = "plan.high_impact";
  public static final String LOW_EFFORT_HOURS = "plan.low_effort_hours";
  public static final String TEAM_SIZE = "plan.team_size";
  public static final String HOURS_PER_WEEK = "plan.hours_per_week";
  public static final String START = "plan.start";
  public static final String PHASE_RULES = "plan.phase_rules";
  public static final List<String> KEYS =
      List.of(HIGH_IMPACT, LOW_EFFORT_HOURS, TEAM_SIZE, HOURS_PER_WEEK, START, PHASE_RULES);

  public PlanSettings {
    if (highImpact < 1 || highImpact > 5) {
      throw new IllegalArgumentException(HIGH_IMPACT + " must be 1 to 5, was " + highImpact);
    }
    if (lowEffortHours < 1 || teamSize < 1 || hoursPerWeek < 1 || hoursPerWeek > 80) {
      throw new IllegalArgumentException(
          "plan.low_effort_hours and plan.team_size must be 1 or more, plan.hours_per_week 1 to 80");
    }
    PhaseRule.withDefaults(userRules); // fails on a bad rule
  }

  public static PlanSettings from(Map<String, String> project, LocalDate today) {
    LocalDate monday = today.plusDays(8 - today.getDayOfWeek().getValue());
    return new PlanSettings(
        number(project, HIGH_IMPACT, 4),
        number(project, LOW_EFFORT_HOURS, 16),
        number(project, TEAM_SIZE, 2),
        number(project, HOURS_PER_WEEK, 30),
        date(project.get(START), monday),
        project.getOrDefault(PHASE_RULES, ""));
  }

  /** The settings as stored, for 'workbench config' (the start date only when set). */
  public Map<String, String> asMap() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(HIGH_IMPACT, String.valueOf(highImpact));
    out.put(LOW_EFFORT_HOURS, String.valueOf(lowEffortHours));
    out.put(TEAM_SIZE, String.valueOf(teamSize));
    out.put(HOURS_PER_WEEK, String.valueOf(hoursPerWeek));
    out.put(START, start.toString());
    out.put(PHASE_RULES, userRules.replace("\n", "; "));
    return out;
  }

  public List<PhaseRule> rules() {
    return PhaseRule.withDefaults(userRules);
  }

  private static int number(Map<String, String> m, String key, int fallback) {
    return dev.auditworkbench.engine.model.SettingValues.wholeNumber(m, key, fallback);
  }

  private static LocalDate date(String v, LocalDate fallback) {
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(v.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(START + " must be a date (2026-12-01), was '" + v + "'");
    }
  }
}
