package dev.auditworkbench.app.cli;

import dev.auditworkbench.engine.project.AuditProject;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "config",
    description = "Show or set a project's settings (analysis thresholds, plan.* for the roadmap).")
final class ConfigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ProjectOption project;

  @Parameters(
      index = "1..*",
      arity = "0..*",
      paramLabel = "KEY=VALUE",
      description = "Settings to change.")
  List<String> assignments = List.of();

  @Override
  public Integer call() throws Exception {
    try (AuditProject audit = project.open()) {
      for (String a : assignments) {
        int eq = a.indexOf('=');
        if (eq < 0) {
          throw new UsageException("give KEY=VALUE, was '" + a + "'");
        }
        try {
          audit.settings().set(a.substring(0, eq).trim(), a.substring(eq + 1));
        } catch (IllegalArgumentException e) {
          throw new UsageException(e.getMessage());
        }
      }
      audit
          .settings()
          .effective()
          .forEach((k, v) -> spec.commandLine().getOut().printf("%-32s %s%n", k, v));
    }
    return ExitCodes.OK;
  }
}
