package dev.auditworkbench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.upgrade.ApiUse;
import dev.auditworkbench.engine.upgrade.UpgradePlan;
import dev.auditworkbench.engine.upgrade.UpgradePlanText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "upgrade",
    description =
        "Print the upgrade path from the pinned Django to the target: each LTS hop with its packages,"
            + " Python move, removed APIs (every use) and behaviour changes, and the effort.")
final class UpgradeCommand implements Callable<Integer> {
  enum Format {
    table,
    json
  }

  @Spec CommandSpec spec;

  @Mixin ProjectOption project;

  @Option(
      names = "--target",
      paramLabel = "SERIES",
      description =
          "The Django release to reach, such as 5.2 (default: the next two LTS releases).")
  String target;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws Exception {
    if (target != null && !target.matches("\\d+\\.\\d+")) {
      throw new UsageException("--target takes a Django series such as 5.2, not '" + target + "'");
    }
    UpgradePlan plan;
    try (AuditProject store = project.openForReading()) {
      if (store.analyses().latestScan().isEmpty()) {
        throw new UsageException("the project has not been scanned yet: run 'workbench scan'");
      }
      plan =
          store
              .analyses()
              .upgradePlan(target)
              .orElseThrow(
                  () ->
                      new UsageException(
                          "no upgrade path: the project pins no Django version (requirements, lock file"
                              + " or pyproject), or its last scan predates the upgrade path (run"
                              + " 'workbench scan')"));
    }
    var out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(json(plan)));
    } else {
      out.print(UpgradePlanText.render(plan, Integer.MAX_VALUE));
    }
    return ExitCodes.OK;
  }

  private static Map<String, Object> json(UpgradePlan plan) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("django", plan.django().pinned());
    out.put("djangoDeclaredAt", plan.django().path() + ":" + plan.django().line());
    out.put("python", plan.python().orElse(null));
    out.put("target", plan.target());
    out.put("hours", Math.round(plan.hours() * 10) / 10.0);
    List<Map<String, Object>> steps = new ArrayList<>();
    for (UpgradePlan.Step s : plan.steps()) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("from", s.from());
      step.put("to", s.to());
      step.put("hours", Math.round(s.hours() * 10) / 10.0);
      step.put("python", s.python());
      step.put("packages", s.packages());
      step.put("pythonRemovals", items(s.pythonRemovals()));
      step.put("removals", items(s.removals()));
      step.put("behaviour", items(s.behaviour()));
      steps.add(step);
    }
    out.put("steps", steps);
    out.put("later", items(plan.later()));
    return out;
  }

  private static List<Map<String, Object>> items(List<UpgradePlan.Item> items) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (UpgradePlan.Item i : items) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", i.removal().id());
      m.put("what", i.removal().what());
      m.put("deprecated", i.removal().deprecated());
      m.put("removed", i.removal().removed());
      m.put("replacement", i.removal().replacement());
      m.put("fixer", i.removal().fixer());
      m.put("hours", Math.round(i.hours() * 10) / 10.0);
      List<String> uses = new ArrayList<>();
      for (ApiUse u : i.uses()) {
        uses.add(u.path() + ":" + u.line() + "  " + u.text());
      }
      m.put("uses", uses);
      out.add(m);
    }
    return out;
  }
}
