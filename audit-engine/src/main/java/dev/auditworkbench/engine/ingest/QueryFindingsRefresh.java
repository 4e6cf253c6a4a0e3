package dev.auditworkbench.engine.ingest;

import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.OutboundFindings;
import dev.auditworkbench.engine.queries.QueryAnalysis;
import dev.auditworkbench.engine.queries.QueryFindings;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.QueryRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Recomputes the query-analysis findings ({@link QueryFindings#TOOL}) in full inside the caller's
 * transaction: after a trace or access-log import, and after a scan (whose inventory maps tables to
 * models and routes to views). What the data no longer supports goes "not seen since".
 */
public final class QueryFindingsRefresh {
  private QueryFindingsRefresh() {}

  /**
   * A blocking call the scan found statically, its chain starting at a route, is confirmed (high
   * confidence) when a trace measured that route waiting on an outside host; medium otherwise.
   */
  private static void confirmOutboundCalls(FindingRepository findings, List<Finding> all)
      throws SQLException {
    Set<String> measured = new HashSet<>();
    for (Finding f : all) {
      if (f.ruleId().equals(OutboundFindings.MEASURED) && OutboundFindings.routePath(f) != null) {
        measured.add(OutboundFindings.routePath(f));
      }
    }
    for (Finding f : all) {
      if (f.ruleId().equals(OutboundFindings.BLOCKING)) {
        List<String> chain = OutboundFindings.chain(f);
        Confidence wanted =
            !chain.isEmpty() && measured.contains(chain.get(0))
                ? Confidence.HIGH
                : Confidence.MEDIUM;
        if (f.confidence() != wanted) {
          findings.setConfidence(f.id(), wanted);
        }
      }
    }
  }

  /** Returns {new, unchanged, gone}; does nothing when no query data was ever imported. */
  public static int[] run(
      Connection c, long importId, Instant now, Path repo, ProgressListener listener)
      throws SQLException {
    try (QueryRepository queries = new QueryRepository(c)) {
      if (queries.sources().isEmpty()) {
        return new int[] {0, 0, 0};
      }
    }
    QueryAnalysis.Result result = QueryAnalysis.of(c, QueryAnalysis.DEFAULT_N_PLUS_ONE);
    // One read of the findings serves the N+1 hints and the outbound calls.
    List<Finding> current = new ArrayList<>();
    List<Finding> hints = new ArrayList<>();
    try (FindingRepository findings = new FindingRepository(c)) {
      for (Finding f : findings.all()) {
        if (!f.gone()) {
          current.add(f);
          if (f.ruleId().startsWith("nplusone.")) {
            hints.add(f);
          }
        }
      }
    }
    // A static hint the traffic proves (an N+1 on a route its view serves) is confirmed: high
    // confidence.
    Set<String> views = new HashSet<>();
    result.nPlusOnes().stream()
        .map(QueryAnalysis.NPlusOne::view)
        .filter(Objects::nonNull)
        .forEach(views::add);
    try (FindingRepository findings = new FindingRepository(c)) {
      for (Finding h : hints) {
        String symbol = h.location().symbol();
        boolean confirmed =
            symbol != null
                && views.stream().anyMatch(v -> symbol.equals(v) || symbol.startsWith(v + "."));
        Confidence wanted = confirmed ? Confidence.HIGH : Confidence.MEDIUM;
        if (h.confidence() != wanted) {
          findings.setConfidence(h.id(), wanted);
        }
      }
      confirmOutboundCalls(findings, current);
    }
    return FindingWriter.replaceDerived(
        c, QueryFindings.TOOL, importId, now, repo, listener, QueryFindings.of(result, hints));
  }
}
