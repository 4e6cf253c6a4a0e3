package dev.auditworkbench.app.cli;

import dev.auditworkbench.engine.model.DismissReason;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.triage.TriageEdit;
import dev.auditworkbench.engine.triage.TriageService;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "set", description = "Triage one finding: status, impact, effort, notes.")
final class SetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ProjectOption project;

  @Parameters(index = "1", paramLabel = "<fingerprint-prefix>", description = "Enough of the fingerprint to name one finding.")
  String prefix;

  @Option(names = "--status", paramLabel = "S", description = "inbox, confirmed, in_report or dismissed.")
  Status status;

  @Option(names = "--reason", paramLabel = "R",
      description = "Why dismissed: false_positive, accepted_risk, duplicate, wont_fix.")
  DismissReason reason;

  @Option(names = "--impact", paramLabel = "N", description = "Impact 1 to 5.")
  String impact;

  @Option(names = "--effort", paramLabel = "E", description = "S, M, L, XL, or hours such as 6h or 2d.")
  String effort;

  @Option(names = "--note", paramLabel = "TEXT", description = "Notes (Markdown), replacing the current notes.")
  String note;

  @Override
  public Integer call() throws Exception {
    if (reason != null && status != Status.DISMISSED) {
      throw new UsageException("--reason goes with --status dismissed");
    }
    TriageEdit edit =
        new TriageEdit(
            status,
            reason,
            impact == null ? null : Impact.parse(impact),
            effort == null ? null : Effort.parse(effort),
            note);
    if (edit.isEmpty()) {
      throw new UsageException("nothing to set: give --status, --impact, --effort or --note");
    }
    try (ProjectStore store = project.open()) {
      Finding target = unique(store);
      Finding saved = new TriageService(store, Clock.systemUTC()).apply(target.id(), edit, "cli");
      spec.commandLine().getOut().printf("%s %s: status %s, impact %d, effort %s%n",
          saved.fingerprint().substring(0, 10), saved.title(),
          saved.dismissReason() == null ? saved.status().key() : saved.status().key() + " (" + saved.dismissReason().key() + ")",
          saved.impact().value(), saved.effort());
    }
    return ExitCodes.OK;
  }

  private Finding unique(ProjectStore store) {
    if (prefix.length() < 4) {
      throw new UsageException("give at least 4 characters of the fingerprint");
    }
    List<Finding> matches = store.read(c -> new FindingRepository(c).byFingerprintPrefix(prefix.toLowerCase()));
    if (matches.isEmpty()) {
      throw new UsageException("no finding's fingerprint starts with '" + prefix + "'");
    }
    if (matches.size() > 1) {
      throw new UsageException("'" + prefix + "' matches " + matches.size() + " findings ("
          + matches.stream().limit(5).map(f -> f.fingerprint().substring(0, 12)).collect(Collectors.joining(", "))
          + (matches.size() > 5 ? ", ..." : "") + "); give more characters");
    }
    return matches.get(0);
  }
}
