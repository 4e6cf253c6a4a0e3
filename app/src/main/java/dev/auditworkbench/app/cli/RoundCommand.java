package dev.auditworkbench.app.cli;

import dev.auditworkbench.engine.model.Round;
import dev.auditworkbench.engine.progress.ProgressText;
import dev.auditworkbench.engine.project.AuditProject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "round",
    description =
        "Rounds of the engagement: the baseline, then each round opened before new captures and a"
            + " rescan ('workbench compare' sets two side by side).",
    subcommands = {RoundCommand.New.class, RoundCommand.ListRounds.class})
final class RoundCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "new",
      description =
          "Open a round: every import and scan from now on belongs to it (\"after sprint 2\").")
  static final class New implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ProjectOption project;

    @Parameters(index = "1", paramLabel = "NAME", description = "The round's name.")
    String name;

    @Override
    public Integer call() throws Exception {
      try (AuditProject store = project.open()) {
        Round r;
        try {
          r = store.rounds().open(name);
        } catch (IllegalArgumentException e) {
          throw new UsageException(e.getMessage());
        }
        spec.commandLine()
            .getOut()
            .println(
                "Round "
                    + r.number()
                    + " '"
                    + r.name()
                    + "' is open: import its captures and scan; then 'workbench compare "
                    + project.file
                    + "'.");
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", description = "List the rounds and how many imports each holds.")
  static final class ListRounds implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ProjectOption project;

    @Override
    public Integer call() throws Exception {
      try (AuditProject store = project.openForReading()) {
        for (Round r : store.rounds().all()) {
          spec.commandLine()
              .getOut()
              .printf(
                  "%-36s opened %s, imports %s%n",
                  ProgressText.name(r),
                  r.createdAt().toString().substring(0, 16).replace('T', ' '),
                  r.isEmpty() ? "none yet" : (r.afterImportId() + 1) + "-" + r.lastImportId());
        }
      }
      return ExitCodes.OK;
    }
  }
}
