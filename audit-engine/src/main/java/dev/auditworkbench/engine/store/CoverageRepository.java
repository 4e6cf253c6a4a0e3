package dev.auditworkbench.engine.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Test coverage per file, from coverage imports; the latest import that measured a file wins. */
public final class CoverageRepository {
  /** One file's coverage. */
  public record FileCoverage(
      String path, boolean inRepo, int statements, int covered, int branches, int coveredBranches) {
    public double percent() {
      return statements == 0 ? 100.0 : 100.0 * covered / statements;
    }
  }

  private final Connection c;

  public CoverageRepository(Connection c) {
    this.c = c;
  }

  public void save(
      long importId,
      String path,
      boolean inRepo,
      int statements,
      int covered,
      int branches,
      int coveredBranches)
      throws SQLException {
    try (var ps =
        c.prepareStatement(
            "INSERT OR REPLACE INTO file_coverage(import_id, path, in_repo, statements, covered, branches, covered_branches)"
                + " VALUES (?,?,?,?,?,?,?)")) {
      ps.setLong(1, importId);
      ps.setString(2, path);
      ps.setInt(3, inRepo ? 1 : 0);
      ps.setInt(4, statements);
      ps.setInt(5, covered);
      ps.setInt(6, branches);
      ps.setInt(7, coveredBranches);
      ps.executeUpdate();
    }
  }

  /** The newest import's row per path; the per-row lookup of that import must use an index. */
  static final String LATEST =
      "SELECT f.path, f.in_repo, f.statements, f.covered, f.branches, f.covered_branches FROM file_coverage f"
          + " WHERE f.import_id = (SELECT max(g.import_id) FROM file_coverage g WHERE g.path = f.path)"
          + " ORDER BY f.path";

  /** Every file's coverage from the newest import that measured it, by path. */
  public List<FileCoverage> latest() throws SQLException {
    List<FileCoverage> out = new ArrayList<>();
    try (var ps = c.prepareStatement(LATEST);
        var rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new FileCoverage(
                rs.getString(1),
                rs.getInt(2) == 1,
                rs.getInt(3),
                rs.getInt(4),
                rs.getInt(5),
                rs.getInt(6)));
      }
    }
    return out;
  }
}
