package dev.auditworkbench.engine.model;

/**
 * One tool that reported a finding, with the imports that first and last saw it.
 *
 * @param goneSinceImport the first later import of the same tool that no longer reported it, or 0
 */
public record SourceRef(
    String tool,
    String toolVersion,
    String nativeRuleId,
    long firstImportId,
    long lastImportId,
    long goneSinceImport) {}
