package dev.auditworkbench.app.bench;

import dev.auditworkbench.engine.history.GitHistory;
import dev.auditworkbench.engine.ingest.ImportService;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Location;
import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.SourceRef;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.model.Triage;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.repo.ParserComparison;
import dev.auditworkbench.engine.report.ReportRenderer;
import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Thresholds;
import dev.auditworkbench.engine.scan.ScanService;
import dev.auditworkbench.engine.seams.SeamMap;
import dev.auditworkbench.engine.seams.SeamSvg;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.engine.store.ProjectFileException;
import dev.auditworkbench.engine.triage.TriageCommand;
import dev.auditworkbench.views.board.BoardViewModel;
import dev.auditworkbench.views.findings.FindingsViewModel;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "bench",
    hidden = true,
    description =
        "Benchmarks that print their figures (separate from the tests; not listed in the help).",
    subcommands = {
      BenchCommand.Scan.class,
      NewBench.class,
      ImportLogBench.class,
      BenchCommand.Import.class,
      BenchCommand.Startup.class,
      BenchCommand.History.class,
      BenchCommand.PgLog.class,
      BenchCommand.Report.class,
      BenchCommand.Board.class,
      BenchCommand.Parse.class
    })
public final class BenchCommand implements Runnable {
  /** The exit code of a benchmark that ran. */
  static final int OK = 0;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A throw-away project in a temporary folder, deleted with everything in it on close. */
  static final class BenchProject implements AutoCloseable {
    final Path dir;
    final AuditProject store;
    final ImportService imports;

    BenchProject() throws IOException, ProjectFileException {
      dir = Files.createTempDirectory("workbench-bench");
      store =
          AuditProject.create(
              dir.resolve("bench.audit"),
              new ProjectInfo("Bench client", "Bench engagement", "Bench auditor", null),
              Clock.systemUTC());
      imports = store.imports(ImporterRegistry.load());
    }

    @Override
    public void close() throws IOException {
      store.close();
      try (var walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Command(
      name = "startup",
      description = {
        "Start the desktop app in fresh JVMs and print the time from JVM start to the first shown window,",
        "or with a project to its overview showing the project's figures (needs a display: xvfb-run)."
      })
  static final class Startup implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--runs",
        defaultValue = "5",
        description = "Cold starts (default ${DEFAULT-VALUE}).")
    int runs;

    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "<file.audit>",
        description = "Open this project (default: the start screen).")
    Path project;

