package dev.auditworkbench.app.cli;

import dev.auditworkbench.engine.scan.Thresholds;
import dev.auditworkbench.engine.store.ProjectRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "config", description = "Show or set a project's settings (analysis thresholds, plan.* for the roadmap).")
final class ConfigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ProjectOption project;

  @Parameters(index = "1..*", arity = "0..*", paramLabel = "KEY=VALUE", description = "Settings to change.")
  List<String> assignments = List.of();

  @Override
  public Integer call() throws Exception {
    Map<String, String> known = Thresholds.DEFAULTS.asMap();
    try (ProjectStore store = project.open()) {
      for (String a : assignments) {
        int eq = a.indexOf('=');
        String key = eq < 0 ? a : a.substring(0, eq).trim();
        if (key.equals(dev.auditworkbench.engine.report.ReportRenderer.TEMPLATE_SETTING) && eq > 0) {
          String dir = a.substring(eq + 1).trim();
          if (!dir.isEmpty()) {
            try {
              new dev.auditworkbench.engine.report.ReportRenderer(java.nio.file.Path.of(dir).toAbsolutePath());
            } catch (IllegalArgumentException e) {
              throw new UsageException(e.getMessage());
            }
          }
          store.write(c -> {
            new ProjectRepository(c).put(key, dir.isEmpty() ? "" : java.nio.file.Path.of(dir).toAbsolutePath().toString());
            return null;
          });
          continue;
        }
        boolean planKey = dev.auditworkbench.engine.priority.PlanSettings.KEYS.contains(key);
        if (eq < 0 || !known.containsKey(key) && !planKey) {
          throw new UsageException("unknown setting '" + a + "'; one of " + String.join(", ", known.keySet()) + ", "
              + String.join(", ", dev.auditworkbench.engine.priority.PlanSettings.KEYS));
        }
        String value = a.substring(eq + 1).trim();
        if (planKey) {
          store.write(c -> {
            var repo = new ProjectRepository(c);
            repo.put(key, value.replace("; ", "\n"));
            try {
              dev.auditworkbench.engine.priority.PlanSettings.from(repo.all(), java.time.LocalDate.now());
            } catch (IllegalArgumentException e) {
              throw new UsageException(e.getMessage()); // rolls the write back
            }
            return null;
          });
          continue;
        }
        try {
          Double.parseDouble(value);
        } catch (NumberFormatException e) {
          throw new UsageException(key + " must be a number, was '" + value + "'");
        }
        store.write(c -> {
          new ProjectRepository(c).put(key, value);
          return null;
        });
      }
      Thresholds t = Thresholds.from(store.read(c -> new ProjectRepository(c).all()));
      t.asMap().forEach((k, v) -> spec.commandLine().getOut().printf("%-32s %s%n", k, v));
      spec.commandLine().getOut().printf("%-32s %s%n", dev.auditworkbench.engine.report.ReportRenderer.TEMPLATE_SETTING,
          store.read(c -> new ProjectRepository(c).all()).getOrDefault(dev.auditworkbench.engine.report.ReportRenderer.TEMPLATE_SETTING, ""));
      store.read(c -> dev.auditworkbench.engine.priority.PlanSettings.from(new ProjectRepository(c).all(),
          java.time.LocalDate.now())).asMap().forEach((k, v) -> spec.commandLine().getOut().printf("%-32s %s%n", k, v));
    }
    return ExitCodes.OK;
  }
}
