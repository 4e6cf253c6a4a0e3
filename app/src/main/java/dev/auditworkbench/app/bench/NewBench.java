package dev.auditworkbench.app.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code workbench bench new <repo>}: what an auditor waits for when creating a project, measured
 * one-shot as a user runs it: each run a new process ({@code workbench new}, JVM start to exit),
 * side by side in the same run with the peers on the same tree ({@code radon cc -j} and {@code
 * bandit -r}, Debian's packages), interleaved so both see the same machine, medians of several
 * runs, peak resident memory from GNU time.
 */
@Command(
    name = "new",
    description = {
      "Time 'workbench new' on a repository one-shot (a new process per run, as a user runs it)",
      "beside radon cc -j and bandit -r on the same tree in the same run: medians, CPU, peak RSS."
    })
final class NewBench implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<repo>", description = "The repository to scan.")
  Path repo;

  @Option(
      names = "--runs",
      defaultValue = "3",
      description = "Runs of each (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--no-bandit", description = "Skip bandit (over a minute a run on 700k lines).")
  boolean noBandit;

  /** What the workbench launcher gives one-shot commands (new, scan); keep the two the same. */
  static final String ONE_SHOT_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmx1g";

  @Option(
      names = "--java-opts",
      defaultValue = ONE_SHOT_OPTIONS,
      description =
          "JVM options for the workbench runs (default: the launcher's for one-shot commands,"
              + " ${DEFAULT-VALUE}; \"\" for the JVM's defaults).")
  String javaOpts;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (!OneShot.available()) {
      out.println("GNU time is not installed (apt-get install time); nothing measured");
      return BenchCommand.OK;
    }
    long[] size = pythonSize(repo);
    out.printf(
        Locale.ROOT,
        "%s: %,d Python files, %,d lines; %d one-shot runs each, interleaved, %d cores;"
            + " workbench JVM options: %s%n",
        repo,
        size[0],
        size[1],
        runs,
        Runtime.getRuntime().availableProcessors(),
        javaOpts.isBlank() ? "(the JVM's defaults)" : javaOpts);
    boolean radon = OneShot.installed("radon");
    boolean bandit = !noBandit && OneShot.installed("bandit");
    List<OneShot> ours = new ArrayList<>();
    List<OneShot> radons = new ArrayList<>();
    List<OneShot> bandits = new ArrayList<>();
    Path work = Files.createTempDirectory("workbench-bench-new");
    try {
      for (int run = 1; run <= runs; run++) {
        Path project = work.resolve("run" + run + ".audit");
        List<String> cmd =
            OneShot.workbench(javaOpts, "new", project.toString(), "--repo", repo.toString());
        OneShot o = OneShot.run(cmd, work);
        ours.add(o);
        out.printf(Locale.ROOT, "run %d  workbench new   %s%n", run, o.describe());
        double scan = scanSeconds(o.output());
        if (scan >= 0) {
          // Where the time went: the scan's own figure (walk, parse, facts, inventory, history,
          // rules), the rest is JVM start, class loading, the project file and SQLite writes.
          out.printf(
              Locale.ROOT,
              "        scan %.2f s; JVM start, project file and SQLite writes %.2f s%n",
              scan,
              o.wall() - scan);
        }
        Files.deleteIfExists(project);
        if (radon) {
          OneShot r = OneShot.run(List.of("radon", "cc", "-j", repo.toString()), work);
          radons.add(r);
          out.printf(Locale.ROOT, "run %d  radon cc -j     %s%n", run, r.describe());
        }
        if (bandit) {
          OneShot b =
              OneShot.run(List.of("bandit", "-r", repo.toString(), "-f", "json", "-q"), work);
          bandits.add(b);
          out.printf(Locale.ROOT, "run %d  bandit -r       %s%n", run, b.describe());
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
    out.println("| command | median wall | CPU / wall | peak RSS (max) | vs workbench |");
    out.println("|---|---|---|---|---|");
    out.println(OneShot.row("workbench new", ours, us, 0));
    if (radon) {
      out.println(OneShot.row("radon cc -j", radons, us, 0));
    } else {
      out.println("radon is not installed (apt-get install radon); no comparison");
    }
    if (bandit) {
      out.println(OneShot.row("bandit -r", bandits, us, 0));
    } else if (!noBandit) {
      out.println("bandit is not installed (apt-get install bandit); no comparison");
    }
    return BenchCommand.OK;
  }

  private static final Pattern SCANNED = Pattern.compile("Repository scanned .* in ([0-9.]+) s:");

  /** The scan's own seconds from what 'workbench new' printed, or -1. */
  static double scanSeconds(String printed) {
    Matcher m = SCANNED.matcher(printed);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  /** Python files and lines under the tree (hidden folders skipped). */
  private static long[] pythonSize(Path root) throws Exception {
    long files = 0;
    long lines = 0;
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p :
          (Iterable<Path>)
              walk.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p))::iterator) {
        if (root.relativize(p).toString().startsWith(".")) {
          continue;
        }
        files++;
        try (Stream<String> l = Files.lines(p, StandardCharsets.ISO_8859_1)) {
          lines += l.count();
        }
      }
    }
    return new long[] {files, lines};
  }
}
