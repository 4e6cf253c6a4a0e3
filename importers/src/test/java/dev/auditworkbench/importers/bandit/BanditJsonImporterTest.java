package dev.auditworkbench.importers.bandit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.engine.testing.CollectingSink;
import dev.auditworkbench.engine.testing.FileInput;
import dev.auditworkbench.engine.testing.Resources;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BanditJsonImporterTest {
  private final BanditJsonImporter importer = new BanditJsonImporter();

  @TempDir Path tmp;

  private static Path sample(String name) {
    return Resources.path(BanditJsonImporterTest.class, "samples/bandit/" + name);
  }

  private CollectingSink parse(Path file) throws Exception {
    CollectingSink sink = new CollectingSink();
    importer.parse(new FileInput(file), sink);
    return sink;
  }

  @Test
  void oneVulnReportGivesTheOneAssertFinding() throws Exception {
    CollectingSink sink = parse(sample("one_vuln.json"));

    assertEquals(1, sink.findings.size());
    RawFinding f = sink.findings.get(0);
    assertEquals("bandit.B101", f.ruleKey());
    assertEquals("B101", f.nativeRuleId());
    assertEquals("one/one.py", f.rawPath());
    assertEquals(2, f.startLine());
    assertEquals(Severity.LOW, f.severity());
    assertEquals(Confidence.HIGH, f.confidence());
    assertEquals(Category.SECURITY, f.category());
    assertEquals("assert False", f.sourceLine());
    assertEquals(List.of(703), f.cwe());
    assertEquals(
        List.of(new Evidence(Evidence.Kind.CODE, "1 import os\n2 assert False\n")), f.evidence());
    assertTrue(f.title().startsWith("B101 assert_used: Use of assert detected."), f.title());
  }

  @Test
  void scannedFilesComeFromTheMetrics() throws Exception {
    Path file = sample("many_vulns.json");
    Set<String> expected = new TreeSet<>();
    new ObjectMapper()
        .readTree(file.toFile())
        .get("metrics")
        .fieldNames()
        .forEachRemaining(expected::add);
    expected.remove("_totals");

    assertEquals(expected, new TreeSet<>(parse(file).scanned));
    assertEquals(List.of("one/one.py"), parse(sample("one_vuln.json")).scanned);
  }

  @Test
  void cleanReportGivesNoFindingsAndNoError() throws Exception {
    CollectingSink sink = parse(sample("no_vuln.json"));
    assertEquals(0, sink.findings.size());
    assertEquals(0, sink.recordsRead);
  }

  @Test
  void manyVulnsReportGivesOneFindingPerResultWithTheFilesOwnFields() throws Exception {
    Path file = sample("many_vulns.json");
    JsonNode results = new ObjectMapper().readTree(file.toFile()).get("results");

    CollectingSink sink = parse(file);

    assertEquals(results.size(), sink.findings.size());
    assertEquals(results.size(), sink.recordsRead);
    List<String> expected = new ArrayList<>();
    Map<String, Integer> expectedSeverities = new TreeMap<>();
    for (JsonNode r : results) {
      expected.add(
          r.get("test_id").asText()
              + " "
              + r.get("filename").asText()
              + ":"
              + r.get("line_number").asInt());
      expectedSeverities.merge(r.get("issue_severity").asText(), 1, Integer::sum);
    }
    List<String> actual =
        sink.findings.stream()
            .map(f -> f.nativeRuleId() + " " + f.rawPath() + ":" + f.startLine())
            .collect(Collectors.toList());
    assertEquals(expected, actual);
    Map<String, Integer> actualSeverities = new TreeMap<>();
    sink.findings.forEach(f -> actualSeverities.merge(f.severity().name(), 1, Integer::sum));
    assertEquals(expectedSeverities, actualSeverities);
  }

  @Test
  void firstManyVulnsResultKeepsItsLineRangeAndCode() throws Exception {
    RawFinding first = parse(sample("many_vulns.json")).findings.get(0);
    assertEquals("B110", first.nativeRuleId());
    assertEquals(
        "dojo/benchmark\\views.py", first.rawPath(), "raw path as written; the pipeline maps it");
    assertEquals(26, first.startLine());
    assertEquals(27, first.endLine());
    assertEquals("    except:", first.sourceLine());
    assertEquals(
        List.of(703), first.cwe(), "bandit's own CWE for B110, as the 2020 report has none");
    assertEquals(List.of(), first.owasp(), "CWE-703 is in no OWASP Top 10 2021 category");
  }

  @Test
  void sqlInjectionResultsMapToInjection() throws Exception {
    List<RawFinding> sql =
        parse(sample("many_vulns.json")).findings.stream()
            .filter(f -> f.nativeRuleId().equals("B608"))
            .toList();
    assertTrue(!sql.isEmpty());
    for (RawFinding f : sql) {
      assertEquals(List.of(89), f.cwe());
      assertEquals(List.of("A03:2021"), f.owasp());
    }
  }

  @Test
  void truncatedReportIsBadInputNamingFileLineAndFormat() throws Exception {
    byte[] whole = Files.readAllBytes(sample("many_vulns.json"));
    Path cut = tmp.resolve("cut.json");
    Files.write(cut, Arrays.copyOf(whole, whole.length / 2));

    BadInputException e = assertThrows(BadInputException.class, () -> parse(cut));

    assertEquals(cut, e.file());
    assertTrue(e.line() > 1, "line " + e.line());
    assertEquals(BanditJsonImporter.FORMAT, e.format());
    assertTrue(e.getMessage().contains("cut.json, line "), e.getMessage());
    assertTrue(e.getMessage().contains("Unexpected end-of-input"), e.getMessage());
  }

  @Test
  void jsonWithoutResultsIsNotABanditReport() throws Exception {
    Path other = tmp.resolve("other.json");
    Files.writeString(
        other,
        "{\"errors\": [], \"generated_at\": \"2020-12-30T10:03:39Z\"}",
        StandardCharsets.UTF_8);
    BadInputException e = assertThrows(BadInputException.class, () -> parse(other));
    assertTrue(e.reason().contains("no \"results\" array"), e.getMessage());
  }

  @Test
  void resultWithoutTestIdNamesItsLine() throws Exception {
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "{\"results\": [\n {\"filename\": \"a.py\", \"line_number\": 3}\n]}");
    BadInputException e = assertThrows(BadInputException.class, () -> parse(bad));
    assertEquals(2, e.line());
    assertTrue(e.reason().contains("test_id"), e.getMessage());
  }

  @Test
  void invalidUtf8IsBadInput() throws Exception {
    Path bad = tmp.resolve("latin1.json");
    byte[] head =
        "{\"results\": [{\"test_id\": \"B101\", \"filename\": \"caf"
            .getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "\"}]}".getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    all[head.length] = (byte) 0xE9; // Latin-1 e-acute: not valid UTF-8 here
    System.arraycopy(tail, 0, all, head.length + 1, tail.length);
    Files.write(bad, all);
    BadInputException e = assertThrows(BadInputException.class, () -> parse(bad));
    assertTrue(e.reason().contains("UTF-8"), e.getMessage());
  }

  @Test
  void registryDetectsEveryBanditSampleByContent() throws Exception {
    ImporterRegistry registry = ImporterRegistry.load();
    for (String name : List.of("one_vuln.json", "no_vuln.json", "many_vulns.json")) {
      Path renamed = tmp.resolve(name.replace(".json", ".txt"));
      Files.copy(sample(name), renamed);
      assertEquals("bandit-json", registry.detect(renamed).id(), name);
    }
  }

  @Test
  void otherJsonIsNotTakenForBandit() throws Exception {
    Path semgrepLike = tmp.resolve("semgrep.json");
    Files.writeString(
        semgrepLike, "{\"errors\": [], \"results\": [{\"check_id\": \"x\", \"path\": \"a.py\"}]}");
    assertEquals(0.0, importer.detect(ImporterRegistry.sample(semgrepLike)));
  }
}
