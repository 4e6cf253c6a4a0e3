package dev.auditworkbench.engine.ingest;

import dev.auditworkbench.engine.deps.Requirement;
import dev.auditworkbench.engine.django.RouteResolver;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.CweFamily;
import dev.auditworkbench.engine.model.ImportRecord;
import dev.auditworkbench.engine.model.Location;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.TriageChange;
import dev.auditworkbench.engine.queries.QueryCollector;
import dev.auditworkbench.engine.repo.TestCode;
import dev.auditworkbench.engine.spi.DefaultScores;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.HttpEvent;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.spi.QueryEvent;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.engine.spi.SecretDetector;
import dev.auditworkbench.engine.store.CoverageRepository;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.HistoryRepository;
import dev.auditworkbench.engine.store.ImportRepository;
import dev.auditworkbench.engine.store.PackageRepository;
import dev.auditworkbench.engine.store.QueryRepository;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes one import's findings inside its transaction: maps paths into the repo, fingerprints,
 * inserts new findings and refreshes known ones (never touching triage), records which tool saw
 * them, and at the end marks what the tool no longer reports as gone. Used by file imports and by
 * repository scans alike.
 */
public final class FindingWriter implements FindingSink, AutoCloseable {
  private static final int MAX_WARNINGS_KEPT = 20;

  private final Connection connection;
  private final FindingRepository findings;
  private final CoverageRepository coverage;
  private final HistoryRepository history;
  private final QueryRepository queryRepo;
  private QueryCollector queries;
  private boolean sawCoverage;
  private boolean sawPackages;
  private PackageRepository packages;
  private dev.auditworkbench.engine.store.InstalledPackageRepository installed;

  /** True when this import listed installed packages and their newest releases. */
  public boolean sawPackages() {
    return sawPackages;
  }

  /** True when this import measured test coverage. */
  public boolean sawCoverage() {
    return sawCoverage;
  }

  private String tool;
  private RouteResolver routes;
  private final long importId;
  private final Instant now;
  private final PathMapper paths;
  private final SourceLines lines;
  private final Fingerprinter fingerprinter = new Fingerprinter();
  private final ProgressListener listener;
  private final List<String> warnings = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Set<String> scanned = new HashSet<>();

  /**
   * 128-bit digests of the records seen in this input, to count a record repeated byte for byte
   * once.
   */
  private final Set<BigInteger> distinctRecords = new HashSet<>();

  private long repeatedRecords;
  private long warningCount;
  private String toolVersion;
  private long recordsRead;
  private int newCount;
  private int unchangedCount;
  private SQLException failure;

  public FindingWriter(
      Connection c, String tool, long importId, Instant now, Path repo, ProgressListener listener) {
    this.connection = c;
    this.findings = new FindingRepository(c);
    this.coverage = new CoverageRepository(c);
    this.history = new HistoryRepository(c);
    this.queryRepo = new QueryRepository(c);
    this.tool = tool;
    this.importId = importId;
    this.now = now;
    this.paths = new PathMapper(repo);
    this.lines = new SourceLines(repo);
    this.listener = listener;
  }

  /**
   * Replaces the findings of a derived tool (one the workbench computes from stored data: query
   * findings, untested hotspots, outdated dependencies) with {@code found}: new ones are added, the
   * rest refreshed, and those not found again marked gone. Returns what {@link #reconcile()} does.
   */
  public static int[] replaceDerived(
      Connection c,
      String tool,
      long importId,
      Instant now,
      Path repo,
      ProgressListener listener,
      Iterable<RawFinding> found)
      throws SQLException {
    try (FindingWriter writer = new FindingWriter(c, tool, importId, now, repo, listener)) {
      for (RawFinding f : found) {
        writer.recordRead();
        writer.accept(f);
      }
      return writer.reconcile();
    }
  }

  /** Locates findings that only name a URL ("GET /invoices/3/") at the view that serves it. */
  public FindingWriter withRoutes(RouteResolver resolver) {
    this.routes = resolver;
    return this;
  }

  private TableLocator tables;

