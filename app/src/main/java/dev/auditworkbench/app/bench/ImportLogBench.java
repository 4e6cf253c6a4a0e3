package dev.auditworkbench.app.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code workbench bench import-log <log>}: a PostgreSQL log imported one-shot as a user imports it
 * ({@code workbench import} in a new process, into a project made beforehand and not timed),
 * interleaved in the same run with pgBadger on the same file ({@code pgbadger -j 2}, Debian's
 * package), medians of several runs, MB/s and peak RSS from GNU time.
 */
@Command(
    name = "import-log",
    description = {
      "Time 'workbench import' of a PostgreSQL log one-shot (a new process per run) beside",
      "pgbadger -j 2 on the same file in the same run: medians, MB/s, CPU, peak RSS."
    })
final class ImportLogBench implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<log>", description = "A PostgreSQL log file.")
  Path log;

  @Option(
      names = "--runs",
      defaultValue = "3",
      description = "Runs of each (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--pgbadger-prefix",
      defaultValue = "%m [%p] %q%u@%d app=%a ",
      description = "log_line_prefix for pgBadger (default: the demo's).")
  String prefix;

  @Option(names = "--no-pgbadger", description = "Skip pgBadger (over two minutes a run on 1 GB).")
  boolean noPgbadger;

  /** What the workbench launcher gives 'import'; keep the two the same. */
  static final String IMPORT_OPTIONS = "-XX:+UseParallelGC -Xmx1g";

  @Option(
      names = "--java-opts",
      defaultValue = IMPORT_OPTIONS,
      description =
          "JVM options for the import runs (default: the launcher's, ${DEFAULT-VALUE};"
              + " \"\" for the JVM's defaults).")
  String javaOpts;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (!OneShot.available()) {
      out.println("GNU time is not installed (apt-get install time); nothing measured");
      return BenchCommand.OK;
    }
    double mb = Files.size(log) / 1048576.0;
    out.printf(
        Locale.ROOT,
        "%s: %,.0f MB; %d one-shot runs each, interleaved, %d cores; import JVM options: %s%n",
        log,
        mb,
        runs,
        Runtime.getRuntime().availableProcessors(),
        javaOpts.isBlank() ? "(the JVM's defaults)" : javaOpts);
    boolean badger = !noPgbadger && OneShot.installed("pgbadger");
    List<OneShot> ours = new ArrayList<>();
    List<OneShot> badgers = new ArrayList<>();
    Path work = Files.createTempDirectory("workbench-bench-log");
    try {
      Path repo = Files.createDirectories(work.resolve("repo"));
      for (int run = 1; run <= runs; run++) {
        Path project = work.resolve("run" + run + ".audit");
        OneShot made =
            OneShot.run(
                OneShot.workbench("", "new", project.toString(), "--repo", repo.toString()), work);
        if (made.exit() != 0) {
          out.println("could not make the project to import into (exit " + made.exit() + ")");
          return BenchCommand.OK;
        }
        OneShot o =
            OneShot.run(
                OneShot.workbench(javaOpts, "import", project.toString(), log.toString()), work);
        ours.add(o);
        out.printf(
            Locale.ROOT,
            "run %d  workbench import  %s, %.0f MB/s%n",
            run,
            o.describe(),
            mb / o.wall());
        Files.deleteIfExists(project);
        if (badger) {
          Path report = work.resolve("pgbadger.txt");
          OneShot b =
              OneShot.run(
                  List.of(
                      "pgbadger",
                      "--quiet",
                      "-j",
                      "2",
                      "--prefix",
                      prefix,
                      "-x",
                      "text",
                      "-o",
                      report.toString(),
                      log.toString()),
                  work);
          badgers.add(b);
          out.printf(
              Locale.ROOT,
              "run %d  pgbadger -j 2     %s, %.0f MB/s%n",
              run,
              b.describe(),
              mb / b.wall());
          Files.deleteIfExists(report);
        }
        out.flush();
      }
    } finally {
      try (Stream<Path> walk = Files.walk(work)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    OneShot us = OneShot.median(ours);
    out.println();
    out.println("| command | median wall | MB/s | CPU / wall | peak RSS (max) | vs workbench |");
    out.println("|---|---|---|---|---|---|");
    out.println(OneShot.row("workbench import", ours, us, mb));
    if (badger) {
      out.println(OneShot.row("pgbadger -j 2", badgers, us, mb));
    } else if (!noPgbadger) {
      out.println("pgbadger is not installed (apt-get install pgbadger); no comparison");
    }
    return BenchCommand.OK;
  }
}
