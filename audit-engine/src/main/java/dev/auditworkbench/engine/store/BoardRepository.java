package dev.auditworkbench.engine.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The board's card order and the auditor's duplicate merges (schema V008), keyed by fingerprint.
 */
public final class BoardRepository {
  private final Connection c;

  public BoardRepository(Connection c) {
    this.c = c;
  }

  /** Fingerprint to rank within its column, for the findings the auditor placed by hand. */
  public Map<String, Integer> ranks() throws SQLException {
    Map<String, Integer> out = new HashMap<>();
    try (var ps = c.prepareStatement("SELECT fingerprint, rank FROM board_rank");
        var rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getInt(2));
      }
    }
    return out;
  }

  /** Sets these ranks; a null rank takes the finding back to the default order. */
  public void setRanks(Map<String, Integer> ranks) throws SQLException {
    try (var upsert =
            c.prepareStatement(
                "INSERT INTO board_rank(fingerprint, rank) VALUES (?, ?)"
                    + " ON CONFLICT(fingerprint) DO UPDATE SET rank = excluded.rank");
        var delete = c.prepareStatement("DELETE FROM board_rank WHERE fingerprint = ?")) {
      for (Map.Entry<String, Integer> e : ranks.entrySet()) {
        if (e.getValue() == null) {
          delete.setString(1, e.getKey());
          delete.addBatch();
        } else {
          upsert.setString(1, e.getKey());
          upsert.setInt(2, e.getValue());
          upsert.addBatch();
        }
      }
      upsert.executeBatch();
      delete.executeBatch();
    }
  }

  /** Fingerprint of a merged-away finding to the fingerprint of the one it was merged into. */
  public Map<String, String> duplicates() throws SQLException {
    Map<String, String> out = new HashMap<>();
    try (var ps = c.prepareStatement("SELECT fingerprint, kept FROM duplicate_of");
        var rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  /**
   * Records {@code duplicate} as merged into {@code kept}, or undoes that with a null {@code kept}.
   */
  public void setDuplicateOf(String duplicate, String kept) throws SQLException {
    if (kept == null) {
      try (var ps = c.prepareStatement("DELETE FROM duplicate_of WHERE fingerprint = ?")) {
        ps.setString(1, duplicate);
        ps.executeUpdate();
      }
      return;
    }
    try (var ps =
        c.prepareStatement(
            "INSERT INTO duplicate_of(fingerprint, kept) VALUES (?, ?)"
                + " ON CONFLICT(fingerprint) DO UPDATE SET kept = excluded.kept")) {
      ps.setString(1, duplicate);
      ps.setString(2, kept);
      ps.executeUpdate();
    }
  }
}