  /** Places index findings (no path, a {@link TableLocator} symbol) on the model of their table. */
  public FindingWriter withTables(TableLocator locator) {
    this.tables = locator;
    return this;
  }

  private static final Pattern HTTP = Pattern.compile("^([A-Z]+) (/\\S*)$");

  private Location locate(RawFinding raw) {
    Location loc = paths.location(raw.rawPath(), raw.startLine(), raw.endLine(), raw.symbol());
    if (loc.path() == null && tables != null && raw.symbol() != null) {
      Optional<Location> model = tables.locate(raw.symbol());
      if (model.isPresent()) {
        return new Location(
            model.get().path(),
            model.get().startLine(),
            model.get().endLine(),
            model.get().symbol(),
            paths.map(model.get().path()).inRepo());
      }
    }
    if (loc.path() != null || routes == null || raw.symbol() == null) {
      return loc;
    }
    Matcher m = HTTP.matcher(raw.symbol());
    if (!m.matches()) {
      return loc;
    }
    return routes
        .resolve(m.group(2))
        .map(
            match -> {
              String symbol =
                  raw.symbol() + " -> /" + match.route().pattern() + " -> " + match.route().view();
              if (match.viewPath() == null) {
                return new Location(null, 0, 0, symbol, false);
              }
              return new Location(
                  match.viewPath(),
                  match.viewLine(),
                  match.viewLine(),
                  symbol,
                  paths.map(match.viewPath()).inRepo());
            })
        .orElse(loc);
  }

  @Override
  public void accept(RawFinding found) {
    if (failure != null) {
      return;
    }
    if (!distinctRecords.add(digest(found))) {
      repeatedRecords++; // semgrep, trufflehog and bandit repeat records byte for byte: one finding
      return;
    }
    long record = newCount + unchangedCount + 1;
    RawFinding raw =
        ImportedText.clean(
            found,
            (field, length) ->
                warn(
                    0,
                    String.format(
                        Locale.ROOT,
                        "finding %,d (%s): its %s was %,d characters long; the first %,d are kept",
                        record,
                        found.nativeRuleId(),
                        field,
                        length,
                        field.equals("title") || field.equals("symbol")
                            ? ImportedText.MAX_TITLE
                            : ImportedText.MAX_TEXT)));
    Location loc = locate(raw);
    raw = inTestCode(raw, loc);
    String source = raw.sourceLine();
    if (source == null && loc.inRepo()) {
      source = lines.line(loc.path(), loc.startLine());
    }
    String fp =
        fingerprinter.fingerprint(
            raw.ruleKey(),
            loc.path(),
            Fingerprinter.anchor(source, loc.symbol(), loc.startLine()),
            raw.keyEvidence());
    try {
      OptionalLong existing = findings.idOf(fp);
      long id;
      long[] other;
      if (existing.isPresent()) {
        id = existing.getAsLong();
        findings.refresh(id, raw, loc, importId, now);
        unchangedCount++;
      } else if ((other = sameSetting(raw)) != null) {
        id = other[0];
        if (findings.reportedBy(id, tool)) {
          unchangedCount++;
        } else {
          newCount++;
          history.append(
              new TriageChange(
                  id,
                  now,
                  "sources",
                  null,
                  tool
                      + " "
                      + raw.nativeRuleId()
                      + " reports the same setting ("
                      + SameSetting.of(raw.ruleKey()).orElse("")
                      + "); merged as a second source",
                  "import #" + importId));
        }
        if (other[1] == 0 && loc.path() != null) {
          findings.refresh(
              id, raw, loc, importId, now); // the scan names the file and line the check could not
        } else {
          findings.touch(id, importId, now);
        }
      } else {
        OptionalLong same = findings.sameProblemElsewhere(raw, loc, tool);
        if (same.isPresent()) {
          id = same.getAsLong();
          if (findings.reportedBy(id, tool)) {
            unchangedCount++;
          } else {
            newCount++;
            history.append(
                new TriageChange(
                    id,
                    now,
                    "sources",
                    null,
                    tool
                        + " "
                        + raw.nativeRuleId()
                        + " reports the same problem (CWE "
                        + sharedCwe(raw, id)
                        + " at "
                        + loc.display()
                        + "); merged as a second source",
                    "import #" + importId));
          }
          findings.touch(id, importId, now);
        } else {
          id = findings.insert(fp, raw, loc, importId, now);
          newCount++;
        }
      }
      findings.seenBy(id, tool, raw.nativeRuleId(), importId);
    } catch (SQLException e) {
      failure = e;
    }
    if ((newCount + unchangedCount) % 1000 == 0) {
      listener.checkCancelled();
    }
  }

