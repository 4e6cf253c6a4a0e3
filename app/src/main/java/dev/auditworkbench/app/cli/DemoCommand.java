package dev.auditworkbench.app.cli;

import dev.auditworkbench.app.demo.DemoProject;
import dev.auditworkbench.app.gui.WorkbenchApplication;
import dev.auditworkbench.engine.ingest.ImportResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "demo",
    description = {
      "Create the bundled demo audit: the Ledgerly Django monolith, with its git history, and the captures taken"
          + " from it with real tools, imported into a new project."
    })
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "<file.audit>",
      description =
          "Where to create it (default: ~/AuditWorkbench/demo/ledgerly-demo.audit, recreated on each run until you triage in it).")
  Path file;

  @Option(
      names = "--force",
      description = "Recreate the demo if it already exists at <file.audit>.")
  boolean force;

  @Option(names = "--open", description = "Open it in the desktop app afterwards.")
  boolean open;

  @Option(
      names = "--rounds",
      description =
          "Also import the engagement's second round: the same traffic after the two N+1 fixes"
              + " and the missing index ('workbench compare', the Progress page, the report's"
              + " progress section).")
  boolean rounds;

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    boolean defaultPlace = file == null;
    Path target = defaultPlace ? DemoProject.defaultLocation() : file;
    ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
    DemoProject.Created demo;
    try {
      demo =
          DemoProject.create(
              target,
              force
                  ? DemoProject.Replace.ALWAYS
                  : defaultPlace ? DemoProject.Replace.UNLESS_TRIAGED : DemoProject.Replace.NEVER,
              rounds,
              progress);
    } catch (DemoProject.HasTriage kept) {
      progress.done();
      out.println("Kept the demo project " + kept.getMessage());
      out.flush();
      if (open) {
        WorkbenchApplication.launchWith(target.toAbsolutePath().normalize());
      }
      return ExitCodes.OK;
    }
    progress.done();
    out.printf(
        "Created demo project %s%n  repository %s%n  captures   %s%n",
        demo.project(), demo.repo(), demo.captures());
    for (ImportResult r : demo.imported()) {
      out.println("  " + r.summary());
    }
    if (!demo.notImported().isEmpty()) {
      out.printf(
          "  %d captures are kept for formats not imported yet (in %s)%n",
          demo.notImported().size(), demo.captures());
    }
    out.flush();
    if (open) {
      WorkbenchApplication.launchWith(demo.project());
    }
    return ExitCodes.OK;
  }
}
