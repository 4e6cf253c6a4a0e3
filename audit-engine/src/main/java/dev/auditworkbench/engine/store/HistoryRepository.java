package dev.auditworkbench.engine.store;

import dev.auditworkbench.engine.model.TriageChange;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What changed on a finding, when, and through which action. Append-only. */
public final class HistoryRepository {

  /** One change of one field. */
  private final Connection c;

  public HistoryRepository(Connection c) {
    this.c = c;
  }

  public void append(TriageChange change) throws SQLException {
    try (var ps =
        c.prepareStatement(
            "INSERT INTO finding_history(finding_id, at, field, old_value, new_value, origin)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, change.findingId());
      ps.setString(2, change.at().toString());
      ps.setString(3, change.field());
      ps.setString(4, change.oldValue());
      ps.setString(5, change.newValue());
      ps.setString(6, change.origin());
      ps.executeUpdate();
    }
  }

  public List<TriageChange> of(long findingId) throws SQLException {
    List<TriageChange> out = new ArrayList<>();
    try (var ps =
        c.prepareStatement(
            "SELECT finding_id, at, field, old_value, new_value, origin FROM finding_history"
                + " WHERE finding_id = ? ORDER BY id")) {
      ps.setLong(1, findingId);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new TriageChange(
                  rs.getLong(1),
                  Instant.parse(rs.getString(2)),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6)));
        }
      }
    }
    return out;
  }
}
