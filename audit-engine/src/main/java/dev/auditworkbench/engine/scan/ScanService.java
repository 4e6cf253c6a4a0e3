package dev.auditworkbench.engine.scan;

import dev.auditworkbench.engine.deps.DependencyReader;
import dev.auditworkbench.engine.deps.Requirement;
import dev.auditworkbench.engine.django.InventoryBuilder;
import dev.auditworkbench.engine.graph.ImportGraph;
import dev.auditworkbench.engine.history.GitHistory;
import dev.auditworkbench.engine.ingest.FindingWriter;
import dev.auditworkbench.engine.ingest.Fingerprinter;
import dev.auditworkbench.engine.ingest.OutdatedDependencies;
import dev.auditworkbench.engine.ingest.QueryFindingsRefresh;
import dev.auditworkbench.engine.ingest.UntestedHotspots;
import dev.auditworkbench.engine.model.ImportRecord;
import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.model.ScanRecord;
import dev.auditworkbench.engine.repo.FactExtractor;
import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.repo.ModuleNames;
import dev.auditworkbench.engine.repo.ParsedFile;
import dev.auditworkbench.engine.repo.Python3Parser;
import dev.auditworkbench.engine.repo.PythonParser;
import dev.auditworkbench.engine.repo.RepoFile;
import dev.auditworkbench.engine.repo.RepoWalker;
import dev.auditworkbench.engine.rules.ModuleSummary;
import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.rules.Rules;
import dev.auditworkbench.engine.rules.Thresholds;
import dev.auditworkbench.engine.spi.CancelledException;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.engine.store.ImportRepository;
import dev.auditworkbench.engine.store.ProjectRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.store.ScanRepository;
import dev.auditworkbench.engine.upgrade.UpgradeFacts;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Scans the project's repository: walks it, parses every Python file on all cores, builds the
 * Django inventory and the import graph, runs every {@link Rule}, and stores findings and facts in
 * one transaction (a scan is recorded like an import of tool "workbench", so a re-scan keeps triage
 * and marks what went away).
 */
public final class ScanService {
  public static final String TOOL = "workbench";
  public static final String FORMAT = "repo-scan";

  private final ProjectStore store;
  private final Clock clock;

