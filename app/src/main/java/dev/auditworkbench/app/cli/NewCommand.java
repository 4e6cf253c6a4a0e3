package dev.auditworkbench.app.cli;

import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.project.AuditProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "new", description = "Create an audit project for a client's repository.")
final class NewCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<file.audit>", description = "The project file to create.")
  Path file;

  @Option(
      names = "--repo",
      required = true,
      paramLabel = "<dir>",
      description = "The client's repository checkout.")
  Path repo;

  @Option(names = "--client", paramLabel = "NAME", description = "Client name (for the report).")
  String client;

  @Option(names = "--engagement", paramLabel = "NAME", description = "Engagement name.")
  String engagement;

  @Option(names = "--auditor", paramLabel = "NAME", description = "Lead auditor.")
  String auditor;

  @Option(
      names = "--no-scan",
      description = "Create the project without analysing the repository yet.")
  boolean noScan;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(repo)) {
      throw new UsageException("--repo " + repo + " is not a folder");
    }
    Path repoDir = repo.toAbsolutePath().normalize();
    try (AuditProject store =
        AuditProject.create(
            file, new ProjectInfo(client, engagement, auditor, repoDir), Clock.systemUTC())) {
      spec.commandLine().getOut().printf("Created %s for repository %s%n", store.file(), repoDir);
      if (!noScan) {
        spec.commandLine().getOut().println(ScanCommand.run(store, spec));
      }
    }
    return ExitCodes.OK;
  }
}