  /**
   * Another tool's finding about the same Django setting ({@link SameSetting}): its id and 1 when
   * it has a path (else 0); null when there is none.
   */
  private long[] sameSetting(RawFinding raw) throws SQLException {
    Optional<String> setting = SameSetting.of(raw.ruleKey());
    if (setting.isEmpty()) {
      return null;
    }
    return findings.sameRuleOtherTool(SameSetting.rulesFor(setting.get()), tool).orElse(null);
  }

  /**
   * A finding in test code (tests/, test_*.py, conftest.py, test settings) is not a production
   * finding: it is kept, as information of low confidence that says why, so it stays out of the
   * headline counts and the report's priorities. Findings about the tests themselves (category
   * testing: skipped tests, coverage) are left as they are.
   */
  static RawFinding inTestCode(RawFinding raw, Location loc) {
    if (raw.category() == Category.TESTING
        || raw.severity() == Severity.INFO
        || !TestCode.isTest(loc.path())) {
      return raw;
    }
    String why =
        "In test code ("
            + loc.path()
            + "): shown as information, not as a production "
            + raw.severity().key()
            + " finding.";
    return new RawFinding(
        raw.ruleKey(),
        raw.nativeRuleId(),
        raw.title(),
        raw.description() == null || raw.description().isBlank()
            ? why
            : raw.description() + "\n\n" + why,
        raw.category(),
        Severity.INFO,
        Confidence.LOW,
        raw.rawPath(),
        raw.startLine(),
        raw.endLine(),
        raw.symbol(),
        raw.sourceLine(),
        raw.keyEvidence(),
        raw.evidence(),
        raw.cwe(),
        raw.owasp(),
        DefaultScores.impactFor(Severity.INFO),
        raw.defaultEffort());
  }

  @Override
  public void tool(String name) {
    if (newCount + unchangedCount == 0 && name != null && !name.isBlank()) {
      tool = name;
    }
  }

  /** The tool the findings are recorded for. */
  public String tool() {
    return tool;
  }

  private String sharedCwe(RawFinding raw, long id) throws SQLException {
    List<Integer> theirs = findings.byId(id).map(f -> f.cwe()).orElse(List.of());
    return raw.cwe().stream()
        .filter(c -> CweFamily.sameAsAny(c, theirs))
        .map(String::valueOf)
        .findFirst()
        .orElse("?");
  }

  @Override
  public void toolVersion(String version) {
    toolVersion = version;
  }

  @Override
  public void scanned(String rawPath) {
    String mapped = paths.map(rawPath).path();
    if (mapped != null) {
      scanned.add(mapped);
    }
  }

  @Override
  public void coverage(
      String rawPath, int statements, int covered, int branches, int coveredBranches) {
    sawCoverage = true;
    if (failure != null) {
      return;
    }
    PathMapper.Mapped m = paths.map(rawPath);
    try {
      coverage.save(importId, m.path(), m.inRepo(), statements, covered, branches, coveredBranches);
    } catch (SQLException e) {
      failure = e;
    }
  }

  @Override
  public void packageRelease(String name, String installed, String latest) {
    sawPackages = true;
    if (failure != null) {
      return;
    }
    try {
      if (packages == null) {
        packages = new PackageRepository(connection);
      }
      packages.save(
          importId, new PackageRepository.Release(Requirement.canonical(name), installed, latest));
    } catch (SQLException e) {
      failure = e;
    }
  }

