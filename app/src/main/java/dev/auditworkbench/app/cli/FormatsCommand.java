package dev.auditworkbench.app.cli;

import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.spi.Importer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "formats", description = "List the input formats that can be imported.")
final class FormatsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    for (Importer importer : ImporterRegistry.load().all()) {
      out.printf("%-22s %-24s %s%n", importer.id(), importer.displayName(), importer.description());
    }
    return ExitCodes.OK;
  }
}
