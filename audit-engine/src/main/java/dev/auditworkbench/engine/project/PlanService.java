package dev.auditworkbench.engine.project;

import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.priority.Phase;
import dev.auditworkbench.engine.priority.PhaseRule;
import dev.auditworkbench.engine.priority.PlanSettings;
import dev.auditworkbench.engine.priority.Planner;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.PlanRepository;
import dev.auditworkbench.engine.store.ProjectRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The plan (work items, quadrants, roadmap) and the auditor's changes to it. */
public final class PlanService {
  private final ProjectStore store;
  private final Clock clock;

  PlanService(ProjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The plan as of today. */
  public Planner.Plan plan() {
    return store.read(c -> Planner.of(c, today()));
  }

  /** The plan's settings (team, hours, start, quadrant lines, phase rules) as of today. */
  public PlanSettings settings() {
    return store.read(c -> PlanSettings.from(new ProjectRepository(c).all(), today()));
  }

  /**
   * Saves the edit in one transaction: a bad value, an unknown fingerprint or phase leaves the plan
   * as it was.
   *
   * @throws IllegalArgumentException saying what was wrong
   */
  public void edit(PlanEdit edit) {
    edit.rules().forEach(PhaseRule::parse);
    if (edit.isEmpty()) {
      return;
    }
    store.write(
        c -> {
          save(c, edit);
          return null;
        });
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private void save(Connection c, PlanEdit edit) throws SQLException {
    ProjectRepository settings = new ProjectRepository(c);
    Map<String, String> current = settings.all();
    if (edit.teamSize() != null) {
      settings.put(PlanSettings.TEAM_SIZE, String.valueOf(edit.teamSize()));
    }
    if (edit.hoursPerWeek() != null) {
      settings.put(PlanSettings.HOURS_PER_WEEK, String.valueOf(edit.hoursPerWeek()));
    }
    if (edit.start() != null) {
      settings.put(PlanSettings.START, edit.start().toString());
    }
    String userRules = edit.clearRules() ? "" : current.getOrDefault(PlanSettings.PHASE_RULES, "");
    for (String r : edit.rules()) {
      userRules = (userRules.isBlank() ? "" : userRules + "\n") + PhaseRule.parse(r);
    }
    settings.put(PlanSettings.PHASE_RULES, userRules);
    PlanSettings.from(settings.all(), today());
    PlanRepository plans = new PlanRepository(c);
    try (FindingRepository findings = new FindingRepository(c)) {
      for (String g : edit.groups()) {
        int eq = g.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("--group takes NAME=FP,FP..., was '" + g + "'");
        }
        for (String prefix : g.substring(eq + 1).split(",")) {
          plans.group(one(findings, prefix.trim()).fingerprint(), g.substring(0, eq).trim());
        }
      }
      for (String prefix : edit.ungroup()) {
        plans.group(one(findings, prefix).fingerprint(), null);
      }
      for (String p : edit.phases()) {
        int eq = p.lastIndexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("--phase takes ITEM=PHASE, was '" + p + "'");
        }
        String item = p.substring(0, eq).trim();
        String phase = p.substring(eq + 1).trim();
        if (!item.contains(":")) {
          Finding f = one(findings, item);
          item =
              Planner.of(c, today()).items().stream()
                  .filter(
                      w ->
                          w.findings().stream()
                              .anyMatch(x -> x.fingerprint().equals(f.fingerprint())))
                  .map(Planner.WorkItem::key)
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              f.fingerprint() + " is not planned (dismissed or gone)"));
        }
        plans.phase(item, phase.equals("rules") ? null : Phase.parse(phase).key());
      }
    }
  }

  private static Finding one(FindingRepository findings, String prefix) throws SQLException {
    List<Finding> matches = findings.byFingerprintPrefix(prefix);
    if (matches.size() != 1) {
      throw new IllegalArgumentException(
          matches.isEmpty()
              ? "no finding's fingerprint starts with '" + prefix + "'"
              : prefix + " matches " + matches.size() + " findings; give more of the fingerprint");
    }
    return matches.get(0);
  }
}
