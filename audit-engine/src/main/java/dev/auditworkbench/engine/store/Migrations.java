package dev.auditworkbench.engine.store;

import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.spi.SecretDetector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbered schema scripts; the file's {@code PRAGMA user_version} says how many have run. Scripts
 * are never edited once released: a change is a new script.
 */
final class Migrations {
  static final List<String> SCRIPTS =
      List.of(
          "V001__init.sql",
          "V002__finding_history.sql",
          "V003__repo_scans.sql",
          "V004__file_coverage.sql",
          "V005__query_traces.sql",
          "V006__plan.sql",
          "V007__query_lines.sql",
          "V008__board.sql",
          "V009__package_releases.sql",
          "V010__lookup_indexes.sql",
          "V011__mask_stored_secrets.sql",
          "V012__installed_packages.sql",
          "V013__rounds.sql");

  static final int LATEST = SCRIPTS.size();

  /**
   * The version whose step is Java, not SQL: texts stored before imports masked secrets are masked.
   */
  private static final int MASK_STORED_SECRETS = 11;

  private Migrations() {}

  /** Runs scripts {@code from+1 .. to} in one transaction and sets user_version to {@code to}. */
  static void migrate(Connection c, int from, int to) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      for (int v = from + 1; v <= to; v++) {
        for (String sql : statements(SCRIPTS.get(v - 1))) {
          st.execute(sql);
        }
        if (v == MASK_STORED_SECRETS) {
          maskStoredSecrets(c);
        }
      }
      st.execute("PRAGMA user_version = " + to);
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  /** Whether the step to this version is Java (its script only says so). */
  static boolean javaStep(int version) {
    return version == MASK_STORED_SECRETS;
  }

  /**
   * Masks, with the shared detector, the secrets in what earlier versions stored unmasked from
   * tools that are not secret scanners (titles, descriptions, symbols, evidence).
   */
  private static void maskStoredSecrets(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        var rs = st.executeQuery("SELECT id, title, description, symbol, evidence FROM findings");
        var update =
            c.prepareStatement(
                "UPDATE findings SET title = ?, description = ?, symbol = ?, evidence = ?"
                    + " WHERE id = ?")) {
      while (rs.next()) {
        String[] before = {rs.getString(2), rs.getString(3), rs.getString(4)};
        String[] after = new String[3];
        boolean changed = false;
        for (int i = 0; i < 3; i++) {
          after[i] = SecretDetector.maskText(before[i]);
          changed |= after[i] != null && !after[i].equals(before[i]);
        }
        String evidence = rs.getString(5);
        String maskedEvidence = evidence;
        try {
          List<Evidence> items =
              Json.evidence(evidence).stream()
                  .map(e -> new Evidence(e.kind(), SecretDetector.maskText(e.text())))
                  .toList();
          maskedEvidence = Json.write(items);
          changed |= !items.equals(Json.evidence(evidence));
        } catch (RuntimeException e) {
          // unreadable evidence stays as it is; reading it shows a placeholder
        }
        if (changed) {
          update.setString(1, after[0]);
          update.setString(2, after[1]);
          update.setString(3, after[2]);
          update.setString(4, maskedEvidence);
          update.setLong(5, rs.getLong(1));
          update.addBatch();
        }
      }
      update.executeBatch();
    }
  }

  static int userVersion(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        var rs = st.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /** Splits a script on semicolons that end a line; scripts hold no triggers or string ';'. */
  static List<String> statements(String script) {
    String text = read(script);
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        out.add(current.toString().strip());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalStateException(script + " ends without ';'");
    }
    return out;
  }

  private static String read(String script) {
    try (InputStream in = Migrations.class.getResourceAsStream("db/" + script)) {
      if (in == null) {
        throw new IllegalStateException("missing migration script " + script);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration script " + script, e);
    }
  }
}
