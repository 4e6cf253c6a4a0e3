package dev.auditworkbench.engine.store;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.CweFamily;
import dev.auditworkbench.engine.model.DismissReason;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.FindingTally;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Location;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.SourceRef;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.model.Triage;
import dev.auditworkbench.engine.spi.RawFinding;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Findings and the tools that reported them. What tools say (title, severity, location, evidence)
 * is refreshed by every import; what the auditor decided (status, overrides, notes, tags) is only
 * written by triage.
 */
public final class FindingRepository implements AutoCloseable {
  /** The columns {@link RawRow} reads, by position: keep the two in step. */
  private static final String COLUMNS =
      "id, fingerprint, rule_id, title, description, category, severity, confidence, path,"
          + " start_line, end_line, symbol, path_in_repo, evidence, cwe, owasp, status,"
          + " dismiss_reason, impact_default, impact_override, effort_default_hours,"
          + " effort_override_hours, notes, tags, first_seen_at, last_seen_at, gone_since_import";

  /** Most severe first, then by place in the code. */
  public static final Comparator<Finding> DISPLAY_ORDER =
      Comparator.comparing(Finding::severity)
          .thenComparing(f -> f.location().path() == null ? "" : f.location().path())
          .thenComparingInt(f -> f.location().startLine())
          .thenComparing(Finding::fingerprint);

  private final Connection c;
  private PreparedStatement byFingerprint;
  private PreparedStatement insert;
  private PreparedStatement refresh;
  private PreparedStatement source;
  private PreparedStatement samePlace;

  public FindingRepository(Connection c) {
    this.c = c;
  }

  public OptionalLong idOf(String fingerprint) throws SQLException {
    if (byFingerprint == null) {
      byFingerprint = c.prepareStatement("SELECT id FROM findings WHERE fingerprint = ?");
    }
    byFingerprint.setString(1, fingerprint);
    try (ResultSet rs = byFingerprint.executeQuery()) {
      return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
    }
  }

  /**
   * Findings of other tools at a path and line; runs once per imported result, so it must use an
   * index.
   */
  static final String SAME_PLACE =
      "SELECT f.id, f.cwe FROM findings f WHERE f.path = ? AND f.start_line = ? AND f.category = ?"
          + " AND EXISTS (SELECT 1 FROM finding_sources s WHERE s.finding_id = f.id AND s.tool <> ?) ORDER BY f.id";

  /**
   * A finding of another tool at the same place that shares a CWE (or a CWE of its family, {@link
   * dev.auditworkbench.engine.model.CweFamily}) with {@code raw}: the same problem reported twice.
   * Only findings with a path and a line are matched.
   */
  public OptionalLong sameProblemElsewhere(RawFinding raw, Location loc, String tool)
      throws SQLException {
    if (loc.path() == null || loc.startLine() == 0 || raw.cwe().isEmpty()) {
      return OptionalLong.empty();
    }
    if (samePlace == null) {
      samePlace = c.prepareStatement(SAME_PLACE);
    }
    samePlace.setString(1, loc.path());
    samePlace.setInt(2, loc.startLine());
    samePlace.setString(3, raw.category().name());
    samePlace.setString(4, tool);
    try (var rs = samePlace.executeQuery()) {
      while (rs.next()) {
        for (int cwe : Json.ints(rs.getString(2))) {
          if (CweFamily.sameAsAny(cwe, raw.cwe())) {
            return OptionalLong.of(rs.getLong(1));
          }
        }
      }
    }
    return OptionalLong.empty();
  }

