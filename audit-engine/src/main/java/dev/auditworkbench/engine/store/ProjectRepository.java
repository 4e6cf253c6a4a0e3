package dev.auditworkbench.engine.store;

import dev.auditworkbench.engine.model.ProjectInfo;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The project's metadata: client, engagement, auditor, repository. */
public final class ProjectRepository {
  private final Connection c;

  public ProjectRepository(Connection c) {
    this.c = c;
  }

  void saveInfo(ProjectInfo info, Instant createdAt) throws SQLException {
    put("client", info.client());
    put("engagement", info.engagement());
    put("auditor", info.auditor());
    put("repo", info.repo() == null ? "" : info.repo().toString());
    put("created_at", createdAt.toString());
  }

  public void put(String key, String value) throws SQLException {
    try (var ps =
        c.prepareStatement(
            "INSERT INTO project(key, value) VALUES (?, ?) "
                + "ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
      ps.setString(1, key);
      ps.setString(2, value);
      ps.executeUpdate();
    }
  }

  public Map<String, String> all() throws SQLException {
    Map<String, String> out = new HashMap<>();
    try (var ps = c.prepareStatement("SELECT key, value FROM project");
        var rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  public ProjectInfo info() throws SQLException {
    Map<String, String> m = all();
    String repo = m.getOrDefault("repo", "");
    return new ProjectInfo(
        m.get("client"),
        m.get("engagement"),
        m.get("auditor"),
        repo.isEmpty() ? null : Path.of(repo));
  }
}
