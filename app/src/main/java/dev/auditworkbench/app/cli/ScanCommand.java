package dev.auditworkbench.app.cli;

import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.scan.ScanResult;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "scan",
    description =
        "Analyse the project's repository again (inventory, size, complexity, imports, rules).")
final class ScanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ProjectOption project;

  @Override
  public Integer call() throws Exception {
    try (AuditProject store = project.open()) {
      spec.commandLine().getOut().println(run(store, spec));
    }
    return ExitCodes.OK;
  }

  static String run(AuditProject store, CommandSpec spec) throws IOException {
    ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
    ScanResult result = store.scans().scan(progress);
    progress.done();
    return "Repository " + result.summary();
  }
}
