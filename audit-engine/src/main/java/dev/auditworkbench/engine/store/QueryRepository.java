package dev.auditworkbench.engine.store;

import dev.auditworkbench.engine.spi.HttpEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What trace and access-log imports stored (schema V005): statistics, windows, plans, requests. */
public final class QueryRepository implements AutoCloseable {
  /** Statistics of one statement in one import. */
  public record StatsRow(
      long importId,
      String fingerprint,
      String normalized,
      String example,
      String tables,
      long calls,
      double totalMs,
      double maxMs,
      long rows,
      String histogram,
      String lines) {}

  /** One request window and its repeated statements. */
  public record WindowRow(
      long id,
      long importId,
      String session,
      long startMs,
      long endMs,
      int queries,
      double totalMs,
      String route) {}

  /** A statement a window ran three times or more. */
  public record RepeatRow(
      long windowId, String fingerprint, int count, double totalMs, String example) {}

  /** The slowest plan of a statement in one import. */
  public record PlanRow(
      long importId,
      String fingerprint,
      String example,
      double durationMs,
      String planJson,
      long line) {}

  /** One HTTP request. */
  public record RequestRow(long importId, HttpEvent event) {}

  /** An import that holds query or request data, with its format. */
  public record Source(
      long importId,
      String format,
      String fileName,
      long statements,
      long windows,
      long requests,
      long plans) {}

  private static final int BATCH = 500;
  private final Connection c;
  private PreparedStatement requests;
  private int pendingRequests;

  public QueryRepository(Connection c) {
    this.c = c;
  }

  /** Statements of this repository, prepared once each: an import writes thousands of windows. */
  private final Map<String, PreparedStatement> prepared = new HashMap<>();

  /** Runs an insert with the given parameters (null binds NULL); returns the new row's id. */
  private long insert(String sql, Object... params) throws SQLException {
    PreparedStatement ps = prepared.get(sql);
    if (ps == null) {
      ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
      prepared.put(sql, ps);
    }
    for (int i = 0; i < params.length; i++) {
      if (params[i] == null) {
        ps.setNull(i + 1, Types.VARCHAR);
      } else {
        ps.setObject(i + 1, params[i]);
      }
    }
    ps.executeUpdate();
    try (ResultSet keys = ps.getGeneratedKeys()) {
      return keys.next() ? keys.getLong(1) : -1;
    }
  }

  public void insertStats(
      long importId,
      String fingerprint,
      String normalized,
      String example,
      String tables,
      long calls,
      double totalMs,
      double maxMs,
      long rows,
      String histogram,
      String lines)
      throws SQLException {
    insert(
        "INSERT OR REPLACE INTO query_stats(import_id, fingerprint, normalized, example, tables, calls, total_ms,"
            + " max_ms, rows_n, histogram, lines) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        importId,
        fingerprint,
        normalized,
        example,
        tables,
        calls,
        totalMs,
        maxMs,
        rows,
        histogram,
        lines);
  }

  public long insertWindow(
      long importId,
      String session,
      long startMs,
      long endMs,
      int queries,
      double totalMs,
      String route)
      throws SQLException {
    return insert(
        "INSERT INTO query_window(import_id, session, start_ms, end_ms, queries, total_ms, route)"
            + " VALUES (?,?,?,?,?,?,?)",
        importId,
        session,
        startMs,
        endMs,
        queries,
        totalMs,
        route);
  }

  public void insertRepeat(
      long windowId, String fingerprint, int count, double totalMs, String example)
      throws SQLException {
    insert(
        "INSERT INTO query_repeat(window_id, fingerprint, count, total_ms, example) VALUES (?,?,?,?,?)",
        windowId,
        fingerprint,
        count,
        totalMs,
        example);
  }

  public void insertPlan(
      long importId, String fingerprint, String example, double durationMs, String json, long line)
      throws SQLException {
    insert(
        "INSERT OR REPLACE INTO query_plan(import_id, fingerprint, example, duration_ms, plan_json, line)"
            + " VALUES (?,?,?,?,?,?)",
        importId,
        fingerprint,
        example,
        durationMs,
        json,
        line);
  }

