package dev.auditworkbench.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The packages installed in the client's environment, from the latest pipdeptree import (schema
 * V012): what runs, with the Django requirement each installed release declares.
 */
public final class InstalledPackageRepository {
  /**
   * One installed package: its PEP 503 name, version, the Django requirement it declares (null when
   * none) and the file it was imported from.
   */
  public record Installed(String name, String version, String djangoRequirement, String source) {}

  private final Connection c;
  private PreparedStatement insert;

  public InstalledPackageRepository(Connection c) {
    this.c = c;
  }

  public void save(long importId, String name, String version, String djangoRequirement)
      throws SQLException {
    if (insert == null) {
      insert =
          c.prepareStatement(
              "INSERT INTO installed_packages(import_id, name, version, django_requirement)"
                  + " VALUES (?, ?, ?, ?) ON CONFLICT(import_id, name) DO UPDATE SET"
                  + " version = excluded.version, django_requirement = excluded.django_requirement");
    }
    insert.setLong(1, importId);
    insert.setString(2, name);
    insert.setString(3, version);
    insert.setString(4, djangoRequirement);
    insert.executeUpdate();
  }

  /** Canonical name to package, from the newest import that listed any; empty when none did. */
  public Map<String, Installed> latest() throws SQLException {
    Map<String, Installed> out = new LinkedHashMap<>();
    try (var ps =
            c.prepareStatement(
                "SELECT p.name, p.version, p.django_requirement, i.file_name"
                    + " FROM installed_packages p JOIN imports i ON i.id = p.import_id"
                    + " WHERE p.import_id = (SELECT max(import_id) FROM installed_packages)"
                    + " ORDER BY p.name");
        var rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(
            rs.getString(1),
            new Installed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
      }
    }
    return out;
  }
}
