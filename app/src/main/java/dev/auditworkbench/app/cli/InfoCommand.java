package dev.auditworkbench.app.cli;

import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.ImportRecord;
import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ImportRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "info", description = "Show a project: who, which repository, findings by status and severity, imports.")
final class InfoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ProjectOption project;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (ProjectStore store = project.open()) {
      ProjectInfo info = store.info();
      List<Finding> findings = store.read(c -> new FindingRepository(c).all());
      List<ImportRecord> imports = store.read(c -> new ImportRepository(c).all());
      out.printf("Project:    %s (schema %d)%n", store.file(), store.schemaVersion());
      out.printf("Client:     %s%n", info.client());
      out.printf("Engagement: %s%n", info.engagement());
      out.printf("Auditor:    %s%n", info.auditor());
      out.printf("Repository: %s%n", info.repo() == null ? "(none)" : info.repo());
      out.printf("Findings:   %d%n", findings.size());
      out.printf("  by status:   %s%n", byStatus(findings));
      out.printf("  by severity: %s%n", bySeverity(findings));
      out.printf("Imports:    %d%n", imports.size());
      for (ImportRecord r : imports) {
        out.printf("  #%d %s  %s  %s%s  %d new, %d unchanged, %d gone  sha256 %s%n",
            r.id(), r.importedAt(), r.fileName(), r.format(),
            r.toolVersion() == null ? "" : " (" + r.tool() + " " + r.toolVersion() + ")",
            r.newCount(), r.unchangedCount(), r.goneCount(), r.sha256().substring(0, 16));
      }
    }
    return ExitCodes.OK;
  }

  private static String byStatus(List<Finding> findings) {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (Status s : Status.values()) {
      counts.put(s, 0);
    }
    findings.forEach(f -> counts.merge(f.status(), 1, Integer::sum));
    StringBuilder sb = new StringBuilder();
    counts.forEach((s, n) -> sb.append(s.key()).append(' ').append(n).append("  "));
    return sb.toString().strip();
  }

  private static String bySeverity(List<Finding> findings) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0);
    }
    findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
    StringBuilder sb = new StringBuilder();
    counts.forEach((s, n) -> sb.append(s.key()).append(' ').append(n).append("  "));
    return sb.toString().strip();
  }
}
