package dev.auditworkbench.engine.ingest;

import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.queries.QueryAnalysis;
import dev.auditworkbench.engine.queries.QueryFindings;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.QueryRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Recomputes the query-analysis findings ({@link QueryFindings#TOOL}) in full inside the caller's
 * transaction: after a trace or access-log import, and after a scan (whose inventory maps tables to
 * models and routes to views). What the data no longer supports goes "not seen since".
 */
public final class QueryFindingsRefresh {
  private QueryFindingsRefresh() {}

  /** Returns {new, unchanged, gone}; does nothing when no query data was ever imported. */
  public static int[] run(Connection c, long importId, Instant now, Path repo, ProgressListener listener)
      throws SQLException {
    try (QueryRepository queries = new QueryRepository(c)) {
      if (queries.sources().isEmpty()) {
        return new int[] {0, 0, 0};
      }
    }
    QueryAnalysis.Result result = QueryAnalysis.of(c, QueryAnalysis.DEFAULT_N_PLUS_ONE);
    List<Finding> hints = new ArrayList<>();
    try (FindingRepository findings = new FindingRepository(c)) {
      for (Finding f : findings.all()) {
        if (f.ruleId().startsWith("nplusone.") && !f.gone()) {
          hints.add(f);
        }
      }
    }
    try (FindingWriter writer = new FindingWriter(c, QueryFindings.TOOL, importId, now, repo, listener)) {
      for (RawFinding f : QueryFindings.of(result, hints)) {
        writer.recordRead();
        writer.accept(f);
      }
      return writer.reconcile();
    }
  }
}