  @Override
  public void installedPackage(String name, String version, String djangoRequirement) {
    if (failure != null) {
      return;
    }
    try {
      if (installed == null) {
        installed = new dev.auditworkbench.engine.store.InstalledPackageRepository(connection);
      }
      installed.save(importId, Requirement.canonical(name), version, djangoRequirement);
    } catch (SQLException e) {
      failure = e;
    }
  }

  private QueryCollector queries() {
    if (queries == null) {
      queries = new QueryCollector(queryRepo, importId);
    }
    return queries;
  }

  /** True when this import carried statements, plans or requests. */
  public boolean sawQueryData() {
    return queries != null && queries.events() > 0;
  }

  private interface SqlStep {
    void run() throws SQLException;
  }

  private void store(SqlStep step) {
    if (failure != null) {
      return;
    }
    try {
      step.run();
    } catch (SQLException e) {
      failure = e;
    }
  }

  @Override
  public void query(QueryEvent event) {
    store(() -> queries().query(event));
    if (queries.events() % 4096 == 0) {
      listener.checkCancelled();
    }
  }

  @Override
  public void endSession(String session) {
    store(() -> queries().endSession(session));
  }

  @Override
  public void sessionRoute(String session, String route) {
    queries().sessionRoute(session, route);
  }

  @Override
  public void plan(String sql, double durationMs, String planJson, long line) {
    queries().plan(sql, durationMs, planJson, line);
  }

  @Override
  public void statementStats(String sql, long calls, double totalMs, double maxMs, long rows) {
    queries().statementStats(sql, calls, totalMs, maxMs, rows);
  }

  @Override
  public void request(HttpEvent event) {
    store(() -> queries().request(event));
  }

  @Override
  public void recordRead() {
    recordsRead++;
  }

  @Override
  public void warn(long line, String message) {
    warningCount++;
    if (warnings.size() < MAX_WARNINGS_KEPT) {
      String text =
          ImportedText.cap(SecretDetector.maskText(message), 500, "warning", (f, n) -> {});
      warnings.add(line > 0 ? "line " + line + ": " + text : text);
    }
  }

  private static BigInteger digest(RawFinding raw) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(raw.toString().getBytes(StandardCharsets.UTF_8));
      return new BigInteger(1, Arrays.copyOf(d, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  public void note(String message) {
    if (notes.size() < 10) {
      notes.add(
          ImportRecord.NOTE
              + ImportedText.cap(SecretDetector.maskText(message), 500, "note", (f, n) -> {}));
    }
  }

  private List<String> warnings() {
    List<String> out = new ArrayList<>(notes);
    out.addAll(warnings);
    if (repeatedRecords > 0) {
      out.add(
          notes.size(),
          String.format(
              Locale.ROOT,
              "%,d record%s repeated byte for byte in the report counted once",
              repeatedRecords,
              repeatedRecords == 1 ? "" : "s"));
    }
    if (warningCount > warnings.size()) {
      out.add("... and " + (warningCount - warnings.size()) + " more warnings");
    }
    return out;
  }

  /**
   * For derived findings (recomputed in full from stored data, under their own tool): marks what is
   * no longer reported as gone without touching the import record. Returns {new, unchanged, gone}.
   */
  public int[] reconcile() throws SQLException {
    if (failure != null) {
      throw failure;
    }
    int gone = findings.markGone(tool, importId, scanned);
    return new int[] {newCount, unchangedCount, gone};
  }

  /** Marks what is gone, completes the import record and returns it. */
  public ImportRecord finish(ImportRepository imports) throws SQLException {
    if (failure != null) {
      throw failure;
    }
    listener.checkCancelled();
    if (queries != null) {
      queries.finish();
    }
    int gone = findings.markGone(tool, importId, scanned);
    imports.finish(
        importId, tool, toolVersion, recordsRead, newCount, unchangedCount, gone, warnings());
    return imports.byId(importId).orElseThrow();
  }

  @Override
  public void close() throws SQLException {
    findings.close();
    queryRepo.close();
  }
}
