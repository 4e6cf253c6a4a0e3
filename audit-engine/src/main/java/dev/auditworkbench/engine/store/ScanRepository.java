package dev.auditworkbench.engine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.auditworkbench.engine.model.ScanRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/** Repository scans and their facts (inventory, import graph, module metrics) as JSON documents. */
public final class ScanRepository {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final Connection c;

  public ScanRepository(Connection c) {
    this.c = c;
  }

  public long insert(ScanRecord s) throws SQLException {
    try (var ps =
        c.prepareStatement(
            "INSERT INTO scans(import_id, repo, commit_id, scanned_at, files, python_files, lines, code_lines,"
                + " parse_failures, millis) VALUES (?,?,?,?,?,?,?,?,?,?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, s.importId());
      ps.setString(2, s.repo());
      ps.setString(3, s.commitId());
      ps.setString(4, s.scannedAt().toString());
      ps.setInt(5, s.files());
      ps.setInt(6, s.pythonFiles());
      ps.setLong(7, s.lines());
      ps.setLong(8, s.codeLines());
      ps.setInt(9, s.parseFailures());
      ps.setLong(10, s.millis());
      ps.executeUpdate();
      try (var keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  public void saveFacts(long scanId, String kind, Object value) throws SQLException {
    String json;
    try {
      json = MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store " + kind, e);
    }
    try (var ps =
        c.prepareStatement(
            "INSERT OR REPLACE INTO scan_facts(scan_id, kind, json) VALUES (?, ?, ?)")) {
      ps.setLong(1, scanId);
      ps.setString(2, kind);
      ps.setString(3, json);
      ps.executeUpdate();
    }
  }

  public Optional<ScanRecord> latest() throws SQLException {
    try (var ps =
            c.prepareStatement(
                "SELECT id, import_id, repo, commit_id, scanned_at, files, python_files, lines, code_lines, parse_failures,"
                    + " millis FROM scans ORDER BY id DESC LIMIT 1");
        var rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new ScanRecord(
              rs.getLong(1),
              rs.getLong(2),
              rs.getString(3),
              rs.getString(4),
              Instant.parse(rs.getString(5)),
              rs.getInt(6),
              rs.getInt(7),
              rs.getLong(8),
              rs.getLong(9),
              rs.getInt(10),
              rs.getLong(11)));
    }
  }

  /**
   * The facts of the last scan made at or before an import ({@code importId}: a round's last
   * import), or empty when no scan was.
   */
  public <T> Optional<T> factsUpTo(String kind, long importId, Class<T> type) throws SQLException {
    try (var ps =
        c.prepareStatement(
            "SELECT json FROM scan_facts WHERE kind = ? AND scan_id ="
                + " (SELECT max(id) FROM scans WHERE import_id <= ?)")) {
      ps.setString(1, kind);
      ps.setLong(2, importId);
      try (var rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        try {
          return Optional.of(MAPPER.readValue(rs.getString(1), type));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("damaged scan facts of kind " + kind, e);
        }
      }
    }
  }

  /** The facts of the latest scan of the given kind, read as {@code type}. */
  public <T> Optional<T> latestFacts(String kind, Class<T> type) throws SQLException {
    return factsUpTo(kind, Long.MAX_VALUE, type);
  }
}
