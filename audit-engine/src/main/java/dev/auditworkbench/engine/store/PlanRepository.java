package dev.auditworkbench.engine.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The auditor's work groups and phase overrides (schema V006). */
public final class PlanRepository {
  private final Connection c;

  public PlanRepository(Connection c) {
    this.c = c;
  }

  /** Puts a finding into the named work item (or takes it out with a null name). */
  public void group(String fingerprint, String name) throws SQLException {
    if (name == null) {
      try (var ps = c.prepareStatement("DELETE FROM work_group WHERE fingerprint = ?")) {
        ps.setString(1, fingerprint);
        ps.executeUpdate();
      }
      return;
    }
    try (var ps =
        c.prepareStatement(
            "INSERT INTO work_group(fingerprint, name) VALUES (?, ?)"
                + " ON CONFLICT(fingerprint) DO UPDATE SET name = excluded.name")) {
      ps.setString(1, fingerprint);
      ps.setString(2, name);
      ps.executeUpdate();
    }
  }

  /** Fingerprint to work-item name. */
  public Map<String, String> groups() throws SQLException {
    return pairs("SELECT fingerprint, name FROM work_group ORDER BY fingerprint");
  }

  /** Places a work item in a phase, or back under the rules with a null phase. */
  public void phase(String item, String phase) throws SQLException {
    if (phase == null) {
      try (var ps = c.prepareStatement("DELETE FROM phase_override WHERE item = ?")) {
        ps.setString(1, item);
        ps.executeUpdate();
      }
      return;
    }
    try (var ps =
        c.prepareStatement(
            "INSERT INTO phase_override(item, phase) VALUES (?, ?)"
                + " ON CONFLICT(item) DO UPDATE SET phase = excluded.phase")) {
      ps.setString(1, item);
      ps.setString(2, phase);
      ps.executeUpdate();
    }
  }

  /** Work-item key to phase name. */
  public Map<String, String> phases() throws SQLException {
    return pairs("SELECT item, phase FROM phase_override ORDER BY item");
  }

  private Map<String, String> pairs(String sql) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (var ps = c.prepareStatement(sql);
        var rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }
}
