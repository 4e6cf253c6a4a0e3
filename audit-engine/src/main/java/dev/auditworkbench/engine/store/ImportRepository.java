package dev.auditworkbench.engine.store;

import dev.auditworkbench.engine.model.ImportRecord;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The record of every input imported into the project. */
public final class ImportRepository {
  private static final String COLUMNS =
      "id, file_name, sha256, format, tool, tool_version, imported_at, records_read, new_count,"
          + " unchanged_count, gone_count, warnings";

  private final Connection c;

  public ImportRepository(Connection c) {
    this.c = c;
  }

  /** Starts an import record; its counts are filled by {@link #finish}. */
  public long begin(
      String fileName, String filePath, String sha256, String format, String tool, Instant at)
      throws SQLException {
    try (var ps =
        c.prepareStatement(
            "INSERT INTO imports(file_name, file_path, sha256, format, tool, imported_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, fileName);
      ps.setString(2, filePath);
      ps.setString(3, sha256);
      ps.setString(4, format);
      ps.setString(5, tool);
      ps.setString(6, at.toString());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** The import's file hash, written once known (it is computed while the file is read). */
  public void setSha256(long id, String sha256) throws SQLException {
    try (var ps = c.prepareStatement("UPDATE imports SET sha256 = ? WHERE id = ?")) {
      ps.setString(1, sha256);
      ps.setLong(2, id);
      ps.executeUpdate();
    }
  }

  public void finish(
      long id,
      String tool,
      String toolVersion,
      long recordsRead,
      int newCount,
      int unchangedCount,
      int goneCount,
      List<String> warnings)
      throws SQLException {
    try (var ps =
        c.prepareStatement(
            "UPDATE imports SET tool = ?, tool_version = ?, records_read = ?, new_count = ?,"
                + " unchanged_count = ?, gone_count = ?, warnings = ? WHERE id = ?")) {
      ps.setString(1, tool);
      ps.setString(2, toolVersion);
      ps.setLong(3, recordsRead);
      ps.setInt(4, newCount);
      ps.setInt(5, unchangedCount);
      ps.setInt(6, goneCount);
      ps.setString(7, Json.write(warnings));
      ps.setLong(8, id);
      ps.executeUpdate();
    }
  }

  /** An earlier import of byte-identical content read as the same format. */
  public Optional<ImportRecord> findSame(String sha256, String format) throws SQLException {
    try (var ps =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM imports WHERE sha256 = ? AND format = ? ORDER BY id LIMIT 1")) {
      ps.setString(1, sha256);
      ps.setString(2, format);
      try (var rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    }
  }

  public Optional<ImportRecord> byId(long id) throws SQLException {
    try (var ps = c.prepareStatement("SELECT " + COLUMNS + " FROM imports WHERE id = ?")) {
      ps.setLong(1, id);
      try (var rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    }
  }

  public List<ImportRecord> all() throws SQLException {
    List<ImportRecord> out = new ArrayList<>();
    try (var ps = c.prepareStatement("SELECT " + COLUMNS + " FROM imports ORDER BY id");
        var rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(map(rs));
      }
    }
    return out;
  }

  private static ImportRecord map(ResultSet rs) throws SQLException {
    return new ImportRecord(
        rs.getLong("id"),
        rs.getString("file_name"),
        rs.getString("sha256"),
        rs.getString("format"),
        rs.getString("tool"),
        rs.getString("tool_version"),
        Instant.parse(rs.getString("imported_at")),
        rs.getLong("records_read"),
        rs.getInt("new_count"),
        rs.getInt("unchanged_count"),
        rs.getInt("gone_count"),
        Json.strings(rs.getString("warnings")));
  }
}
