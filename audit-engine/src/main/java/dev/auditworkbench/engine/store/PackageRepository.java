package dev.auditworkbench.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Installed packages with a newer release, from the latest {@code pip list --outdated} import
 * (schema V009).
 */
public final class PackageRepository {
  /**
   * One package: the version installed in the client's environment and the newest the index had.
   */
  public record Release(String name, String installed, String latest) {}

  private final Connection c;
  private PreparedStatement insert;

  public PackageRepository(Connection c) {
    this.c = c;
  }

  public void save(long importId, Release r) throws SQLException {
    if (insert == null) {
      insert =
          c.prepareStatement(
              "INSERT INTO package_releases(import_id, name, installed, latest) VALUES (?, ?, ?, ?)"
                  + " ON CONFLICT(import_id, name) DO UPDATE SET installed = excluded.installed, latest = excluded.latest");
    }
    insert.setLong(1, importId);
    insert.setString(2, r.name());
    insert.setString(3, r.installed());
    insert.setString(4, r.latest());
    insert.executeUpdate();
  }

  /** Canonical name to release, from the newest import that listed any; empty when none did. */
  public Map<String, Release> latest() throws SQLException {
    Map<String, Release> out = new LinkedHashMap<>();
    try (var ps =
            c.prepareStatement(
                "SELECT name, installed, latest FROM package_releases"
                    + " WHERE import_id = (SELECT max(import_id) FROM package_releases) ORDER BY name");
        var rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), new Release(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    }
    return out;
  }
}
