package dev.auditworkbench.engine.store;

import dev.auditworkbench.engine.model.Round;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The rounds of an engagement (schema V013), the baseline first. */
public final class RoundRepository {
  private final Connection c;

  public RoundRepository(Connection c) {
    this.c = c;
  }

  /**
   * Opens a round: what is imported from now on belongs to it.
   *
   * @throws IllegalArgumentException when the name is blank or taken ("baseline" is)
   */
  public Round open(String name, Instant now) throws SQLException {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) {
      throw new IllegalArgumentException("a round needs a name, such as \"after sprint 2\"");
    }
    for (Round r : all()) {
      if (r.name().toLowerCase(Locale.ROOT).equals(n.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("there is already a round named '" + r.name() + "'");
      }
    }
    try (var ps =
        c.prepareStatement(
            "INSERT INTO rounds(name, created_at, after_import_id)"
                + " VALUES (?, ?, (SELECT coalesce(max(id), 0) FROM imports))")) {
      ps.setString(1, n);
      ps.setString(2, now.toString());
      ps.executeUpdate();
    }
    List<Round> all = all();
    return all.get(all.size() - 1);
  }

  /** The baseline, then every round in the order they were opened. */
  public List<Round> all() throws SQLException {
    long lastImport;
    Instant first;
    try (var st = c.createStatement();
        var rs = st.executeQuery("SELECT coalesce(max(id), 0), min(imported_at) FROM imports")) {
      rs.next();
      lastImport = rs.getLong(1);
      first = rs.getString(2) == null ? Instant.EPOCH : Instant.parse(rs.getString(2));
    }
    List<Object[]> rows = new ArrayList<>();
    try (var st = c.createStatement();
        var rs =
            st.executeQuery("SELECT name, created_at, after_import_id FROM rounds ORDER BY id")) {
      while (rs.next()) {
        rows.add(new Object[] {rs.getString(1), Instant.parse(rs.getString(2)), rs.getLong(3)});
      }
    }
    List<Round> out = new ArrayList<>();
    long after = 0;
    String name = Round.BASELINE;
    Instant created = first;
    for (int i = 0; i <= rows.size(); i++) {
      long end = i < rows.size() ? (long) rows.get(i)[2] : lastImport;
      out.add(new Round(i, name, created, after, Math.max(after, end)));
      if (i < rows.size()) {
        name = (String) rows.get(i)[0];
        created = (Instant) rows.get(i)[1];
        after = (long) rows.get(i)[2];
      }
    }
    return out;
  }

  /** A round by its number or name (case-insensitive). */
  public Optional<Round> find(String numberOrName) throws SQLException {
    String key = numberOrName.strip().toLowerCase(Locale.ROOT);
    for (Round r : all()) {
      if (String.valueOf(r.number()).equals(key) || r.name().toLowerCase(Locale.ROOT).equals(key)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
