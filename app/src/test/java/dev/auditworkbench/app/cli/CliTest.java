package dev.auditworkbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.engine.testing.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;
  private Path project;
  private Path repo;

  static Path sample(String name) {
    return Resources.path(CliTest.class, "samples/bandit/" + name);
  }

  @BeforeEach
  void newProject() throws Exception {
    repo = Files.createDirectories(dir.resolve("client-repo"));
    project = dir.resolve("acme.audit");
    Cli.run(
            "new",
            project,
            "--repo",
            repo,
            "--client",
            "Acme Pay",
            "--auditor",
            "R. Auditor",
            "--no-scan")
        .ok();
  }

  private JsonNode findingsJson(Object... extra) throws Exception {
    Object[] args = new Object[3 + extra.length];
    args[0] = "findings";
    args[1] = project;
    args[2] = "--format=json";
    System.arraycopy(extra, 0, args, 3, extra.length);
    return MAPPER.readTree(Cli.run(args).ok().out());
  }

  private static int resultsIn(Path report) throws Exception {
    return MAPPER.readTree(report.toFile()).get("results").size();
  }

  /** Results that differ: a record repeated byte for byte in one report is one finding. */
  private static int distinctIn(Path report) throws Exception {
    Set<String> unique = new HashSet<>();
    MAPPER.readTree(report.toFile()).get("results").forEach(r -> unique.add(r.toString()));
    return unique.size();
  }

  @Test
  void importedFindingsAppearInTheStableJsonSchema() throws Exception {
    Cli imported = Cli.run("import", project, sample("one_vuln.json")).ok();
    assertTrue(
        imported.out().contains("detected Bandit JSON; 1 record read, 1 new, 0 unchanged, 0 gone"),
        imported.out());

    JsonNode findings = findingsJson();

    assertEquals(1, findings.size());
    JsonNode f = findings.get(0);
    assertEquals("bandit.B101", f.get("ruleId").asText());
    assertEquals("security", f.get("category").asText());
    assertEquals("low", f.get("severity").asText());
    assertEquals("one/one.py", f.get("path").asText());
    assertEquals(2, f.get("line").asInt());
    assertEquals("inbox", f.get("status").asText());
    assertEquals(2, f.get("impact").asInt());
    assertEquals("S", f.get("effort").asText());
    assertEquals(32, f.get("fingerprint").asText().length());
    assertEquals("bandit", f.get("sources").get(0).get("tool").asText());
    assertEquals(1, f.get("sources").get(0).get("importId").asInt());
  }

  @Test
  void reimportOfSameScanAddsNothing() throws Exception {
    Path report = sample("many_vulns.json");
    Cli.run("import", project, report).ok();
    JsonNode before = findingsJson();

    Cli again = Cli.run("import", project, report).ok();

    assertTrue(again.out().contains("already imported as import #1, nothing changed"), again.out());
    assertEquals(before, findingsJson());
    assertTrue(Cli.run("info", project).ok().out().contains("Imports:    1"));
  }

  @Test
  void sameContentUnderAnotherNameIsAllUnchanged() throws Exception {
    Path report = sample("many_vulns.json");
    Path copy = Files.write(dir.resolve("copy.json"), (Files.readString(report) + "\n").getBytes());
    Cli.run("import", project, report).ok();

    Cli again = Cli.run("import", project, copy).ok();

    int n = resultsIn(report);
    int distinct = distinctIn(report);
    assertTrue(
        again.out().contains(n + " records read, 0 new, " + distinct + " unchanged, 0 gone"),
        again.out());
    assertEquals(distinct, findingsJson().size());
  }

  @Test
  void backslashPathsFromWindowsScansAreRepoRelative() throws Exception {
    Cli.run("import", project, sample("many_vulns.json")).ok();
    Set<String> paths = new TreeSet<>();
    findingsJson().forEach(f -> paths.add(f.get("path").asText()));
    assertTrue(paths.contains("dojo/benchmark/views.py"), paths.toString());
    assertTrue(paths.stream().noneMatch(p -> p.contains("\\")), paths.toString());
  }

  @Test
  void laterScanKeepsTriageFollowsShiftedLinesAndMarksFixedOnesGone() throws Exception {
    Path first = sample("many_vulns.json");
    Cli.run("import", project, first).ok();
    JsonNode target = null;
    for (JsonNode f : findingsJson()) {
      if (f.get("path").asText().equals("dojo/models.py")) {
        target = f;
        break;
      }
    }
    String fp = target.get("fingerprint").asText();
    int oldLine = target.get("line").asInt();
    Cli.run(
            "set",
            project,
            fp.substring(0, 12),
            "--status",
            "confirmed",
            "--impact",
            "5",
            "--effort",
            "2d",
            "--note",
            "Seen in prod logs")
        .ok();

    Path later = dir.resolve("later.json");
    BanditReports.laterScan(
        first, later, r -> r.get("test_id").asText().equals("B303"), "dojo/models.py", 7);
    int total = distinctIn(first);
    int remaining = distinctIn(later);
    int fixed = total - remaining;
    assertTrue(fixed > 0);

    Cli second = Cli.run("import", project, later).ok();

    assertTrue(
        second
            .out()
            .contains(
                resultsIn(later)
                    + " records read, 0 new, "
                    + remaining
                    + " unchanged, "
                    + fixed
                    + " gone"),
        second.out());
    Map<String, JsonNode> byFp = new HashMap<>();
    findingsJson().forEach(f -> byFp.put(f.get("fingerprint").asText(), f));
    assertEquals(total, byFp.size(), "gone findings are kept, not deleted");
    JsonNode kept = byFp.get(fp);
    assertEquals("confirmed", kept.get("status").asText());
    assertEquals(5, kept.get("impact").asInt());
    assertEquals(16, kept.get("effortHours").asInt());
    assertEquals("Seen in prod logs", kept.get("notes").asText());
    assertEquals(oldLine + 7, kept.get("line").asInt());
    assertEquals(2, kept.get("sources").get(0).get("importId").asInt());
    long gone = byFp.values().stream().filter(f -> !f.get("goneSinceImport").isNull()).count();
    assertEquals(fixed, gone);
    byFp.values().stream()
        .filter(f -> !f.get("goneSinceImport").isNull())
        .forEach(f -> assertEquals("bandit.B303", f.get("ruleId").asText()));
  }

  @Test
  void reportOfOtherFilesMarksNothingGone() throws Exception {
    Cli.run("import", project, sample("many_vulns.json")).ok();

    Cli other = Cli.run("import", project, sample("one_vuln.json")).ok();

    assertTrue(other.out().contains("1 new, 0 unchanged, 0 gone"), other.out());
    int n = distinctIn(sample("many_vulns.json"));
    long open = 0;
    for (JsonNode f : findingsJson()) {
      if (f.get("goneSinceImport").isNull()) {
        open++;
      }
    }
    assertEquals(n + 1, open);
  }

  @Test
  void sameCweAtTheSamePlaceFromTwoToolsIsOneFindingWithTwoSources() throws Exception {
    Path bandit = sample("many_vulns.json");
    Cli.run("import", project, bandit).ok();
    JsonNode sql = null;
    for (JsonNode r : MAPPER.readTree(bandit.toFile()).get("results")) {
      if (r.get("test_id").asText().equals("B608")) {
        sql = r;
        break;
      }
    }
    String path = sql.get("filename").asText().replace('\\', '/');
    int line = sql.get("line_number").asInt();
    int before = findingsJson().size();
    // A second tool's SARIF result for the same statement (written for this test, in SARIF 2.1.0's
    // layout).
    String sarif =
        "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"semgrep\", \"rules\": ["
            + "{\"id\": \"python.django.security.injection.sql\", \"properties\": {\"tags\": [\"CWE-89: SQL Injection\"]}}]}},"
            + " \"results\": [{\"ruleId\": \"python.django.security.injection.sql\", \"level\": \"error\","
            + " \"message\": {\"text\": \"SQL built from strings\"}, \"locations\": [{\"physicalLocation\": {"
            + "\"artifactLocation\": {\"uri\": \""
            + path
            + "\"}, \"region\": {\"startLine\": "
            + line
            + "}}}]}]}]}";
    Path second = Files.writeString(dir.resolve("semgrep.sarif"), sarif);

    Cli merged = Cli.run("import", project, second).ok();

    assertTrue(merged.out().contains("1 record read, 1 new, 0 unchanged"), merged.out());
    assertEquals(before, findingsJson().size(), "no second finding");
    List<JsonNode> withSemgrep = new ArrayList<>();
    for (JsonNode f : findingsJson()) {
      f.get("sources")
          .forEach(
              s -> {
                if (s.get("tool").asText().equals("semgrep")) {
                  withSemgrep.add(f);
                }
              });
    }
    assertEquals(1, withSemgrep.size());
    JsonNode finding = withSemgrep.get(0);
    assertEquals(path, finding.get("path").asText());
    assertEquals(line, finding.get("line").asInt());
    assertTrue(finding.get("cwe").toString().contains("89"), finding.get("cwe").toString());
    List<String> tools = new ArrayList<>();
    finding.get("sources").forEach(s -> tools.add(s.get("tool").asText()));
    assertEquals(List.of("bandit", "semgrep"), tools);
    Cli again =
        Cli.run("import", project, Files.writeString(dir.resolve("semgrep2.sarif"), sarif + "\n"))
            .ok();
    assertTrue(again.out().contains("1 record read, 0 new, 1 unchanged"), again.out());
  }

  @Test
  void truncatedReportIsRefusedWithExit3AndTheProjectUnchangedByteForByte() throws Exception {
    Cli.run("import", project, sample("one_vuln.json")).ok();
    byte[] whole = Files.readAllBytes(sample("many_vulns.json"));
    Path truncated =
        Files.write(
            dir.resolve("truncated.json"), Arrays.copyOf(whole, (int) (whole.length * 0.8)));
    byte[] before = Files.readAllBytes(project);

    Cli result = Cli.run("import", project, truncated, "--format", "bandit-json");

    assertEquals(ExitCodes.BAD_INPUT, result.code());
    assertTrue(result.err().contains(truncated + ", line "), result.err());
    assertTrue(result.err().contains("expected Bandit JSON"), result.err());
    assertTrue(result.err().contains("nothing from this file was stored"), result.err());
    assertArrayEquals(before, Files.readAllBytes(project));
    assertEquals(1, findingsJson().size());
  }

  @Test
  void unknownFormatIsBadInput() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.txt"), "just some notes\n");
    Cli result = Cli.run("import", project, text);
    assertEquals(ExitCodes.BAD_INPUT, result.code());
    assertTrue(result.err().contains("no known format"), result.err());
  }

  @Test
  void zipFileIsBadInputNamedAsBinary() throws Exception {
    Path zip = Files.write(dir.resolve("scan.json"), new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0});
    Cli result = Cli.run("import", project, zip);
    assertEquals(ExitCodes.BAD_INPUT, result.code());
    assertTrue(result.err().contains("binary file"), result.err());
  }

  @Test
  void missingProjectIsExit4() {
    Cli result = Cli.run("info", dir.resolve("nope.audit"));
    assertEquals(ExitCodes.PROJECT_FILE, result.code());
    assertTrue(result.err().contains("no such project file"), result.err());
  }

  @Test
  void dismissingNeedsAReason() throws Exception {
    Cli.run("import", project, sample("one_vuln.json")).ok();
    String fp = findingsJson().get(0).get("fingerprint").asText();

    Cli noReason = Cli.run("set", project, fp.substring(0, 8), "--status", "dismissed");
    assertEquals(ExitCodes.USAGE, noReason.code());
    assertTrue(noReason.err().contains("needs a reason"), noReason.err());

    Cli.run(
            "set",
            project,
            fp.substring(0, 8),
            "--status",
            "dismissed",
            "--reason",
            "false-positive")
        .ok();
    JsonNode f = findingsJson().get(0);
    assertEquals("dismissed", f.get("status").asText());
    assertEquals("false_positive", f.get("dismissReason").asText());
  }

  @Test
  void ambiguousOrUnknownPrefixIsAUsageError() throws Exception {
    Cli.run("import", project, sample("many_vulns.json")).ok();
    Cli unknown = Cli.run("set", project, "zzzz", "--impact", "3");
    assertEquals(ExitCodes.USAGE, unknown.code());
    Cli tooShort = Cli.run("set", project, "a", "--impact", "3");
    assertEquals(ExitCodes.USAGE, tooShort.code());
  }

  @Test
  void filtersSelectBySeverityAndStatus() throws Exception {
    Path report = sample("many_vulns.json");
    Cli.run("import", project, report).ok();
    long expectedHigh = 0;
    for (JsonNode r : MAPPER.readTree(report.toFile()).get("results")) {
      if (r.get("issue_severity").asText().equals("HIGH")) {
        expectedHigh++;
      }
    }
    assertEquals(expectedHigh, findingsJson("--severity", "high").size());
    assertEquals(0, findingsJson("--status", "confirmed").size());
    String csv = Cli.run("findings", project, "--format", "csv", "--severity", "high").ok().out();
    assertEquals(expectedHigh + 1, csv.lines().count(), "header plus one row each");
  }

  @Test
  void projectOpenInAnotherProcessIsRefusedWithExit4() throws Exception {
    Path log = dir.resolve("child.log");
    Process child = ChildJvm.start(dir, log, HoldProject.class, project.toString());
    try {
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!Files.exists(log) || !Files.readString(log).contains("open ")) {
        assertTrue(child.isAlive(), () -> "child died: " + readQuietly(log));
        assertTrue(System.nanoTime() < deadline, "child did not open the project");
        Thread.onSpinWait();
      }

      Cli second = Cli.run("info", project);

      assertEquals(ExitCodes.PROJECT_FILE, second.code());
      assertTrue(
          second.err().contains("open in another window/process (pid " + child.pid() + ")"),
          second.err());
    } finally {
      child.getOutputStream().close();
      child.waitFor();
    }
    Cli.run("info", project).ok();
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p);
    } catch (Exception e) {
      return "";
    }
  }

  @Test
  void newProjectScansItsRepositoryByDefault() throws Exception {
    Path code = Files.createDirectories(dir.resolve("code/shop"));
    Files.writeString(code.resolve("__init__.py"), "");
    Files.writeString(code.resolve("a.py"), "from shop import b\n");
    Files.writeString(code.resolve("b.py"), "from shop import a\n");
    Cli created = Cli.run("new", dir.resolve("scanned.audit"), "--repo", dir.resolve("code")).ok();
    assertTrue(created.out().contains("scanned 3 files (3 Python"), created.out());
    assertTrue(created.out().contains("1 cycles"), created.out());
    String graph = Cli.run("graph", dir.resolve("scanned.audit")).ok().out();
    assertTrue(graph.contains("\"shop.a\" -> \"shop.b\""), graph);
    JsonNode cycle =
        MAPPER
            .readTree(Cli.run("findings", dir.resolve("scanned.audit"), "--format=json").ok().out())
            .get(0);
    assertEquals("workbench.import-cycle", cycle.get("ruleId").asText());
    assertEquals("shop/a.py", cycle.get("path").asText());
  }

  @Test
  void inventoryBeforeAnyScanIsAUsageError() {
    Cli result = Cli.run("inventory", project);
    assertEquals(ExitCodes.USAGE, result.code());
    assertTrue(result.err().contains("not been scanned"), result.err());
  }

  @Test
  void formatsListsBandit() {
    assertTrue(Cli.run("formats").ok().out().contains("bandit-json"));
  }

  @Test
  void badOptionValueIsExit2() {
    Cli result = Cli.run("findings", project, "--severity", "apocalyptic");
    assertEquals(ExitCodes.USAGE, result.code());
  }
}
