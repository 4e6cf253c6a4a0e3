package dev.auditworkbench.app.cli;

import dev.auditworkbench.engine.model.DismissReason;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.triage.TriageCommand;
import dev.auditworkbench.engine.triage.TriageEdit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "set",
    description = {
      "Triage findings: status, impact, effort, notes.",
      "Name them by fingerprint prefixes, or select them with --search, --rule and --severity (all given must match);"
          + " several findings change together, in one transaction."
    })
final class SetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ProjectOption project;

  @Parameters(
      index = "1..*",
      arity = "0..*",
      paramLabel = "<fingerprint-prefix>",
      description = "Enough of a fingerprint to name one finding (several may be given).")
  List<String> prefixes = new ArrayList<>();

  @Option(
      names = "--search",
      paramLabel = "TEXT",
      description = "Findings whose title, path or rule contains TEXT.")
  String search;

  @Option(
      names = "--rule",
      paramLabel = "RULE",
      description = "Findings of this rule, or of rules starting with RULE.")
  String rule;

  @Option(
      names = "--severity",
      paramLabel = "S",
      split = ",",
      description = "Findings of these severities.")
  List<Severity> severities;

  @Option(
      names = "--status",
      paramLabel = "S",
      description = "inbox, confirmed, in_report or dismissed.")
  Status status;

  @Option(
      names = "--reason",
      paramLabel = "R",
      description = "Why dismissed: false_positive, accepted_risk, duplicate, wont_fix.")
  DismissReason reason;

  @Option(names = "--impact", paramLabel = "N", description = "Impact 1 to 5.")
  String impact;

  @Option(
      names = "--effort",
      paramLabel = "E",
      description = "S, M, L, XL, or hours or days such as 6h or 2d.")
  String effort;

  @Option(
      names = "--note",
      paramLabel = "TEXT",
      description = "A note (Markdown), added after the current notes.")
  String note;

  @Option(
      names = "--replace-note",
      description = "--note replaces the current notes instead of adding to them.")
  boolean replaceNote;

  @Override
  public Integer call() throws Exception {
    if (reason != null && status != Status.DISMISSED) {
      throw new UsageException("--reason goes with --status dismissed");
    }
    if (effort != null && effort.strip().matches("\\d+")) {
      throw new UsageException(
          "--effort "
              + effort.strip()
              + " has no unit: write "
              + effort.strip()
              + "h (hours), "
              + effort.strip()
              + "d (days), or a size S, M, L or XL");
    }
    if (replaceNote && note == null) {
      throw new UsageException("--replace-note goes with --note");
    }
    if (status == null && impact == null && effort == null && note == null) {
      throw new UsageException("nothing to set: give --status, --impact, --effort or --note");
    }
    boolean filtered = search != null || rule != null || severities != null;
    if (prefixes.isEmpty() && !filtered) {
      throw new UsageException(
          "name the findings: fingerprint prefixes, or --search, --rule, --severity");
    }
    try (AuditProject store = project.open()) {
      List<Finding> targets = targets(store, filtered);
      if (targets.isEmpty()) {
        throw new UsageException("no finding matches " + describe());
      }
      Impact impactValue = impact == null ? null : Impact.parse(impact);
      Effort effortValue = effort == null ? null : Effort.parse(effort);
      Map<Long, TriageEdit> edits = new LinkedHashMap<>();
      for (Finding f : targets) {
        String notes = note == null ? null : replaceNote ? note : appended(f.notes(), note);
        edits.put(f.id(), new TriageEdit(status, reason, impactValue, effortValue, notes));
      }
      List<Finding> saved =
          store.triage().execute(new TriageCommand.Edit(edits, "set"), "cli").after();
      for (Finding f : saved) {
        spec.commandLine()
            .getOut()
            .printf(
                "%s %s: status %s, impact %d, effort %s%n",
                f.fingerprint().substring(0, 10),
                f.title(),
                f.dismissReason() == null
                    ? f.status().key()
                    : f.status().key() + " (" + f.dismissReason().key() + ")",
                f.impact().value(),
                f.effort());
      }
      if (saved.size() > 1) {
        spec.commandLine().getOut().printf("%d findings changed%n", saved.size());
      }
    }
    return ExitCodes.OK;
  }

  private static String appended(String current, String note) {
    return current == null || current.isBlank() ? note : current.stripTrailing() + "\n\n" + note;
  }

  private String describe() {
    List<String> parts = new ArrayList<>();
    prefixes.forEach(p -> parts.add("'" + p + "'"));
    if (search != null) {
      parts.add("--search '" + search + "'");
    }
    if (rule != null) {
      parts.add("--rule '" + rule + "'");
    }
    if (severities != null) {
      parts.add("--severity " + severities);
    }
    return String.join(", ", parts);
  }

  /**
   * The findings the prefixes name, or every finding still reported; with filters, those of them
   * that match all.
   */
  private List<Finding> targets(AuditProject store, boolean filtered) {
    List<Finding> candidates = new ArrayList<>();
    if (prefixes.isEmpty()) {
      store.findings().all().stream().filter(f -> !f.gone()).forEach(candidates::add);
    } else {
      for (String prefix : prefixes) {
        Finding f = unique(store, prefix);
        if (candidates.stream().noneMatch(x -> x.id() == f.id())) {
          candidates.add(f);
        }
      }
    }
    if (!filtered) {
      return candidates;
    }
    String needle = search == null ? null : search.toLowerCase(Locale.ROOT);
    return candidates.stream()
        .filter(f -> rule == null || f.ruleId().equals(rule) || f.ruleId().startsWith(rule))
        .filter(f -> severities == null || severities.contains(f.severity()))
        .filter(
            f ->
                needle == null
                    || (f.title() + " " + f.location().display() + " " + f.ruleId())
                        .toLowerCase(Locale.ROOT)
                        .contains(needle))
        .toList();
  }

  private Finding unique(AuditProject store, String prefix) {
    if (prefix.length() < 4) {
      throw new UsageException("give at least 4 characters of the fingerprint");
    }
    List<Finding> matches = store.findings().byFingerprintPrefix(prefix);
    if (matches.isEmpty()) {
      throw new UsageException("no finding's fingerprint starts with '" + prefix + "'");
    }
    if (matches.size() > 1) {
      throw new UsageException(
          "'"
              + prefix
              + "' matches "
              + matches.size()
              + " findings ("
              + matches.stream()
                  .limit(5)
                  .map(f -> f.fingerprint().substring(0, 12))
                  .collect(Collectors.joining(", "))
              + (matches.size() > 5 ? ", ..." : "")
              + "); give more characters");
    }
    return matches.get(0);
  }
}