  public ScanService(ProjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Every rule a scan runs, in order. */
  public static List<Rule> rules() {
    return Rules.all();
  }

  public ScanResult scan(ProgressListener listener) throws IOException {
    long start = System.nanoTime();
    ProjectInfo info = store.info();
    Path repo = info.repo();
    if (repo == null || !Files.isDirectory(repo)) {
      throw new IOException(
          "the project's repository folder " + repo + " does not exist; was it moved?");
    }
    Map<String, String> meta = store.read(c -> new ProjectRepository(c).all());
    RepoAnalysis analysis = analyse(repo, Thresholds.from(meta), listener);
    List<RawFinding> findings = distinctProblems(analysis);
    listener.progress(0, -1, "Saving findings");
    long millis = (System.nanoTime() - start) / 1_000_000;
    ImportRecord record = store.write(c -> save(c, analysis, findings, millis, listener));
    long lines = analysis.summaries().stream().mapToLong(s -> s.lines().total()).sum();
    long code = analysis.summaries().stream().mapToLong(s -> s.lines().code()).sum();
    int failures = (int) analysis.summaries().stream().filter(s -> !s.problems().isEmpty()).count();
    return new ScanResult(
        record,
        analysis.commit(),
        analysis.files().size(),
        analysis.summaries().size(),
        lines,
        code,
        failures,
        millis,
        analysis.inventory().models().size(),
        analysis.inventory().routes().size(),
        analysis.graph().edges().size(),
        analysis.graph().cycles().size());
  }

  /**
   * Every rule's findings, keeping the first when two rules report the same CWE on the same line
   * (the settings rule's literal SECRET_KEY and the secrets rule's password literal, say).
   */
  public static List<RawFinding> distinctProblems(RepoAnalysis analysis) {
    return distinct(runRules(analysis));
  }

  /** What one rule found, and the time it took. */
  public record RuleRun(Rule rule, List<RawFinding> findings, long nanos) {}

  /**
   * Runs every rule, several at once (rules only read the analysis), and returns their findings in
   * the rules' order, so what a scan stores does not depend on which rule finished first.
   */
  public static List<RuleRun> runRules(RepoAnalysis analysis) {
    // A pool of its own: the calling thread is then not the only one outside the pool, so rules
    // that
    // split their own work (the secrets rule, per file) have every core to steal from.
    ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    try {
      return pool.submit(
              () ->
                  rules().parallelStream()
                      .map(
                          rule -> {
                            long start = System.nanoTime();
                            List<RawFinding> found = new ArrayList<>();
                            rule.check(analysis, found::add);
                            return new RuleRun(rule, found, System.nanoTime() - start);
                          })
                      .toList())
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("a rule failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  /**
   * The findings of rule runs in order, without a second report of the same CWE on the same line.
   */
  public static List<RawFinding> distinct(List<RuleRun> runs) {
    List<RawFinding> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (RuleRun run : runs) {
      for (RawFinding f : run.findings()) {
        boolean duplicate = false;
        for (int cwe : f.cwe()) {
          duplicate |= !seen.add(f.rawPath() + ":" + f.startLine() + ":" + cwe);
        }
        if (!duplicate || f.cwe().isEmpty()) {
          out.add(f);
        }
      }
    }
    return out;
  }

  private ImportRecord save(
      Connection c,
      RepoAnalysis a,
      List<RawFinding> findings,
      long millis,
      ProgressListener listener)
      throws SQLException {
    Instant now = clock.instant();
    ImportRepository imports = new ImportRepository(c);
    String identity = a.commit() != null ? a.commit() : Fingerprinter.sha256(a.files().toString());
    long importId =
        imports.begin("repository scan", a.repo().toString(), identity, FORMAT, TOOL, now);
    ImportRecord record;
    try (FindingWriter writer = new FindingWriter(c, TOOL, importId, now, a.repo(), listener)) {
      for (RawFinding f : findings) {
        writer.recordRead();
        writer.accept(f);
      }
      record = writer.finish(imports);
    }
    long lines = a.summaries().stream().mapToLong(s -> s.lines().total()).sum();
    long code = a.summaries().stream().mapToLong(s -> s.lines().code()).sum();
    int failures = (int) a.summaries().stream().filter(s -> !s.problems().isEmpty()).count();
    ScanRepository scans = new ScanRepository(c);
    long scanId =
        scans.insert(
            new ScanRecord(
                0,
                importId,
                a.repo().toString(),
                a.commit(),
                now,
                a.files().size(),
                a.summaries().size(),
                lines,
                code,
                failures,
                millis));
    scans.saveFacts(scanId, "files", a.files());
    scans.saveFacts(scanId, "modules", a.summaries());
    scans.saveFacts(scanId, "inventory", a.inventory());
    scans.saveFacts(scanId, "graph", GraphFacts.of(a.graph()));
    scans.saveFacts(scanId, "dependencies", a.dependencies());
    scans.saveFacts(scanId, "history", a.history());
    scans.saveFacts(scanId, "upgrade", a.upgrade());
    QueryFindingsRefresh.run(c, importId, now, a.repo(), listener);
    UntestedHotspots.refresh(c, importId, now, a.repo(), listener);
    OutdatedDependencies.refresh(c, importId, now, a.repo(), listener);
    return record;
  }

  /** Reads and analyses a repository without storing anything (scans and benchmarks). */
  public static RepoAnalysis analyse(Path repo, Thresholds thresholds, ProgressListener listener)
      throws IOException {
    listener.progress(0, -1, "Listing files");
    List<RepoFile> files = RepoWalker.walk(repo);
    ModuleNames names = new ModuleNames(files);
    List<RepoFile> python =
        files.stream()
            .filter(RepoFile::isPython)
            .filter(f -> f.size() <= RepoWalker.MAX_ANALYSED_BYTES)
            .toList();
    List<ModuleFacts> modules = parseAll(repo, python, names, listener);
    List<ModuleSummary> summaries = modules.stream().map(ModuleSummary::of).toList();
    var inventory = new InventoryBuilder(modules, names, files).build();
    ImportGraph graph = ImportGraph.build(modules, names);
    List<Requirement> dependencies = DependencyReader.read(repo, files);
    listener.progress(0, -1, "Reading the git history");
    GitHistory.Result history =
        GitHistory.read(repo, Duration.ofDays(30L * thresholds.historyMonths()), 5);
    return new RepoAnalysis(
        repo,
        headCommit(repo),
        files,
        names,
        modules,
        summaries,
        inventory,
        graph,
        thresholds,
        dependencies,
        history,
        LocalDate.now(ZoneOffset.UTC),
        UpgradeFacts.scan(repo, files, modules, inventory));
  }

  private static List<ModuleFacts> parseAll(
      Path repo, List<RepoFile> python, ModuleNames names, ProgressListener listener)
      throws IOException {
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "scan-parser");
              t.setDaemon(true);
              return t;
            });
    ThreadLocal<PythonParser> parsers = ThreadLocal.withInitial(Python3Parser::new);
    AtomicInteger done = new AtomicInteger();
    try {
      List<Future<ModuleFacts>> futures = new ArrayList<>();
      for (RepoFile f : python) {
        futures.add(
            pool.submit(
                () -> {
                  listener.checkCancelled();
                  ParsedFile parsed = parsers.get().parse(f.path(), read(repo.resolve(f.path())));
                  ModuleFacts facts = FactExtractor.extract(parsed, names.moduleOf(f.path()));
                  int n = done.incrementAndGet();
                  if (n % 50 == 0 || n == python.size()) {
                    listener.progress(
                        n,
                        python.size(),
                        String.format(
                            java.util.Locale.ROOT,
                            "Parsing Python files: %,d of %,d",
                            n,
                            python.size()));
                  }
                  return facts;
                }));
      }
      List<ModuleFacts> out = new ArrayList<>(futures.size());
      for (Future<ModuleFacts> future : futures) {
        out.add(future.get());
      }
      out.sort(Comparator.comparing(ModuleFacts::path));
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CancelledException ce) {
        throw ce;
      }
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException("scan failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static String read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /** The commit at HEAD, or null when the folder is not in a git repository. */
  static String headCommit(Path repo) {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(repo.toFile());
    File gitDir = builder.getGitDir();
    if (gitDir == null) {
      return null;
    }
    try (Repository r = builder.setMustExist(true).build()) {
      ObjectId head = r.resolve("HEAD");
      return head == null ? null : head.name();
    } catch (IOException e) {
      return null;
    }
  }
}
