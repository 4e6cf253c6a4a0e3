package dev.auditworkbench.app.cli;

import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.rules.Thresholds;
import dev.auditworkbench.engine.scan.ScanService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "rules",
    description = "List the rules a repository scan runs, and the thresholds' defaults.")
final class RulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    for (Rule r : ScanService.rules()) {
      out.printf("%-28s %s%n", r.id(), r.description());
    }
    out.println();
    out.println(
        "Thresholds (defaults; set per project with 'workbench config <file.audit> KEY=VALUE'):");
    Thresholds.DEFAULTS.asMap().forEach((k, v) -> out.printf("  %-32s %s%n", k, v));
    return ExitCodes.OK;
  }
}