  /**
   * A finding of another tool, still reported, whose rule is one of {@code ruleKeys} (the same
   * Django setting under another tool's rule): the first one, with whether it has a path.
   */
  public Optional<long[]> sameRuleOtherTool(List<String> ruleKeys, String tool)
      throws SQLException {
    if (ruleKeys.isEmpty()) {
      return Optional.empty();
    }
    String marks = String.join(", ", Collections.nCopies(ruleKeys.size(), "?"));
    try (var ps =
        c.prepareStatement(
            "SELECT f.id, f.path IS NOT NULL FROM findings f WHERE f.rule_id IN ("
                + marks
                + ")"
                + " AND f.gone_since_import IS NULL"
                + " AND EXISTS (SELECT 1 FROM finding_sources s WHERE s.finding_id = f.id AND s.tool <> ?) ORDER BY f.id")) {
      int i = 1;
      for (String k : ruleKeys) {
        ps.setString(i++, k);
      }
      ps.setString(i, tool);
      try (var rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new long[] {rs.getLong(1), rs.getInt(2)}) : Optional.empty();
      }
    }
  }

  /** Whether {@code tool} already reported this finding in an earlier import. */
  public boolean reportedBy(long findingId, String tool) throws SQLException {
    try (var ps =
        c.prepareStatement("SELECT 1 FROM finding_sources WHERE finding_id = ? AND tool = ?")) {
      ps.setLong(1, findingId);
      ps.setString(2, tool);
      try (var rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Marks a finding as seen by this import without changing what the first tool said. */
  public void touch(long id, long importId, Instant at) throws SQLException {
    try (var ps =
        c.prepareStatement(
            "UPDATE findings SET last_seen_import = ?, last_seen_at = ?, gone_since_import = NULL WHERE id = ?")) {
      ps.setLong(1, importId);
      ps.setString(2, at.toString());
      ps.setLong(3, id);
      ps.executeUpdate();
    }
  }

  /** Stores a finding seen for the first time, in the Inbox. */
  public long insert(String fingerprint, RawFinding raw, Location loc, long importId, Instant at)
      throws SQLException {
    if (insert == null) {
      insert =
          c.prepareStatement(
              "INSERT INTO findings(fingerprint, rule_id, title, description, category, severity,"
                  + " confidence, path, start_line, end_line, symbol, path_in_repo, evidence, cwe,"
                  + " owasp, impact_default, effort_default_hours, first_seen_import,"
                  + " last_seen_import, first_seen_at, last_seen_at)"
                  + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
              Statement.RETURN_GENERATED_KEYS);
    }
    PreparedStatement ps = insert;
    ps.setString(1, fingerprint);
    ps.setString(2, raw.ruleKey());
    int i = bindToolFacts(ps, 3, raw, loc);
    ps.setLong(i++, importId);
    ps.setLong(i++, importId);
    ps.setString(i++, at.toString());
    ps.setString(i, at.toString());
    ps.executeUpdate();
    try (ResultSet keys = ps.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }

  /** Updates what the tool says about a known finding, and marks it seen by this import. */
  public void refresh(long id, RawFinding raw, Location loc, long importId, Instant at)
      throws SQLException {
    if (refresh == null) {
      refresh =
          c.prepareStatement(
              "UPDATE findings SET title = ?, description = ?, category = ?, severity = ?,"
                  + " confidence = ?, path = ?, start_line = ?, end_line = ?, symbol = ?,"
                  + " path_in_repo = ?, evidence = ?, cwe = ?, owasp = ?, impact_default = ?,"
                  + " effort_default_hours = ?, last_seen_import = ?, last_seen_at = ?,"
                  + " gone_since_import = NULL WHERE id = ?");
    }
    PreparedStatement ps = refresh;
    int i = bindToolFacts(ps, 1, raw, loc);
    ps.setLong(i++, importId);
    ps.setString(i++, at.toString());
    ps.setLong(i, id);
    ps.executeUpdate();
  }

  private static int bindToolFacts(PreparedStatement ps, int start, RawFinding raw, Location loc)
      throws SQLException {
    int i = start;
    ps.setString(i++, raw.title());
    ps.setString(i++, raw.description());
    ps.setString(i++, raw.category().name());
    ps.setString(i++, raw.severity().name());
    ps.setString(i++, raw.confidence().name());
    ps.setString(i++, loc.path());
    ps.setInt(i++, loc.startLine());
    ps.setInt(i++, loc.endLine());
    ps.setString(i++, loc.symbol());
    ps.setInt(i++, loc.inRepo() ? 1 : 0);
    ps.setString(i++, Json.write(raw.evidence()));
    ps.setString(i++, Json.write(raw.cwe()));
    ps.setString(i++, Json.write(raw.owasp()));
    ps.setInt(i++, raw.defaultImpact().value());
    ps.setInt(i++, raw.defaultEffort().hours());
    return i;
  }

  /**
   * Records that {@code tool} reported the finding in this import (and that it is back if gone).
   * When one import reports it under two of the tool's rules, the source names both ("B308, B703").
   */
  public void seenBy(long findingId, String tool, String nativeRuleId, long importId)
      throws SQLException {
    if (source == null) {
      source =
          c.prepareStatement(
              "INSERT INTO finding_sources(finding_id, tool, native_rule_id, first_import_id,"
                  + " last_import_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT(finding_id, tool) DO UPDATE"
                  + " SET native_rule_id = CASE"
                  // Two rules of one tool in one import about one problem (bandit's B308 and B703):
                  // both named.
                  + " WHEN finding_sources.last_import_id = excluded.last_import_id"
                  + " AND instr(', ' || coalesce(finding_sources.native_rule_id, '') || ', ',"
                  + " ', ' || coalesce(excluded.native_rule_id, '') || ', ') = 0"
                  + " THEN coalesce(finding_sources.native_rule_id || ', ', '') || excluded.native_rule_id"
                  + " WHEN finding_sources.last_import_id = excluded.last_import_id THEN finding_sources.native_rule_id"
                  + " ELSE excluded.native_rule_id END,"
                  + " last_import_id = excluded.last_import_id, gone_since_import = NULL");
    }
    source.setLong(1, findingId);
    source.setString(2, tool);
    source.setString(3, nativeRuleId);
    source.setLong(4, importId);
    source.setLong(5, importId);
    source.executeUpdate();
  }

  /**
   * Marks what an earlier import of {@code tool} reported but this one did not as "not seen since
   * this import". When {@code scope} is not empty, only findings in those repo paths can go (the
   * input said it scanned just those files). A finding is gone once every tool that reported it
   * stopped. Returns how many of the tool's findings went.
   */
  public int markGone(String tool, long importId, Set<String> scope) throws SQLException {
    String inScope = "";
    if (!scope.isEmpty()) {
      try (var st = c.createStatement()) {
        st.execute("CREATE TEMP TABLE IF NOT EXISTS gone_scope (path TEXT PRIMARY KEY)");
        st.execute("DELETE FROM temp.gone_scope");
      }
      try (var ps = c.prepareStatement("INSERT OR IGNORE INTO temp.gone_scope(path) VALUES (?)")) {
        for (String path : scope) {
          ps.setString(1, path);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      inScope =
          " AND finding_id IN (SELECT id FROM findings WHERE path IN (SELECT path FROM temp.gone_scope))";
    }
    int gone;
    try (var ps =
        c.prepareStatement(
            "UPDATE finding_sources SET gone_since_import = ?"
                + " WHERE tool = ? AND last_import_id < ? AND gone_since_import IS NULL"
                + inScope)) {
      ps.setLong(1, importId);
      ps.setString(2, tool);
      ps.setLong(3, importId);
      gone = ps.executeUpdate();
    }
    try (var ps =
        c.prepareStatement(
            "UPDATE findings SET gone_since_import = ? WHERE gone_since_import IS NULL"
                + " AND id IN (SELECT finding_id FROM finding_sources"
                + "            WHERE tool = ? AND gone_since_import = ?)"
                + " AND NOT EXISTS (SELECT 1 FROM finding_sources s"
                + "                 WHERE s.finding_id = findings.id AND s.gone_since_import IS NULL)")) {
      ps.setLong(1, importId);
      ps.setString(2, tool);
      ps.setLong(3, importId);
      ps.executeUpdate();
    }
    return gone;
  }

  /**
   * Sets a finding's confidence from evidence another analysis found (a static N+1 hint that a
   * trace confirmed); the finding's own tool sets it back on its next run, and the evidence then
   * again.
   */
  public void setConfidence(long id, Confidence confidence) throws SQLException {
    try (var ps = c.prepareStatement("UPDATE findings SET confidence = ? WHERE id = ?")) {
      ps.setString(1, confidence.name());
      ps.setLong(2, id);
      ps.executeUpdate();
    }
  }

  /** Sets the auditor's decisions on a finding. */
  public void saveTriage(Finding f) throws SQLException {
    try (var ps =
        c.prepareStatement(
            "UPDATE findings SET status = ?, dismiss_reason = ?, impact_override = ?,"
                + " effort_override_hours = ?, notes = ?, tags = ? WHERE id = ?")) {
      ps.setString(1, f.status().name());
      ps.setString(2, f.dismissReason() == null ? null : f.dismissReason().name());
      setNullableInt(ps, 3, f.impactOverride() == null ? null : f.impactOverride().value());
      setNullableInt(ps, 4, f.effortOverride() == null ? null : f.effortOverride().hours());
      ps.setString(5, f.notes());
      ps.setString(6, Json.write(f.tags()));
      ps.setLong(7, f.id());
      ps.executeUpdate();
    }
  }

  private static void setNullableInt(PreparedStatement ps, int index, Integer value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setInt(index, value);
    }
  }

  /** Tools whose every finding is a secret, wherever it is. */
  private static final String SECRET_TOOLS = "'gitleaks', 'trufflehog'";

  /**
   * "path:line" for every line on which some finding says a secret is (the secrets rule's, a secret
   * scanner's, a tool's hard-coded password or key: CWE-798, 259, 321), so that no excerpt quotes
   * those lines even when the secret has a shape the shared detector does not know.
   */
  public Set<String> secretPlaces() throws SQLException {
    Set<String> out = new HashSet<>();
    try (var st = c.createStatement();
        var rs =
            st.executeQuery(
                "SELECT path, start_line, end_line FROM findings WHERE path IS NOT NULL"
                    + " AND start_line > 0 AND (rule_id LIKE '%secret%' OR rule_id LIKE '%password%'"
                    + " OR cwe LIKE '%798%' OR cwe LIKE '%259%' OR cwe LIKE '%321%'"
                    + " OR id IN (SELECT finding_id FROM finding_sources WHERE tool IN ("
                    + SECRET_TOOLS
                    + ")))")) {
      while (rs.next()) {
        int start = rs.getInt(2);
        int end = Math.min(Math.max(start, rs.getInt(3)), start + 50);
        for (int line = start; line <= end; line++) {
          out.add(rs.getString(1) + ":" + line);
        }
      }
    }
    return out;
  }

  public int count() throws SQLException {
    try (var st = c.createStatement();
        var rs = st.executeQuery("SELECT count(*) FROM findings")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** {@link #DISPLAY_ORDER} in SQL. */
  private static final String DISPLAY_ORDER_SQL =
      " ORDER BY CASE severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1"
          + " WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3 ELSE 4 END, coalesce(path, ''), start_line, fingerprint";

  /**
   * Every finding in display order, one at a time, without holding them all: for exports and
   * listings of projects with hundreds of thousands of findings. The sources are read first in one
   * ordered pass into a compact index (a subquery per finding cost 2.5 s of 500,000 findings' 3.5 s
   * in SQLite; one pass 0.4 s), then the findings stream past it.
   *
   * <p>Two threads share the work: a reader steps through SQLite and copies each row's columns
   * (about two thirds of the time, most of it in JNI calls), while the calling thread makes the
   * findings and runs {@code action} on them, in order. The reader is done with the connection
   * before this returns or throws; an exception from {@code action} stops it.
   */
  public void forEach(Consumer<Finding> action) throws SQLException {
    Sources sources = sources(null, null);
    StoredInstants instants = new StoredInstants();
    try (var ps = c.prepareStatement("SELECT " + COLUMNS + " FROM findings" + DISPLAY_ORDER_SQL)) {
      ps.setFetchSize(1000);
      RowPipe pipe = new RowPipe();
      Thread reader =
          new Thread(
              () -> {
                try (var rs = ps.executeQuery()) {
                  List<RawRow> batch = new ArrayList<>(RowPipe.BATCH);
                  while (!pipe.stopped() && rs.next()) {
                    batch.add(RawRow.read(rs));
                    if (batch.size() == RowPipe.BATCH) {
                      pipe.put(batch);
                      batch = new ArrayList<>(RowPipe.BATCH);
                    }
                  }
                  pipe.put(batch);
                  pipe.put(RowPipe.END);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (Exception | Error e) {
                  pipe.fail(e); // an error too (out of memory): the caller must not wait for ever
                }
              },
              "findings-reader");
      reader.setDaemon(true);
      reader.start();
      try {
        for (List<RawRow> batch = pipe.take(); batch != RowPipe.END; batch = pipe.take()) {
          for (RawRow row : batch) {
            action.accept(map(row, sources.of(row.id()), instants));
          }
        }
      } finally {
        pipe.stop();
        joinQuietly(reader);
      }
    }
  }

  private static void joinQuietly(Thread t) {
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Batches of rows from the reader thread to the caller, a few batches ahead at most. */
  private static final class RowPipe {
    static final int BATCH = 512;
    static final List<RawRow> END = List.of();
    private final java.util.concurrent.ArrayBlockingQueue<List<RawRow>> queue =
        new java.util.concurrent.ArrayBlockingQueue<>(8);
    private volatile boolean stopped;
    private volatile Throwable failure;

    boolean stopped() {
      return stopped;
    }

    void stop() {
      stopped = true;
      queue.clear(); // a reader waiting to put finds room and sees stopped
    }

    void put(List<RawRow> batch) throws InterruptedException {
      while (!stopped && !queue.offer(batch, 50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        // the caller is slow: wait for room, or for stop()
      }
    }

    void fail(Throwable e) {
      failure = e;
      stopped = true;
    }

    List<RawRow> take() throws SQLException {
      try {
        while (true) {
          List<RawRow> batch = queue.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
          if (batch != null) {
            return batch;
          }
          Throwable e = failure;
          if (e != null && queue.isEmpty()) {
            if (e instanceof SQLException sql) {
              throw sql;
            } else if (e instanceof Error error) {
              throw error;
            } else if (e instanceof RuntimeException runtime) {
              throw runtime;
            }
            throw new SQLException("reading the findings failed: " + e.getMessage(), e);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while reading the findings", e);
      }
    }
  }

  /**
   * How many findings have each value of {@code column} (status or severity), counted by the
   * database.
   */
  public Map<String, Integer> countBy(String column) throws SQLException {
    if (!column.equals("status") && !column.equals("severity")) {
      throw new IllegalArgumentException("not a countable column: " + column);
    }
    Map<String, Integer> out = new HashMap<>();
    try (var st = c.createStatement();
        var rs = st.executeQuery("SELECT " + column + ", count(*) FROM findings GROUP BY 1")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getInt(2));
      }
    }
    return out;
  }

  /**
   * Every finding counted, and the open ones as the report counts them ({@link Finding#counted()}:
   * not dismissed, not gone, not an untriaged low-confidence place) by severity and category, by
   * the database: the overview reads no finding for its figures.
   */
  public FindingTally tally() throws SQLException {
    Map<Severity, Integer> bySeverity = new java.util.EnumMap<>(Severity.class);
    Map<Category, Integer> byCategory = new java.util.EnumMap<>(Category.class);
    int all = 0;
    int counted = 0;
    try (var st = c.createStatement();
        var rs =
            st.executeQuery(
                "SELECT severity, category,"
                    + " status <> 'DISMISSED' AND gone_since_import IS NULL"
                    + " AND NOT (confidence = 'LOW' AND status = 'INBOX'), count(*)"
                    + " FROM findings GROUP BY 1, 2, 3")) {
      while (rs.next()) {
        int n = rs.getInt(4);
        all += n;
        if (rs.getInt(3) != 0) {
          counted += n;
          bySeverity.merge(Severity.valueOf(rs.getString(1)), n, Integer::sum);
          byCategory.merge(Category.valueOf(rs.getString(2)), n, Integer::sum);
        }
      }
    }
    return new FindingTally(all, counted, bySeverity, byCategory);
  }

  /** The findings of these rules that are still reported. */
  public List<Finding> ofRules(List<String> ruleIds) throws SQLException {
    if (ruleIds.isEmpty()) {
      return List.of();
    }
    String marks = String.join(",", java.util.Collections.nCopies(ruleIds.size(), "?"));
    return query(
        " WHERE rule_id IN (" + marks + ") AND gone_since_import IS NULL",
        ps -> {
          for (int i = 0; i < ruleIds.size(); i++) {
            ps.setString(i + 1, ruleIds.get(i));
          }
        });
  }

  /** Every finding, in display order. */
  public List<Finding> all() throws SQLException {
    return query("", null);
  }

  public Optional<Finding> byId(long id) throws SQLException {
    List<Finding> found = query(" WHERE id = ?", ps -> ps.setLong(1, id));
    return found.stream().findFirst();
  }

  /** Findings whose fingerprint starts with {@code prefix}. */
  public List<Finding> byFingerprintPrefix(String prefix) throws SQLException {
    String escaped = prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    return query(" WHERE fingerprint LIKE ? ESCAPE '!'", ps -> ps.setString(1, escaped + "%"));
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private List<Finding> query(String where, Binder binder) throws SQLException {
    Sources sources = sources(where.isEmpty() ? null : where, binder);
    List<Finding> out = new ArrayList<>();
    try (var ps = c.prepareStatement("SELECT " + COLUMNS + " FROM findings" + where)) {
      if (binder != null) {
        binder.bind(ps);
      }
      StoredInstants instants = new StoredInstants();
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          RawRow row = RawRow.read(rs);
          out.add(map(row, sources.of(row.id()), instants));
        }
      }
    }
    out.sort(DISPLAY_ORDER);
    return out;
  }

  /**
   * The sources of the findings {@code findingWhere} selects (all when null), read in one pass
   * ordered by finding: parallel arrays searched by finding id, the tools' names, versions and rule
   * ids shared, so 500,000 findings' sources take a few tens of megabytes.
   */
  private Sources sources(String findingWhere, Binder binder) throws SQLException {
    String sql =
        "SELECT s.finding_id, s.tool, i.tool_version, s.native_rule_id, s.first_import_id,"
            + " s.last_import_id, s.gone_since_import FROM finding_sources s"
            + " JOIN imports i ON i.id = s.last_import_id"
            + (findingWhere == null
                ? ""
                : " WHERE s.finding_id IN (SELECT id FROM findings" + findingWhere + ")")
            + " ORDER BY s.finding_id, s.first_import_id, s.tool";
    Sources out = new Sources();
    Map<String, String> shared = new HashMap<>();
    try (var ps = c.prepareStatement(sql)) {
      ps.setFetchSize(1000);
      if (binder != null && findingWhere != null) {
        binder.bind(ps);
      }
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              rs.getLong(1),
              new SourceRef(
                  shared(shared, rs.getString(2)),
                  shared(shared, rs.getString(3)),
                  shared(shared, rs.getString(4)),
                  rs.getLong(5),
                  rs.getLong(6),
                  rs.getLong(7)));
        }
      }
    }
    return out;
  }

  private static String shared(Map<String, String> shared, String s) {
    return s == null ? null : shared.computeIfAbsent(s, k -> k);
  }

  /** Sources in finding order: the finding ids ascending beside their sources. */
  private static final class Sources {
    private long[] ids = new long[1024];
    private SourceRef[] refs = new SourceRef[1024];
    private int size;

    void add(long findingId, SourceRef ref) {
      if (size == ids.length) {
        ids = java.util.Arrays.copyOf(ids, size * 2);
        refs = java.util.Arrays.copyOf(refs, size * 2);
      }
      ids[size] = findingId;
      refs[size++] = ref;
    }

    List<SourceRef> of(long findingId) {
      int i = java.util.Arrays.binarySearch(ids, 0, size, findingId);
      if (i < 0) {
        return List.of();
      }
      int from = i;
      while (from > 0 && ids[from - 1] == findingId) {
        from--;
      }
      int to = i + 1;
      while (to < size && ids[to] == findingId) {
        to++;
      }
      return to - from == 1
          ? List.of(refs[from])
          : List.of(java.util.Arrays.copyOfRange(refs, from, to));
    }
  }

  /**
   * A row of {@link #COLUMNS} as read, by position (a name is looked up on every call): texts and
   * numbers, a null number as {@link #NO_NUMBER}. Read on the reader thread, made into a finding on
   * the caller's.
   */
  private record RawRow(String[] texts, long[] numbers) {
    static final long NO_NUMBER = Long.MIN_VALUE;
    // 1-based column positions of the numbers; every other column is text
    private static final boolean[] NUMBER = new boolean[28];

    static {
      for (int i : new int[] {1, 10, 11, 13, 19, 20, 21, 22, 27}) {
        NUMBER[i] = true;
      }
    }

    static RawRow read(ResultSet rs) throws SQLException {
      String[] texts = new String[28];
      long[] numbers = new long[28];
      for (int i = 1; i <= 27; i++) {
        if (NUMBER[i]) {
          long v = rs.getLong(i);
          numbers[i] = rs.wasNull() ? NO_NUMBER : v;
        } else {
          texts[i] = rs.getString(i);
        }
      }
      return new RawRow(texts, numbers);
    }

    long id() {
      return numbers[1];
    }

    String text(int i) {
      return texts[i];
    }

    /** The number, 0 for a null one (as {@link ResultSet#getInt} reads it). */
    int integer(int i) {
      return numbers[i] == NO_NUMBER ? 0 : (int) numbers[i];
    }

    long number(int i) {
      return numbers[i] == NO_NUMBER ? 0 : numbers[i];
    }

    boolean isNull(int i) {
      return numbers[i] == NO_NUMBER;
    }
  }

  private static Finding map(RawRow r, List<SourceRef> sources, StoredInstants instants) {
    String reason = r.text(18);
    return new Finding(
        r.id(),
        r.text(2),
        r.text(3),
        r.text(4),
        r.text(5),
        Category.valueOf(r.text(6)),
        Severity.valueOf(r.text(7)),
        Confidence.valueOf(r.text(8)),
        new Location(r.text(9), r.integer(10), r.integer(11), r.text(12), r.integer(13) == 1),
        Json.evidence(r.text(14)),
        Json.ints(r.text(15)),
        Json.strings(r.text(16)),
        sources,
        Impact.of(r.integer(19)),
        Effort.hours(r.integer(21)),
        new Triage(
            Status.valueOf(r.text(17)),
            reason == null ? null : DismissReason.valueOf(reason),
            r.isNull(20) ? null : Impact.of(r.integer(20)),
            r.isNull(22) ? null : Effort.hours(r.integer(22)),
            r.text(23),
            Json.strings(r.text(24))),
        instants.parse(r.text(25)),
        instants.parse(r.text(26)),
        r.number(27));
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement ps :
        new PreparedStatement[] {byFingerprint, insert, refresh, source, samePlace}) {
      if (ps != null) {
        ps.close();
      }
    }
  }
}
