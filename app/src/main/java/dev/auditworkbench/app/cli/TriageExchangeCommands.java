package dev.auditworkbench.app.cli;

import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.report.OutputFile;
import dev.auditworkbench.engine.triage.TriageCommand;
import dev.auditworkbench.engine.triage.TriageExchange;
import dev.auditworkbench.engine.triage.TriageExchangeText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Triage decisions exchanged between two auditors' copies of one project. */
final class TriageExchangeCommands {
  private TriageExchangeCommands() {}

  @Command(
      name = "export-triage",
      description =
          "Write this copy's triage decisions (status, reason, impact and effort, notes, tags,"
              + " board rank, with their history) by finding fingerprint, for another auditor to"
              + " import.")
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ProjectOption project;

    @Parameters(index = "1", paramLabel = "FILE.json", description = "Where to write them.")
    Path out;

    @Override
    public Integer call() throws Exception {
      TriageExchange.Document d;
      try (AuditProject store = project.openForReading()) {
        d = store.triage().exportTriage();
      }
      OutputFile.writeString(out, TriageExchange.write(d));
      spec.commandLine()
          .getOut()
          .println("Wrote the triage of " + d.findings().size() + " findings to " + out);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "import-triage",
      description =
          "Merge another copy's triage decisions: what only they changed is taken, what only you"
              + " changed is kept, conflicts (both changed) are listed and kept unless --conflicts"
              + " theirs. Nothing else is overwritten.")
  static final class Import implements Callable<Integer> {
    enum Resolution {
      mine,
      theirs
    }

    @Spec CommandSpec spec;
    @Mixin ProjectOption project;

    @Parameters(index = "1", paramLabel = "FILE.json", description = "An export-triage file.")
    Path in;

    @Option(
        names = "--conflicts",
        defaultValue = "mine",
        description =
            "Resolve conflicts with mine (keep) or theirs (take); default: ${DEFAULT-VALUE}.")
    Resolution conflicts;

    @Option(names = "--dry-run", description = "Say what would change; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
      if (!Files.isRegularFile(in)) {
        throw new UsageException("no such file: " + in);
      }
      TriageExchange.Document theirs =
          TriageExchange.read(in, Files.readString(in, StandardCharsets.UTF_8));
      var out = spec.commandLine().getOut();
      try (AuditProject store = dryRun ? project.openForReading() : project.open()) {
        TriageExchange.Plan plan =
            store.triage().planImport(theirs, conflicts == Resolution.theirs);
        String who =
            theirs.auditor() == null || theirs.auditor().isBlank()
                ? in.toString()
                : theirs.auditor();
        out.print(TriageExchangeText.summary(plan, who + " (" + in.getFileName() + ")"));
        if (!plan.conflicts().isEmpty() && conflicts == Resolution.mine) {
          out.println("To take theirs in the conflicts: --conflicts theirs.");
        }
        if (dryRun || !plan.changesAnything()) {
          out.println(dryRun ? "Dry run: nothing changed." : "Nothing to change.");
          return ExitCodes.OK;
        }
        store
            .triage()
            .execute(
                new TriageCommand.Edit(
                    plan.edits(),
                    plan.ranks(),
                    plan.links(),
                    "import triage from " + in.getFileName()),
                "import-triage");
        out.println("Applied to " + plan.edits().size() + " findings.");
      }
      return ExitCodes.OK;
    }
  }
}