  public void insertRequest(long importId, HttpEvent e) throws SQLException {
    if (requests == null) {
      requests =
          c.prepareStatement(
              "INSERT INTO http_request(import_id, end_ms, end_precision_ms, duration_ms,"
                  + " method, path, route, status) VALUES (?,?,?,?,?,?,?,?)");
    }
    requests.setLong(1, importId);
    requests.setLong(2, e.endMs());
    requests.setInt(3, e.endPrecisionMs());
    requests.setDouble(4, e.durationMs());
    requests.setString(5, e.method());
    requests.setString(6, e.path());
    requests.setString(7, e.route());
    requests.setInt(8, e.status());
    requests.addBatch();
    if (++pendingRequests >= BATCH) {
      flush();
    }
  }

  public void flush() throws SQLException {
    if (requests != null && pendingRequests > 0) {
      requests.executeBatch();
      pendingRequests = 0;
    }
  }

  /** Imports holding query data, oldest first. */
  public List<Source> sources() throws SQLException {
    List<Source> out = new ArrayList<>();
    try (var ps =
            c.prepareStatement(
                "SELECT i.id, i.format, i.file_name,"
                    + " (SELECT count(*) FROM query_stats s WHERE s.import_id = i.id),"
                    + " (SELECT count(*) FROM query_window w WHERE w.import_id = i.id),"
                    + " (SELECT count(*) FROM http_request r WHERE r.import_id = i.id),"
                    + " (SELECT count(*) FROM query_plan p WHERE p.import_id = i.id)"
                    + " FROM imports i ORDER BY i.id");
        var rs = ps.executeQuery()) {
      while (rs.next()) {
        Source s =
            new Source(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getLong(7));
        if (s.statements() + s.windows() + s.requests() + s.plans() > 0) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /** Reads one row of a result set. */
  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Runs a query with the given parameters (longs or ints) and reads every row. */
  private <T> List<T> list(String sql, RowReader<T> reader, Object... params) throws SQLException {
    List<T> out = new ArrayList<>();
    try (var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(reader.read(rs));
        }
      }
    }
    return out;
  }

  public List<StatsRow> stats(long importId) throws SQLException {
    return list(
        "SELECT import_id, fingerprint, normalized, example, tables, calls, total_ms, max_ms, rows_n, histogram,"
            + " lines FROM query_stats WHERE import_id = ? ORDER BY total_ms DESC, fingerprint",
        rs ->
            new StatsRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getLong(6),
                rs.getDouble(7),
                rs.getDouble(8),
                rs.getLong(9),
                rs.getString(10),
                rs.getString(11)),
        importId);
  }

  public List<WindowRow> windows(long importId) throws SQLException {
    return list(
        "SELECT id, import_id, session, start_ms, end_ms, queries, total_ms, route FROM query_window"
            + " WHERE import_id = ? ORDER BY start_ms, id",
        rs ->
            new WindowRow(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getInt(6),
                rs.getDouble(7),
                rs.getString(8)),
        importId);
  }

  public List<RepeatRow> repeats(long importId, int minCount) throws SQLException {
    return list(
        "SELECT r.window_id, r.fingerprint, r.count, r.total_ms, r.example FROM query_repeat r"
            + " JOIN query_window w ON w.id = r.window_id WHERE w.import_id = ? AND r.count >= ?"
            + " ORDER BY r.window_id, r.fingerprint",
        rs ->
            new RepeatRow(
                rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getDouble(4), rs.getString(5)),
        importId,
        minCount);
  }

  public List<PlanRow> plans() throws SQLException {
    return list(
        "SELECT import_id, fingerprint, example, duration_ms, plan_json, line FROM query_plan"
            + " ORDER BY import_id, duration_ms DESC",
        rs ->
            new PlanRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getDouble(4),
                rs.getString(5),
                rs.getLong(6)));
  }

  public List<RequestRow> requests() throws SQLException {
    return list(
        "SELECT import_id, end_ms, end_precision_ms, duration_ms, method, path, route, status FROM http_request"
            + " ORDER BY import_id, rowid",
        rs ->
            new RequestRow(
                rs.getLong(1),
                new HttpEvent(
                    rs.getLong(2),
                    rs.getInt(3),
                    rs.getDouble(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getInt(8))));
  }

  @Override
  public void close() throws SQLException {
    if (requests != null) {
      requests.close();
    }
    for (PreparedStatement ps : prepared.values()) {
      ps.close();
    }
    prepared.clear();
  }
}
