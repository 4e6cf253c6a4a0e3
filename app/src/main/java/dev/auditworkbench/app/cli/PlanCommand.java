package dev.auditworkbench.app.cli;

import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.priority.Planner;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.project.PlanEdit;
import dev.auditworkbench.engine.report.CsvTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "plan",
    description = {
      "The prioritised work items (impact vs effort, quadrant, score) and the phased roadmap with effort totals and"
          + " a calendar.",
      "Options that change the plan are saved in the project."
    })
final class PlanCommand implements Callable<Integer> {
  enum Format {
    table,
    json,
    csv
  }

  @Spec CommandSpec spec;

  @Mixin ProjectOption project;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--team",
      paramLabel = "N",
      description = "Engineers on the remediation (saved; default 2).")
  Integer team;

  @Option(
      names = "--hours-per-week",
      paramLabel = "H",
      description = "Productive hours per engineer and week (saved; default 30).")
  Integer hoursPerWeek;

  @Option(
      names = "--start",
      paramLabel = "DATE",
      description = "The roadmap's first day (saved; default: next Monday).")
  LocalDate start;

  @Option(
      names = "--group",
      paramLabel = "NAME=FP,FP...",
      description = "Make these findings (fingerprint prefixes) one work item called NAME (saved).")
  List<String> groups = List.of();

  @Option(
      names = "--ungroup",
      paramLabel = "FP",
      description = "Take a finding out of its work item (saved).")
  List<String> ungroup = List.of();

  @Option(
      names = "--phase",
      paramLabel = "ITEM=PHASE",
      description =
          "Put a work item (its key, or a fingerprint prefix of one of its findings) in a phase (1-6 or its name;"
              + " 'rules' to undo; saved).")
  List<String> phases = List.of();

  @Option(
      names = "--rule",
      paramLabel = "'SELECTOR = PHASE'",
      description =
          "Add a phase rule tried before the others, e.g. 'rule:queries.* = stop-the-bleeding' (saved).")
  List<String> rules = List.of();

  @Option(names = "--clear-rules", description = "Forget the rules added with --rule.")
  boolean clearRules;

  @Override
  public Integer call() throws Exception {
    Planner.Plan plan;
    try (AuditProject audit = project.open()) {
      try {
        audit
            .plans()
            .edit(
                new PlanEdit(
                    team, hoursPerWeek, start, groups, ungroup, phases, rules, clearRules));
        plan = audit.plans().plan();
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case json -> out.println(QueriesCommand.json(json(plan)));
      case csv -> csv(plan, out);
      case table -> table(plan, out);
    }
    return ExitCodes.OK;
  }

  private static void table(Planner.Plan plan, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%d open findings (%d untriaged) in %d work items; team of %d at %d h/week%n",
        plan.openFindings(),
        plan.untriagedFindings(),
        plan.items().size(),
        plan.settings().teamSize(),
        plan.settings().hoursPerWeek());
    boolean noneTriaged = plan.untriagedFindings() == plan.openFindings();
    out.println(
        noneTriaged
            ? "Nothing is triaged yet: the plan covers every open finding.\n"
            : "Items marked (untriaged) hold only findings still in the inbox.\n");
    out.printf(
        "%-4s %-14s %3s %5s %6s  %-22s %s%n",
        "#", "QUADRANT", "IMP", "EFF", "SCORE", "PHASE", "WORK ITEM");
    int n = 0;
    for (Planner.WorkItem w : plan.items()) {
      n++;
      out.printf(
          Locale.ROOT,
          "%-4d %-14s %3d %5s %6.1f  %-22s %s%s%n",
          n,
          w.quadrant().label(),
          w.impact(),
          w.effortHours() + "h",
          w.score(),
          QueriesCommand.clip(w.phase().label() + (w.phaseOverridden() ? "*" : ""), 22),
          w.title(),
          w.untriaged() && !noneTriaged ? "  (untriaged)" : "");
      if (w.expectedGain() != null) {
        out.println("     expected: " + w.expectedGain());
      }
    }
    out.println();
    out.println("Roadmap:");
    int i = 0;
    for (Planner.PhasePlan p : plan.phases()) {
      i++;
      out.printf(
          Locale.ROOT,
          "%d. %-24s %4d h  %4.1f weeks  %s .. %s  %d items  (%s)%n",
          i,
          p.phase().label(),
          p.hours(),
          p.weeks(),
          p.start(),
          p.end(),
          p.items().size(),
          p.phase().purpose());
    }
    out.printf(Locale.ROOT, "Total: %d h, %.1f weeks%n", plan.totalHours(), plan.totalWeeks());
  }

  private static void csv(Planner.Plan plan, PrintWriter out) throws IOException {
    CsvTable csv =
        new CsvTable(
            out,
            "rank",
            "key",
            "title",
            "quadrant",
            "impact",
            "effort_hours",
            "effort_size",
            "score",
            "phase",
            "findings",
            "expected_gain");
    int n = 0;
    for (Planner.WorkItem w : plan.items()) {
      n++;
      csv.row(
          n,
          w.key(),
          w.title(),
          w.quadrant().key(),
          w.impact(),
          w.effortHours(),
          w.effortSize(),
          w.score(),
          w.phase().key(),
          w.findings().size(),
          w.expectedGain() == null ? "" : w.expectedGain());
    }
    csv.flush();
  }

  private static Map<String, Object> json(Planner.Plan plan) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("settings", plan.settings().asMap());
    List<Map<String, Object>> items = new ArrayList<>();
    for (Planner.WorkItem w : plan.items()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", w.key());
      m.put("title", w.title());
      m.put("quadrant", w.quadrant().key());
      m.put("impact", w.impact());
      m.put("effortHours", w.effortHours());
      m.put("effortSize", w.effortSize());
      m.put("score", w.score());
      m.put("phase", w.phase().key());
      m.put("phaseOverridden", w.phaseOverridden());
      m.put("untriaged", w.untriaged());
      m.put("expectedGain", w.expectedGain());
      m.put("findings", w.findings().stream().map(Finding::fingerprint).toList());
      items.add(m);
    }
    root.put("items", items);
    List<Map<String, Object>> phases = new ArrayList<>();
    for (Planner.PhasePlan p : plan.phases()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("phase", p.phase().key());
      m.put("label", p.phase().label());
      m.put("hours", p.hours());
      m.put("weeks", p.weeks());
      m.put("start", p.start().toString());
      m.put("end", p.end().toString());
      m.put("items", p.items().stream().map(Planner.WorkItem::key).toList());
      phases.add(m);
    }
    root.put("roadmap", phases);
    root.put("totalHours", plan.totalHours());
    root.put("totalWeeks", plan.totalWeeks());
    return root;
  }
}
