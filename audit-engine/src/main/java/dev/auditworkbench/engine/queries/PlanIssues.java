package dev.auditworkbench.engine.queries;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.store.QueryRepository;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The problems EXPLAIN plans show (sequential scans with a filter, filters after an index, ...) and
 * what to do about them; one part of {@link QueryAnalysis}.
 */
final class PlanIssues {
  private final QueryRepository repo;
  private final Function<String, Optional<DjangoInventory.Model>> modelOf;

  PlanIssues(QueryRepository repo, Function<String, Optional<DjangoInventory.Model>> modelOf) {
    this.repo = repo;
    this.modelOf = modelOf;
  }

  /** Every plan problem of the imported EXPLAIN plans, with its suggestion. */
  List<QueryAnalysis.PlanIssue> all() throws SQLException {
    Map<String, QueryAnalysis.PlanIssue> out = new LinkedHashMap<>();
    for (QueryRepository.PlanRow p : repo.plans()) {
      PlanNode root;
      try {
        root = PlanNode.parse(p.planJson());
      } catch (IllegalArgumentException e) {
        continue;
      }
      boolean[] limited = {false};
      root.walk(n -> limited[0] |= n.nodeType().equals("Limit"));
      root.walk(
          n ->
              issues(n, p, limited[0])
                  .forEach(
                      i ->
                          out.putIfAbsent(
                              i.kind() + "|" + i.relation() + "|" + i.suggestion(), i)));
    }
    return new ArrayList<>(out.values());
  }

  private List<QueryAnalysis.PlanIssue> issues(
      PlanNode n, QueryRepository.PlanRow p, boolean limited) {
    List<QueryAnalysis.PlanIssue> out = new ArrayList<>();
    long loops = Math.max(1, n.loops());
    long removed = n.removedByFilter() * loops;
    double rows = Math.max(0, n.actualRows()) * loops;
    if (n.relation() != null && n.filter() != null && removed >= 1000 && removed >= 10 * rows) {
      boolean seq = n.nodeType().equals("Seq Scan");
      Optional<IndexAdvice.Advice> advice =
          IndexAdvice.of(n.relation(), n.filter(), seq ? null : n.indexCond());
      if (advice.isPresent()) {
        IndexAdvice.Advice a = advice.get();
        Optional<DjangoInventory.Model> model = modelOf.apply(n.relation());
        List<IndexAdvice.Part> parts = a.parts();
        DjangoInventory.Field field =
            model
                .flatMap(m -> IndexAdvice.fieldOf(m, parts.get(parts.size() - 1).column()))
                .orElse(null);
        String detail =
            String.format(
                    Locale.ROOT,
                    "%s on %s reads %,d rows to keep %,.0f (filter %s%s)%s",
                    n.nodeType(),
                    n.relation(),
                    removed + (long) rows,
                    rows,
                    n.filter(),
                    seq ? "" : "; index condition " + n.indexCond(),
                    a.rewrite() == null ? "" : "; " + a.rewrite())
                + IndexAdvice.statusNote(a).map(note -> "; " + note).orElse("");
        out.add(
            new QueryAnalysis.PlanIssue(
                seq ? "seq-scan" : "filter-after-index",
                n.relation(),
                model.map(DjangoInventory.Model::qualname).orElse(null),
                detail,
                a.statement(),
                model.map(DjangoInventory.Model::path).orElse(null),
                field != null && parts.size() == 1
                    ? field.line()
                    : model.map(DjangoInventory.Model::line).orElse(0),
                p.durationMs(),
                p.example(),
                removed + (long) rows,
                (long) rows,
                model.map(m -> IndexAdvice.django(m, a)).orElse(null)));
      }
    }
    double planned = Math.max(1, n.planRows());
    double actual = Math.max(1, n.actualRows());
    // Under a LIMIT, nodes stop early by design: fewer rows than planned is no misestimate there.
    boolean stoppedEarly = limited && actual < planned;
    if (!stoppedEarly
        && n.actualRows() >= 0
        && Math.max(planned, actual) >= 1000
        && Math.max(planned / actual, actual / planned) >= 10) {
      out.add(
          new QueryAnalysis.PlanIssue(
              "misestimate",
              n.relation(),
              null,
              String.format(
                  Locale.ROOT,
                  "%s%s: planned %,.0f rows, got %,.0f (x%.0f)",
                  n.nodeType(),
                  n.relation() == null ? "" : " on " + n.relation(),
                  n.planRows(),
                  n.actualRows(),
                  Math.max(planned / actual, actual / planned)),
              "ANALYZE the table, or raise its statistics target (ALTER TABLE ... ALTER COLUMN ... SET STATISTICS 1000)",
              null,
              0,
              p.durationMs(),
              p.example(),
              -1,
              -1,
              null));
    }
    if ("Disk".equals(n.sortSpaceType()) || n.hashBatches() > 1) {
      out.add(
          new QueryAnalysis.PlanIssue(
              "spill",
              n.relation(),
              null,
              n.nodeType()
                  + " spilled to disk"
                  + (n.sortMethod() == null ? "" : " (" + n.sortMethod() + ")")
                  + (n.hashBatches() > 1 ? " in " + n.hashBatches() + " batches" : ""),
              "raise work_mem for this query (SET LOCAL work_mem) or sort less (an index in the ORDER BY's order)",
              null,
              0,
              p.durationMs(),
              p.example(),
              -1,
              -1,
              null));
    }
    return out;
  }
}
