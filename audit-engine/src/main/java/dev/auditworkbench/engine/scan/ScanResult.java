package dev.auditworkbench.engine.scan;

import dev.auditworkbench.engine.model.ImportRecord;

/** What a scan found and how long it took. */
public record ScanResult(
    ImportRecord record,
    String commit,
    int files,
    int pythonFiles,
    long lines,
    long codeLines,
    int parseFailures,
    long millis,
    int models,
    int routes,
    int importEdges,
    int cycles) {
  public String summary() {
    return String.format(
        "scanned %d files (%d Python, %d lines, %d code) at %s in %.1f s: %d models, %d routes, %d import edges,"
            + " %d cycles, %d files not valid Python 3; findings %d new, %d unchanged, %d gone",
        files,
        pythonFiles,
        lines,
        codeLines,
        commit == null ? "no git commit" : commit.substring(0, Math.min(12, commit.length())),
        millis / 1000.0,
        models,
        routes,
        importEdges,
        cycles,
        parseFailures,
        record.newCount(),
        record.unchangedCount(),
        record.goneCount());
  }
}