    @Override
    public Integer call() throws Exception {
      var out = spec.commandLine().getOut();
      List<Long> times = new ArrayList<>();
      java.util.Map<String, List<Long>> steps = new java.util.LinkedHashMap<>();
      for (int i = 0; i < runs; i++) {
        Path report = Files.createTempFile("workbench-startup", ".txt");
        List<String> cmd =
            new ArrayList<>(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // The launcher's class archive, when it has one, as a user's start uses it.
                    System.getenv("WORKBENCH_CDS") == null
                        ? "-Xshare:auto"
                        : "-XX:SharedArchiveFile=" + System.getenv("WORKBENCH_CDS"),
                    "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off",
                    "-Dworkbench.startupReport=" + report,
                    "-cp",
                    System.getProperty("java.class.path"),
                    "dev.auditworkbench.app.Main",
                    "open"));
        if (project != null) {
          cmd.add(project.toString());
        }
        Process p =
            new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalArgumentException(
              "the app did not start within 60 s (is there a display? try xvfb-run)");
        }
        String text = Files.readString(report).strip();
        Files.deleteIfExists(report);
        if (text.isEmpty()) {
          throw new IllegalArgumentException(
              "the app exited without showing a window (exit "
                  + p.exitValue()
                  + "; is there a display?)");
        }
        // name=millis lines from JVM start, "total" last (StartupMarks)
        java.util.Map<String, Long> marks = new java.util.LinkedHashMap<>();
        for (String line : text.split("\n")) {
          int eq = line.indexOf('=');
          marks.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1).strip()));
        }
        long total = marks.get("total");
        times.add(total);
        marks.forEach((k, v) -> steps.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        out.printf(
            "cold start %d: %d ms (%s)%n",
            i + 1,
            total,
            marks.entrySet().stream()
                .filter(e -> !e.getKey().equals("total"))
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", ")));
      }
      List<Long> sorted = times.stream().sorted().toList();
      out.printf(
          "cold start to a shown window: min %d ms, median %d ms, max %d ms (%d runs)%n",
          sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), runs);
      out.println(
          "where the time goes (median ms from JVM start at each step, and since the step before):");
      long before = 0;
      for (var e : steps.entrySet()) {
        List<Long> at = e.getValue().stream().sorted().toList();
        long median = at.get(at.size() / 2);
        out.printf("  %-18s %6d ms  (+%d)%n", e.getKey(), median, median - before);
        before = median;
      }
      return OK;
    }
  }

  @Command(
      name = "history",
      description = {
        "Read a repository's git history (churn, authors, change couplings over the window) and build its",
        "seam map; print seconds and peak heap. bench/make-history-repo.sh makes a 10k-commit, 5k-file repository."
      })
  static final class History implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<repo>", description = "A git work tree.")
    Path repo;

    @Option(
        names = "--months",
        defaultValue = "12",
        description = "History window (default ${DEFAULT-VALUE}).")
    int months;

    @Option(
        names = "--runs",
        defaultValue = "3",
        description = "Runs (default ${DEFAULT-VALUE}); the best is reported.")
    int runs;

    @Override
    public Integer call() throws Exception {
      var out = spec.commandLine().getOut();
      double best = Double.MAX_VALUE;
      for (int run = 1; run <= runs; run++) {
        System.gc();
        Scan.resetPeaks();
        long start = System.nanoTime();
        var history = GitHistory.read(repo, Duration.ofDays(30L * months), 5);
        double historySeconds = (System.nanoTime() - start) / 1e9;
        List<String> modules =
            history.files().keySet().stream()
                .filter(p -> p.endsWith(".py"))
                .map(p -> p.substring(0, p.length() - 3).replace('/', '.'))
                .toList();
        var map = SeamMap.build(modules, List.of(), history.couplings(), Set.of());
        String svg = SeamSvg.render(map);
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(
            "run %d: %,d commits, %,d files, %,d couplings: history %.2f s, history + seams %.2f s, %d clusters,"
                + " SVG %,d bytes, peak heap %d MB%n",
            run,
            history.commits(),
            history.files().size(),
            history.couplings().size(),
            historySeconds,
            seconds,
            map.clusters().size(),
            svg.length(),
            Scan.peakHeapMb());
        best = Math.min(best, seconds);
      }
      out.printf("best: %.2f s%n", best);
      return OK;
    }
  }

  @Command(
      name = "pglog",
      description = {
        "Import a PostgreSQL log into a new project (statistics, request windows, plans) and print seconds, MB/s",
        "and peak heap; then run pgBadger (Debian's package) on the same file. Run with -Xmx512m for the memory",
        "bar; bench/make-pg-log.py makes a 1 GB log from the demo's real capture."
      })
  static final class PgLog implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        index = "0",
        paramLabel = "<log>",
        description = "A PostgreSQL stderr, csvlog or jsonlog file.")
    Path log;

    @Option(
        names = "--pgbadger-prefix",
        defaultValue = "%m [%p] %q%u@%d app=%a ",
        description =
            "log_line_prefix for pgBadger (it cannot read it from the lines; default: the demo's).")
    String prefix;

    @Option(names = "--no-pgbadger", description = "Skip the pgBadger comparison.")
    boolean noPgbadger;

    @Override
    public Integer call() throws Exception {
      var out = spec.commandLine().getOut();
      double mb = Files.size(log) / 1048576.0;
      out.printf(
          "%s: %.0f MB, %d cores, max heap %d MB%n",
          log,
          mb,
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20);
      out.flush();
      double seconds;
      try (BenchProject bench = new BenchProject()) {
        System.gc();
        Scan.resetPeaks();
        long start = System.nanoTime();
        var result = bench.imports.importFile(log, null, ProgressListener.NONE);
        seconds = (System.nanoTime() - start) / 1e9;
        var analysis = bench.store.analyses().queries(5);
        out.printf(
            "workbench import: %.2f s = %.1f MB/s, peak heap %d MB: %s%n",
            seconds, mb / seconds, Scan.peakHeapMb(), result.summary());
        out.printf(
            "  %,d distinct statements, %,d request windows, %d N+1 patterns, %d plan issues%n",
            analysis.statements().size(),
            analysis.windows(),
            analysis.nPlusOnes().size(),
            analysis.planIssues().size());
      }
      if (!noPgbadger) {
        Path report = Files.createTempFile("pgbadger", ".txt");
        long start = System.nanoTime();
        Process p;
        try {
          p =
              new ProcessBuilder(
                      "pgbadger",
                      "--quiet",
                      "--prefix",
                      prefix,
                      "-x",
                      "text",
                      "-o",
                      report.toString(),
                      log.toString())
                  .redirectErrorStream(true)
                  .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                  .start();
        } catch (IOException e) {
          out.println("pgbadger not found (apt-get install pgbadger); skipped");
          return OK;
        }
        int exit = p.waitFor();
        double badger = (System.nanoTime() - start) / 1e9;
        out.printf(
            "pgbadger -x text: %.2f s = %.1f MB/s (exit %d, report %,d bytes)%n",
            badger, mb / badger, exit, Files.size(report));
        out.printf(
            "workbench %.2f s vs pgbadger %.2f s: %.1fx faster%n",
            seconds, badger, badger / seconds);
        Files.deleteIfExists(report);
      }
      return OK;
    }
  }

  @Command(
      name = "report",
      description = {
        "Import a generated semgrep report of N findings, move them all to 'In report' and time the report:",
        "model, HTML and PDF."
      })
  static final class Report implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--findings",
        defaultValue = "500",
        description = "Findings in the report (default ${DEFAULT-VALUE}).")
    int findings;

    @Override
    public Integer call() throws Exception {
      var out = spec.commandLine().getOut();
      try (BenchProject bench = new BenchProject()) {
        Path report = bench.dir.resolve("semgrep.json");
        BenchReports.write("semgrep", report, findings);
        var store = bench.store;
        {
          bench.imports.importFile(report, null, ProgressListener.NONE);
          List<Long> ids = store.findings().all().stream().map(Finding::id).toList();
          store
              .triage()
              .execute(
                  new TriageCommand.Move(ids, Status.IN_REPORT, null, Map.of(), "bench"), "bench");
          for (int run = 1; run <= 2; run++) {
            long start = System.nanoTime();
            var model = store.reports().model();
            long modelAt = System.nanoTime();
            String html = new ReportRenderer(null).html(model);
            long htmlAt = System.nanoTime();
            var pdf = new ByteArrayOutputStream();
            ReportRenderer.pdf(html, pdf);
            long end = System.nanoTime();
            out.printf(
                "run %d: %d findings in report: model %.2f s, HTML %.2f s (%,d chars), PDF %.2f s (%,d bytes); total %.2f s%n",
                run,
                model.summary().inReport(),
                (modelAt - start) / 1e9,
                (htmlAt - modelAt) / 1e9,
                html.length(),
                (end - htmlAt) / 1e9,
                pdf.size(),
                (end - start) / 1e9);
          }
        }
      }
      return OK;
    }
  }

  @Command(
      name = "board",
      description = {
        "Put N generated findings on the board's columns (the same filtered lists the Board and Findings pages show)",
        "and time a search, a severity filter and clearing them: what the UI waits for before it redraws the",
        "visible cards (the columns are virtualised: only those are drawn)."
      })
  static final class Board implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--findings",
        defaultValue = "10000",
        description = "Findings (default ${DEFAULT-VALUE}).")
    int findings;

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      var model = new FindingsViewModel(null, null, null);
      var board = new BoardViewModel(model, null, null, null);
      List<Finding> generated = new ArrayList<>();
      var severities = Severity.values();
      var statuses = Status.values();
      var categories = Category.values();
      for (int i = 0; i < findings; i++) {
        var status = statuses[i % 3]; // inbox, confirmed, in report
        generated.add(
            new Finding(
                i + 1,
                String.format("%032x", i),
                "bench.rule" + (i % 40),
                "Finding "
                    + i
                    + " in module"
                    + (i % 300)
                    + ".py: "
                    + (i % 7 == 0 ? "SQL injection" : "N+1 query"),
                "description " + i,
                categories[i % categories.length],
                severities[i % severities.length],
                Confidence.HIGH,
                new Location(
                    "app" + (i % 12) + "/module" + (i % 300) + ".py",
                    1 + i % 500,
                    1 + i % 500,
                    null,
                    true),
                List.of(),
                List.of(),
                List.of(),
                List.of(new SourceRef("bench", null, "R" + (i % 40), 1, 1, 0)),
                Impact.of(1 + i % 5),
                Effort.hours(1 + i % 40),
                new Triage(status, null, null, null, null, List.of()),
                Instant.EPOCH,
                Instant.EPOCH,
                0));
      }
      long start = System.nanoTime();
      model.all().setAll(generated);
      out.printf(
          "load %,d findings onto the board: %.1f ms%n",
          findings, (System.nanoTime() - start) / 1e6);
      for (int run = 1; run <= 3; run++) {
        double search = time(() -> model.searchProperty().set("SQL injection"));
        int shown = board.column(Status.INBOX).size();
        double severity = time(() -> model.severityProperty().set(Severity.HIGH));
        double clear =
            time(
                () -> {
                  model.searchProperty().set("");
                  model.severityProperty().set(null);
                });
        out.printf(
            "run %d: search %.1f ms (%,d in Inbox), + severity %.1f ms, clear %.1f ms%n",
            run, search, shown, severity, clear);
      }
      // Every card placed by hand, in reverse: the re-sort a drop within a column causes, at its
      // worst.
      Map<String, Integer> ranks = new HashMap<>();
      for (int i = 0; i < generated.size(); i++) {
        ranks.put(generated.get(i).fingerprint(), generated.size() - i);
      }
      for (int run = 1; run <= 3; run++) {
        double reorder = time(() -> board.applyRanks(ranks));
        double filtered = time(() -> model.searchProperty().set("SQL injection"));
        model.searchProperty().set("");
        out.printf(
            "run %d: re-sort all columns in hand-placed order %.1f ms, then search %.1f ms%n",
            run, reorder, filtered);
      }
      return OK;
    }

    private static double time(Runnable r) {
      long t = System.nanoTime();
      r.run();
      return (System.nanoTime() - t) / 1e6;
    }
  }

  @Command(
      name = "import",
      description = {
        "Generate a report of N results in a tool's layout (semgrep JSON or SARIF), import it into a new",
        "project, and print seconds, results/s and peak heap. Run with -Xmx512m to check the memory bar."
      })
  static final class Import implements Callable<Integer> {
    enum Format {
      semgrep,
      sarif
    }

    @Spec CommandSpec spec;

    @Option(
        names = "--format",
        defaultValue = "sarif",
        description = "semgrep or sarif (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(
        names = "--results",
        defaultValue = "100000",
        description = "Results in the report (default ${DEFAULT-VALUE}).")
    int results;

    @Override
    public Integer call() throws Exception {
      var out = spec.commandLine().getOut();
      try (BenchProject bench = new BenchProject()) {
        Path report = bench.dir.resolve("report." + (format == Format.sarif ? "sarif" : "json"));
        BenchReports.write(format.name(), report, results);
        out.printf(
            "%s report with %,d results: %,d bytes; max heap %d MB%n",
            format, results, Files.size(report), Runtime.getRuntime().maxMemory() >> 20);
        System.gc();
        Scan.resetPeaks();
        long start = System.nanoTime();
        var result = bench.imports.importFile(report, null, ProgressListener.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(
            "imported in %.2f s = %,.0f results/s, peak heap %d MB: %s%n",
            seconds, results / seconds, Scan.peakHeapMb(), result.summary());
      }
      return OK;
    }
  }

  @Command(
      name = "parse",
      description = {
        "Parse every .py file under a folder with both Python parsers (one thread): print how many files the",
        "fast parser read with tree-sitter's very tree, how many it left to tree-sitter and why, any difference,",
        "and each parser's lines/s."
      })
  static final class Parse implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<folder>", description = "A folder of Python files.")
    Path folder;

    @Option(
        names = "--runs",
        defaultValue = "2",
        description = "Passes over the files (the first warms the JVM; default ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws Exception {
      if (!Files.isDirectory(folder)) {
        throw new IllegalArgumentException(folder + " is not a folder");
      }
      List<Path> files;
      try (var walk = Files.walk(folder)) {
        files =
            walk.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p))
                .sorted()
                .toList();
      }
      var out = spec.commandLine().getOut();
      ParserComparison.Result r = null;
      for (int run = 1; run <= runs; run++) {
        r = ParserComparison.compare(files, 5);
        out.printf(
            "run %d: %d files, %,d lines: fast parser %.2f s (%,.0f lines/s incl. its rejections), tree-sitter %.2f s (%,.0f lines/s)%n",
            run,
            files.size(),
            r.lines(),
            r.fastNanos() / 1e9,
            r.lines() / (r.fastNanos() / 1e9),
            r.treeSitterNanos() / 1e9,
            r.lines() / (r.treeSitterNanos() / 1e9));
      }
      out.printf(
          "same tree as tree-sitter: %d; left to tree-sitter: %d (%,d lines); different: %d; not valid Python 3 for tree-sitter: %d%n",
          r.same(), r.rejected(), r.rejectedLines(), r.different(), r.invalid());
      r.reasons().entrySet().stream()
          .sorted((a, b) -> b.getValue() - a.getValue())
          .forEach(e -> out.printf("  %5d %s%n", e.getValue(), e.getKey()));
      r.diffs().forEach(out::println);
      out.flush();
      return r.different() == 0 ? OK : 1;
    }
  }

  @Command(
      name = "scan",
      description = {
        "Analyse a repository as 'workbench scan' does (without storing) and print files, lines, seconds,",
        "lines/s and peak heap; then run 'bandit -r' on the same tree for comparison."
      })
  static final class Scan implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<repo>", description = "The repository folder.")
    Path repo;

    @Option(
        names = "--runs",
        defaultValue = "2",
        description = "Timed runs (the first also warms the JVM; default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--no-bandit", description = "Skip the bandit comparison.")
    boolean noBandit;

    @Override
    public Integer call() throws Exception {
      if (!Files.isDirectory(repo)) {
        throw new IllegalArgumentException(repo + " is not a folder");
      }
      var out = spec.commandLine().getOut();
      out.printf(
          "Repository %s, %d cores, max heap %d MB%n",
          repo.toAbsolutePath(),
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20);
      double best = Double.MAX_VALUE;
      RepoAnalysis analysis = null;
      int findings = 0;
      for (int run = 1; run <= runs; run++) {
        System.gc();
        resetPeaks();
        long start = System.nanoTime();
        analysis = ScanService.analyse(repo, Thresholds.DEFAULTS, ProgressListener.NONE);
        long analysed = System.nanoTime();
        List<ScanService.RuleRun> ruleRuns = ScanService.runRules(analysis);
        List<RawFinding> found = ScanService.distinct(ruleRuns);
        double seconds = (System.nanoTime() - start) / 1e9;
        String slowest =
            ruleRuns.stream()
                .sorted((x, y) -> Long.compare(y.nanos(), x.nanos()))
                .limit(3)
                .map(r -> String.format("%s %.2f s", r.rule().id(), r.nanos() / 1e9))
                .collect(Collectors.joining(", "));
        out.printf(
            "run %d: read, parse and analyse %.2f s; rules %.2f s on %d cores (slowest: %s)%n",
            run,
            (analysed - start) / 1e9,
            seconds - (analysed - start) / 1e9,
            Runtime.getRuntime().availableProcessors(),
            slowest);
        findings = found.size();
        long lines = analysis.summaries().stream().mapToLong(s -> s.lines().total()).sum();
        out.printf(
            "run %d: %d files, %d Python files, %d lines (%d code) in %.2f s = %,.0f lines/s, peak heap %d MB,"
                + " %d models, %d routes, %d import edges, %d findings%n",
            run,
            analysis.files().size(),
            analysis.summaries().size(),
            lines,
            analysis.summaries().stream().mapToLong(s -> s.lines().code()).sum(),
            seconds,
            lines / seconds,
            peakHeapMb(),
            analysis.inventory().models().size(),
            analysis.inventory().routes().size(),
            analysis.graph().edges().size(),
            findings);
        best = Math.min(best, seconds);
      }
      if (!noBandit) {
        double bandit = bandit(out);
        if (bandit > 0) {
          out.printf(
              "workbench scan %.2f s vs bandit -r %.2f s: %.1fx faster%n",
              best, bandit, bandit / best);
        }
      }
      out.flush();
      return OK;
    }

    private double bandit(PrintWriter out) throws Exception {
      long start = System.nanoTime();
      Process p;
      try {
        p =
            new ProcessBuilder("bandit", "-r", repo.toString(), "-f", "json", "-q")
                .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.to(new File("/dev/null")))
                .start();
      } catch (IOException e) {
        out.println("bandit is not installed (apt-get install bandit); no comparison");
        return -1;
      }
      if (!p.waitFor(60, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        out.println("bandit did not finish within 60 minutes");
        return -1;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      out.printf("bandit -r: %.2f s (exit %d)%n", seconds, p.exitValue());
      return seconds;
    }

    static void resetPeaks() {
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        pool.resetPeakUsage();
      }
    }

    static long peakHeapMb() {
      long sum = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          sum += pool.getPeakUsage().getUsed();
        }
      }
      return sum >> 20;
    }
  }
}
