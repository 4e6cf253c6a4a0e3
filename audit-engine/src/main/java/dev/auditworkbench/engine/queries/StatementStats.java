package dev.auditworkbench.engine.queries;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.store.QueryRepository;
import dev.auditworkbench.engine.store.QueryRepository.Source;
import dev.auditworkbench.engine.store.QueryRepository.StatsRow;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Statement statistics: captures summed per fingerprint (histograms merged), then each statement's
 * calls, time, share, p95 and max, and the model of its first table, ranked by total time.
 */
final class StatementStats {
  private final QueryRepository repo;
  private final Function<String, Optional<DjangoInventory.Model>> modelOf;

  StatementStats(QueryRepository repo, Function<String, Optional<DjangoInventory.Model>> modelOf) {
    this.repo = repo;
    this.modelOf = modelOf;
  }

  /** Statement statistics of several captures, summed per fingerprint (histograms merged). */
  List<StatsRow> merged(List<Source> sources) throws SQLException {
    if (sources.size() == 1) {
      return repo.stats(sources.get(0).importId());
    }
    Map<String, StatsRow> out = new LinkedHashMap<>();
    for (Source s : sources) {
      for (StatsRow r : repo.stats(s.importId())) {
        StatsRow had = out.get(r.fingerprint());
        if (had == null) {
          out.put(r.fingerprint(), r);
          continue;
        }
        String histogram = had.histogram();
        if (had.histogram() != null && r.histogram() != null) {
          LatencyHistogram h = LatencyHistogram.decode(had.histogram());
          h.addAll(LatencyHistogram.decode(r.histogram()));
          histogram = h.encode();
        }
        out.put(
            r.fingerprint(),
            new StatsRow(
                had.importId(),
                had.fingerprint(),
                had.normalized(),
                had.example(),
                had.tables(),
                had.calls() + r.calls(),
                had.totalMs() + r.totalMs(),
                Math.max(had.maxMs(), r.maxMs()),
                had.rows() < 0 || r.rows() < 0 ? -1 : had.rows() + r.rows(),
                histogram,
                had.lines()));
      }
    }
    return new ArrayList<>(out.values());
  }

  List<QueryAnalysis.Statement> statements(List<StatsRow> rows) {
    double total = rows.stream().mapToDouble(StatsRow::totalMs).sum();
    List<QueryAnalysis.Statement> out = new ArrayList<>();
    for (StatsRow r : rows) {
      List<String> tables = r.tables().isEmpty() ? List.of() : List.of(r.tables().split(","));
      double p95 =
          r.histogram() == null
              ? Double.NaN
              : LatencyHistogram.decode(r.histogram()).quantile(0.95, r.maxMs());
      out.add(
          new QueryAnalysis.Statement(
              r.fingerprint(),
              r.normalized(),
              r.example(),
              tables,
              tables.isEmpty()
                  ? null
                  : modelOf.apply(tables.get(0)).map(DjangoInventory.Model::qualname).orElse(null),
              r.calls(),
              r.totalMs(),
              r.calls() == 0 ? 0 : r.totalMs() / r.calls(),
              p95,
              r.maxMs(),
              r.rows(),
              total == 0 ? 0 : r.totalMs() / total,
              r.importId(),
              r.lines()));
    }
    out.sort(
        Comparator.comparingDouble(QueryAnalysis.Statement::totalMs)
            .reversed()
            .thenComparing(QueryAnalysis.Statement::fingerprint));
    return out;
  }
}
