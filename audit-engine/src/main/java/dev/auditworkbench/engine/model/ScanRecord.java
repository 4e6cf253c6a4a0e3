package dev.auditworkbench.engine.model;

import java.time.Instant;

/** What one analysis of the repository covered: its commit, size and how long it took. */
public record ScanRecord(
    long id,
    long importId,
    String repo,
    String commitId,
    Instant scannedAt,
    int files,
    int pythonFiles,
    long lines,
    long codeLines,
    int parseFailures,
    long millis) {}
