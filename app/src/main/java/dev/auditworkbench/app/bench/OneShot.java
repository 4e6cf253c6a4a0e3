package dev.auditworkbench.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One run of a command in a new process, as a user runs it, measured by GNU time (Debian's {@code
 * time} package): wall seconds, CPU seconds (user + system) and peak resident memory.
 */
record OneShot(double wall, double cpu, long peakRssKb, int exit, String output) {
  static final Path GNU_TIME = Path.of("/usr/bin/time");

  /** Whether GNU time is there to measure with. */
  static boolean available() {
    return Files.isExecutable(GNU_TIME);
  }

  /** Whether a program is on the PATH. */
  static boolean installed(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /** Runs the command to its end and returns what GNU time measured, and what it printed. */
  static OneShot run(List<String> command, Path workDir) throws IOException, InterruptedException {
    Path figures = Files.createTempFile("workbench-oneshot", ".txt");
    Path printed = Files.createTempFile("workbench-oneshot", ".out");
    try {
      List<String> cmd = new ArrayList<>();
      cmd.add(GNU_TIME.toString());
      cmd.add("-o");
      cmd.add(figures.toString());
      cmd.add("-f");
      cmd.add("%e %U %S %M %x");
      cmd.addAll(command);
      Process p =
          new ProcessBuilder(cmd)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(printed.toFile())
              .start();
      if (!p.waitFor(60, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish within 60 minutes");
      }
      List<String> lines = Files.readAllLines(figures);
      String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
      String[] f = last.split(" ");
      if (f.length < 5) {
        throw new IOException("GNU time gave no figures for " + command + ": " + lines);
      }
      return new OneShot(
          Double.parseDouble(f[0]),
          Double.parseDouble(f[1]) + Double.parseDouble(f[2]),
          Long.parseLong(f[3]),
          Integer.parseInt(f[4]),
          tail(printed));
    } finally {
      Files.deleteIfExists(figures);
      Files.deleteIfExists(printed);
    }
  }

  /** The last 4 KB of what the command printed (its summary lines). */
  private static String tail(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    int from = Math.max(0, all.length - 4096);
    return new String(all, from, all.length - from, StandardCharsets.UTF_8);
  }

  /** Median of several runs by wall time (the run itself, so its CPU and memory go with it). */
  static OneShot median(List<OneShot> runs) {
    List<OneShot> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparingDouble(OneShot::wall));
    return sorted.get(sorted.size() / 2);
  }

  /** Largest peak memory of the runs. */
  static long maxRss(List<OneShot> runs) {
    return runs.stream().mapToLong(OneShot::peakRssKb).max().orElse(0);
  }

  /** "20.61 s wall, 22.4 s CPU (1.09 cores), 1,104 MB peak RSS". */
  String describe() {
    return String.format(
        Locale.ROOT,
        "%.2f s wall, %.1f s CPU (%.2f cores), %,d MB peak RSS%s",
        wall,
        cpu,
        wall == 0 ? 0 : cpu / wall,
        peakRssKb / 1024,
        exit == 0 ? "" : " (exit " + exit + ")");
  }

  /**
   * A workbench command in a new JVM, as the launcher starts it: this JVM's java and class path,
   * then {@code javaOptions} (space-separated, may be blank), then the command's arguments.
   */
  static List<String> workbench(String javaOptions, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (System.getenv("WORKBENCH_CDS") != null) {
      // The launcher's class archive, as a user's run of the command maps it.
      cmd.add("-XX:SharedArchiveFile=" + System.getenv("WORKBENCH_CDS"));
      cmd.add("-Xlog:cds=off");
      cmd.add("-Xlog:cds+dynamic=off");
    }
    for (String o : javaOptions.trim().split("\\s+")) {
      if (!o.isEmpty()) {
        cmd.add(o);
      }
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("dev.auditworkbench.app.Main");
    cmd.addAll(List.of(args));
    return cmd;
  }

  /**
   * One row of a bench's results table: median wall, MB/s when {@code mb} is above 0, CPU per wall
   * second, the largest peak RSS, and the time against {@code us} (ours).
   */
  static String row(String name, List<OneShot> runs, OneShot us, double mb) {
    OneShot m = median(runs);
    return String.format(
        Locale.ROOT,
        "| %s | %.2f s |%s %.2f | %,d MB | %s |",
        name,
        m.wall(),
        mb > 0 ? String.format(Locale.ROOT, " %.0f |", mb / m.wall()) : "",
        m.wall() == 0 ? 0 : m.cpu() / m.wall(),
        maxRss(runs) / 1024,
        m == us ? "-" : String.format(Locale.ROOT, "%.2fx its time", m.wall() / us.wall()));
  }
}
