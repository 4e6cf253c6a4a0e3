package dev.auditworkbench.engine.rules;

import dev.auditworkbench.engine.deps.Requirement;
import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.graph.ImportGraph;
import dev.auditworkbench.engine.history.GitHistory;
import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.repo.ModuleNames;
import dev.auditworkbench.engine.repo.RepoFile;
import dev.auditworkbench.engine.upgrade.UpgradeFacts;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a scan read from the repository, handed to every rule. {@code upgrade} holds what the
 * upgrade path needs: the Python versions named and the uses of what later releases remove.
 */
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
    LocalDate today,
    UpgradeFacts upgrade) {}
