package dev.auditworkbench.app.cli;

import dev.auditworkbench.app.gui.WorkbenchApplication;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "open",
    description = "Open a project in the desktop app (without a file: the start screen).")
final class OpenCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "<file.audit>",
      description = "The project to open.")
  Path file;

  @Override
  public Integer call() {
    try {
      WorkbenchApplication.launchWith(file);
    } catch (UnsupportedOperationException e) {
      throw new UsageException(
          "cannot open a window here (" + e.getMessage() + "); the CLI commands work without one");
    }
    return ExitCodes.OK;
  }
}
