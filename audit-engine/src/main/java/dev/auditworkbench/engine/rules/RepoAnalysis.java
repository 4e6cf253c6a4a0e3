package dev.auditworkbench.engine.rules;

import dev.auditworkbench.engine.deps.Requirement;
import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.graph.ImportGraph;
import dev.auditworkbench.engine.history.GitHistory;
import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.repo.ModuleNames;
import dev.auditworkbench.engine.repo.RepoFile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Everything a scan read from the repository, handed to every rule. */
public record RepoAnalysis(
    Path repo,
    String commit,
    List<RepoFile> files,
    ModuleNames names,
    List<ModuleFacts> modules,
    List<ModuleSummary> summaries,
    DjangoInventory inventory,
    ImportGraph graph,
    Thresholds thresholds,
    List<Requirement> dependencies,
    GitHistory.Result history,
    LocalDate today) {}
