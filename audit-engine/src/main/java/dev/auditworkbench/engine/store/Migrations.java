package dev.auditworkbench.engine.store;

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
      List.of("V001__init.sql", "V002__finding_history.sql", "V003__repo_scans.sql", "V004__file_coverage.sql",
          "V005__query_traces.sql", "V006__plan.sql", "V007__query_lines.sql", "V008__board.sql",
          "V009__package_releases.sql", "V010__lookup_indexes.sql");

  static final int LATEST = SCRIPTS.size();

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
