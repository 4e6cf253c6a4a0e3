package dev.auditworkbench.app.cli;

import dev.auditworkbench.engine.model.ImportRecord;
import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.project.AuditProject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "info",
    description =
        "Show a project: who, which repository, findings by status and severity, imports.")
final class InfoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ProjectOption project;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (AuditProject store = project.openForReading()) {
      ProjectInfo info = store.info();
      Map<String, Integer> byStatus = store.findings().countBy("status");
      Map<String, Integer> bySeverity = store.findings().countBy("severity");
      List<ImportRecord> imports = store.analyses().imports();
      out.printf("Project:    %s (schema %d)%n", store.file(), store.schemaVersion());
      out.printf("Client:     %s%n", info.client());
      out.printf("Engagement: %s%n", info.engagement());
      out.printf("Auditor:    %s%n", info.auditor());
      out.printf("Repository: %s%n", info.repo() == null ? "(none)" : info.repo());
      out.printf("Findings:   %d%n", byStatus.values().stream().mapToInt(Integer::intValue).sum());
      out.printf("  by status:   %s%n", counts(Status.values(), byStatus));
      out.printf("  by severity: %s%n", counts(Severity.values(), bySeverity));
      out.printf("Imports:    %d%n", imports.size());
      for (ImportRecord r : imports) {
        out.printf(
            "  #%d %s  %s  %s%s  %d new, %d unchanged, %d gone  sha256 %s%n",
            r.id(),
            r.importedAt(),
            r.fileName(),
            r.format(),
            r.toolVersion() == null ? "" : " (" + r.tool() + " " + r.toolVersion() + ")",
            r.newCount(),
            r.unchangedCount(),
            r.goneCount(),
            r.sha256().substring(0, 16));
      }
    }
    return ExitCodes.OK;
  }

  /** "inbox 3 confirmed 0 ..." in the enum's order, counted by the database (nothing is loaded). */
  private static String counts(Enum<?>[] values, Map<String, Integer> counted) {
    StringBuilder sb = new StringBuilder();
    for (Enum<?> v : values) {
      String key = v.name().toLowerCase(Locale.ROOT);
      sb.append(key).append(' ').append(counted.getOrDefault(v.name(), 0)).append("  ");
    }
    return sb.toString().strip();
  }
}
