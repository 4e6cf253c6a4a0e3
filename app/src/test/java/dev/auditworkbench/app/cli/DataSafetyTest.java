package dev.auditworkbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.auditworkbench.app.Main;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a careless operator or a hostile input does to a project, and what it must never cost. */
class DataSafetyTest {
  @TempDir Path dir;

  private Path newProject(String name) throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Path project = dir.resolve(name);
    Cli.run("new", project, "--repo", repo, "--no-scan").ok();
    return project;
  }

  /**
   * Two names for one file (a hard link) are one project: the second opener is refused, not
   * silently lost.
   */
  @Test
  void aProjectOpenThroughAHardLinkIsRefusedUnderItsOtherName() throws Exception {
    Path project = newProject("a.audit");
    Path alias = Files.createLink(dir.resolve("b.audit"), project);
    Process holder =
        ChildJvm.start(dir, dir.resolve("hold.log"), HoldProject.class, project.toString());
    try {
      waitForLine(dir.resolve("hold.log"), "open ");
      Cli imported = Cli.run("import", alias, CliTest.sample("one_vuln.json"));
      assertEquals(ExitCodes.PROJECT_FILE, imported.code(), imported.out() + imported.err());
      assertTrue(imported.err().contains("open in another window/process"), imported.err());
    } finally {
      holder.getOutputStream().close();
      holder.waitFor(30, TimeUnit.SECONDS);
    }
    Cli.run("import", alias, CliTest.sample("one_vuln.json")).ok();
    assertTrue(
        Cli.run("info", project).ok().out().contains("Imports:    1\n"),
        "the import landed, under either name");
  }

  /** An export killed half-way leaves neither a half-written file nor its temporary. */
  @Test
  void anInterruptedReportLeavesTheOldFileAndNoTemporary() throws Exception {
    Path project = dir.resolve("demo.audit");
    Cli.run("demo", project).ok();
    Path pdf = dir.resolve("out").resolve("report.pdf");
    Files.createDirectories(pdf.getParent());
    Files.writeString(pdf, "the previous report");
    Process child =
        ChildJvm.start(
            dir,
            dir.resolve("report.log"),
            Main.class,
            "report",
            project.toString(),
            "--pdf",
            pdf.toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (partials(pdf.getParent()).isEmpty()) {
      assertTrue(
          child.isAlive(),
          () ->
              "the report ended before it could be interrupted: "
                  + read(dir.resolve("report.log")));
      assertTrue(System.nanoTime() < deadline, "the report never started writing");
      Thread.sleep(2);
    }
    child.destroy(); // SIGTERM, as Ctrl+C or a closing terminal sends
    assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    assertEquals(List.of(), partials(pdf.getParent()), "no temporary left");
    assertEquals("the previous report", Files.readString(pdf));
  }

  @Test
  void aReportThatCannotBeWrittenSaysWhichFileAndWhy() throws Exception {
    Path project = newProject("w.audit");
    Cli missing =
        Cli.run("report", project, "--html", dir.resolve("no-such-folder").resolve("r.html"));
    assertEquals(ExitCodes.BAD_INPUT, missing.code());
    assertTrue(
        missing.err().contains("cannot write " + dir.resolve("no-such-folder").resolve("r.html")),
        missing.err());
    assertFalse(missing.err().contains("cannot read input"), missing.err());
    Path folder = Files.createDirectories(dir.resolve("taken.csv"));
    Cli isFolder = Cli.run("report", project, "--csv", folder);
    assertEquals(ExitCodes.BAD_INPUT, isFolder.code());
    assertTrue(
        isFolder.err().contains("cannot write " + folder + ": it is a folder"), isFolder.err());
  }

  /**
   * A 21 MB message is cut with a marker and a warning; the project stays readable by every
   * command.
   */
  @Test
  void anOversizedMessageIsCutAndTheProjectStaysReadable() throws Exception {
    Path project = newProject("big.audit");
    Path mypy = dir.resolve("mypy.txt");
    String huge = "x".repeat(21 * 1024 * 1024);
    Files.writeString(
        mypy,
        "shop/views.py:3: error: Incompatible types "
            + huge
            + "  [assignment]\n"
            + "shop/models.py:9: error: Name \"Foo\" is not defined  [name-defined]\n");
    Cli imported = Cli.run("import", project, mypy).ok();
    assertTrue(imported.out().contains("2 new"), imported.out());
    assertTrue(
        imported.out().contains("characters long; the first"),
        "the import says what it cut: " + imported.out());
    assertEquals(0, Cli.run("info", project).code());
    Cli findings = Cli.run("findings", project, "--format", "json").ok();
    assertTrue(findings.out().contains("[... cut: "), "the marker is stored");
    assertTrue(
        findings.out().length() < 1_000_000,
        "nothing of 21 MB was stored: " + findings.out().length());
  }

  /**
   * A project on read-only media can be read (info, findings, report), and changing it is refused
   * clearly.
   */
  @Test
  void aProjectOnReadOnlyMediaCanBeReadButNotChanged() throws Exception {
    onTmpfs(
        "media",
        "8m",
        media -> {
          Path project = projectWithOneImport(media.resolve("ro.audit"));
          assertEquals(0, run("mount", "-o", "remount,ro", media.toString()));
          assertTrue(Cli.run("info", project).ok().out().contains("Imports:    1\n"));
          assertTrue(
              Cli.run("findings", project, "--format", "json").ok().out().contains("\"ruleId\""));
          Cli.run("report", project, "--html", dir.resolve("ro.html")).ok();
          Cli changed = Cli.run("import", project, CliTest.sample("one_vuln.json"));
          assertEquals(ExitCodes.PROJECT_FILE, changed.code());
          assertTrue(changed.err().contains("read-only media"), changed.err());
        });
  }

  /** A full disk is called a full disk, never a damaged project, and nothing stored is lost. */
  @Test
  void aFullDiskIsReportedAsSuchAndNothingIsLost() throws Exception {
    onTmpfs(
        "small",
        "2m",
        media -> {
          Path project = projectWithOneImport(media.resolve("full.audit"));
          Path filler = media.resolve("filler");
          run("dd", "if=/dev/zero", "of=" + filler, "bs=64k", "count=64");
          Cli big = Cli.run("import", project, CliTest.sample("many_vulns.json"));
          assertTrue(
              big.code() == ExitCodes.PROJECT_FILE || big.code() == ExitCodes.BAD_INPUT, big.err());
          assertTrue(big.err().contains("full"), big.err());
          assertFalse(big.err().contains("damaged"), big.err());
          Files.delete(filler);
          assertTrue(
              Cli.run("info", project).ok().out().contains("Imports:    1\n"),
              "the earlier import is intact");
        });
  }

  @Test
  void lineNumbersOutOfRangeAreRefusedWithTheFieldNamedAndNothingStored() throws Exception {
    Path project = newProject("lines.audit");
    String report = Files.readString(CliTest.sample("one_vuln.json"));
    for (String value : List.of("1e30", "2147483648", "-4")) {
      Path bad = dir.resolve("bad-" + value + ".json");
      Files.writeString(
          bad, report.replaceFirst("\"line_number\": \\d+", "\"line_number\": " + value));
      Cli refused = Cli.run("import", project, bad);
      assertEquals(
          ExitCodes.BAD_INPUT, refused.code(), value + ": " + refused.out() + refused.err());
      assertTrue(refused.err().contains("line_number"), refused.err());
      assertTrue(
          refused.err().contains(bad.getFileName().toString()) && refused.err().contains("bandit"),
          refused.err());
    }
    assertTrue(Cli.run("info", project).ok().out().contains("Imports:    0\n"), "nothing stored");
  }

  /**
   * The same report written as UTF-16 or UTF-32, with or without a byte order mark, imports the
   * same records.
   */
  @Test
  void utf16AndUtf32ReportsAreReadAsText() throws Exception {
    String report = Files.readString(CliTest.sample("many_vulns.json"));
    String utf8 =
        Cli.run("import", newProject("utf8.audit"), CliTest.sample("many_vulns.json")).ok().out();
    String read = utf8.substring(utf8.indexOf("; ") + 2, utf8.indexOf(" read"));
    int i = 0;
    for (var encoding :
        List.of(
            new Object[] {"UTF-16LE", "\uFEFF"},
            new Object[] {"UTF-16BE", ""},
            new Object[] {"UTF-32LE", "\uFEFF"},
            new Object[] {"UTF-32BE", ""})) {
      Path file = dir.resolve("report-" + encoding[0] + ".json");
      Files.write(file, (encoding[1] + report).getBytes(Charset.forName((String) encoding[0])));
      Cli imported = Cli.run("import", newProject("enc" + i++ + ".audit"), file);
      assertEquals(0, imported.code(), encoding[0] + ": " + imported.err());
      assertTrue(
          imported.out().contains("detected Bandit JSON; " + read + " read"),
          encoding[0] + ": " + imported.out());
    }
  }

  /**
   * Scanner text that a spreadsheet would run, or that would rewrite the terminal, stays inert in
   * every output.
   */
  @Test
  void formulasAndTerminalEscapesFromAToolStayInert() throws Exception {
    Path project = newProject("inert.audit");
    String report = Files.readString(CliTest.sample("many_vulns.json"));
    String hostile =
        report
            .replaceFirst("\"filename\": \"[^\"]*\"", "\"filename\": \"=SUM(1+1).py\"")
            .replaceFirst(
                "\"issue_text\": \"[^\"]*\"",
                "\"issue_text\": \"=HYPERLINK(1+1) \\\\u001b]0;pwned\\\\u0007\\\\u001b[31mred\\\\u001b[0m\"");
    Path file = dir.resolve("hostile.json");
    Files.writeString(file, hostile);
    Cli.run("import", project, file).ok();
    String table = Cli.run("findings", project).ok().out();
    assertTrue(table.contains("=HYPERLINK"), "the text is shown");
    assertFalse(
        table.contains("\u001b") || table.contains("\u0007"), "no escape reaches the terminal");
    String csv = Cli.run("findings", project, "--format", "csv").ok().out();
    assertTrue(
        csv.contains(",'=SUM(1+1).py,"),
        csv.lines().filter(l -> l.contains("SUM")).findFirst().orElse(csv));
    assertFalse(csv.matches("(?s).*(^|,)\"?[=+@-][A-Z].*"), "no cell starts with a formula");
    String plan = Cli.run("plan", project, "--format", "csv").ok().out();
    assertFalse(plan.matches("(?s).*(^|,)\"?[=+@].*"), plan);
    Cli.run("report", project, "--csv", dir.resolve("jira.csv")).ok();
    assertFalse(Files.readString(dir.resolve("jira.csv")).matches("(?s).*(^|,|\n)\"?=HYPERLINK.*"));
  }

  @FunctionalInterface
  private interface OnMedia {
    void run(Path media) throws Exception;
  }

  /**
   * Runs {@code body} on a fresh tmpfs of this size (needs root on Linux; skipped elsewhere),
   * unmounted after.
   */
  private void onTmpfs(String name, String size, OnMedia body) throws Exception {
    Path media = Files.createDirectories(dir.resolve(name));
    assumeTrue(
        run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", media.toString()) == 0,
        "needs a tmpfs mount (root on Linux)");
    try {
      body.run(media);
    } finally {
      run("umount", "-l", media.toString());
    }
  }

  private Path projectWithOneImport(Path project) throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Cli.run("new", project, "--repo", repo, "--no-scan").ok();
    Cli.run("import", project, CliTest.sample("one_vuln.json")).ok();
    return project;
  }

  private static int run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
  }

  private static List<Path> partials(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
    }
  }

  private static void waitForLine(Path log, String start) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!(Files.exists(log) && Files.readString(log).contains(start))) {
      assertTrue(System.nanoTime() < deadline, "the holder never opened the project");
      Thread.sleep(20);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (Exception e) {
      return "";
    }
  }
}
