package dev.auditworkbench.importers.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.engine.testing.CollectingSink;
import dev.auditworkbench.engine.testing.FileInput;
import dev.auditworkbench.engine.testing.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SarifImporterTest {
  private final SarifImporter importer = new SarifImporter();

  @TempDir Path tmp;

  private static Path sample(String name) {
    return Resources.path(SarifImporterTest.class, "samples/sarif/" + name);
  }

  private CollectingSink parse(Path file) throws Exception {
    CollectingSink sink = new CollectingSink();
    importer.parse(new FileInput(file), sink);
    return sink;
  }

  /**
   * Results that are failures, not suppressed and not absent from the baseline, counted from the
   * file.
   */
  private static List<String> expectedFindings(Path file) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode run : new ObjectMapper().readTree(file.toFile()).path("runs")) {
      for (JsonNode r : run.path("results")) {
        boolean suppressed = false;
        for (JsonNode s : r.path("suppressions")) {
          suppressed |= !s.path("status").asText("accepted").equals("rejected");
        }
        String kind = r.path("kind").asText("fail");
        if (suppressed
            || r.path("baselineState").asText("").equals("absent")
            || !kind.equals("fail")) {
          continue;
        }
        out.add(
            r.path("ruleId").asText()
                + ":"
                + r.path("locations")
                    .path(0)
                    .path("physicalLocation")
                    .path("region")
                    .path("startLine")
                    .asInt(0));
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "appendix_k.sarif",
        "codeQL-output.sarif",
        "bash-report.sarif",
        "suppression_test.sarif",
        "no_runs.sarif"
      })
  void everyReportableResultBecomesOneFinding(String name) throws Exception {
    CollectingSink sink = parse(sample(name));
    List<String> actual =
        sink.findings.stream().map(f -> f.nativeRuleId() + ":" + f.startLine()).toList();
    assertEquals(expectedFindings(sample(name)), actual);
    assertEquals("sarif", ImporterRegistry.load().detect(sample(name)).id());
  }

  @Test
  void codeQlResultsCarryTheirRuleCweAndLevel() throws Exception {
    List<RawFinding> findings = parse(sample("codeQL-output.sarif")).findings;
    assertEquals(72, findings.size());
    RawFinding f = findings.get(7);
    assertEquals("codeql.py/call/wrong-named-argument", f.ruleKey());
    assertEquals("good/mod_user.py", f.rawPath());
    assertEquals(33, f.startLine());
    assertEquals(Severity.HIGH, f.severity(), "rule default level error");
    assertEquals(List.of(628), f.cwe());
    assertTrue(
        f.description()
            .startsWith(
                "Keyword argument 'request' is not a supported parameter name of function create."),
        f.description());
  }

  @Test
  void suppressedResultsAreSkippedAndSaidSo() throws Exception {
    CollectingSink sink = parse(sample("suppression_test.sarif"));
    assertEquals(
        List.of("TST0004", "TST0005"),
        sink.findings.stream().map(RawFinding::nativeRuleId).toList());
    assertTrue(
        sink.warnings.stream().anyMatch(w -> w.contains("3 suppressed results were skipped")),
        sink.warnings.toString());
    assertEquals("file:///C:/code/file4.c", sink.findings.get(0).rawPath());
  }

  @Test
  void toolNameComesFromTheDriver() throws Exception {
    List<RawFinding> findings = parse(sample("bash-report.sarif")).findings;
    assertTrue(findings.stream().allMatch(f -> f.ruleKey().startsWith("shell-script-analysis.")));
    assertEquals(
        "/home/damien/dd/docker/setEnv.sh", findings.get(0).rawPath().replace("file://", ""));
  }

  @Test
  void otherSarifVersionsAreRefused() throws Exception {
    Path old =
        Files.writeString(tmp.resolve("old.sarif"), "{\"version\": \"1.0.0\", \"runs\": []}");
    BadInputException e = assertThrows(BadInputException.class, () -> parse(old));
    assertTrue(e.reason().contains("only 2.1.0"), e.getMessage());
  }

  /**
   * Results without a ruleId (SARIF makes it optional; gitleaks 7.4 writes its rules but names them
   * only in the message, as DefectDojo's unittests/scans/sarif/gitleaks_7.5.0.sarif shows) and CWE
   * ids given as relationships to the CWE taxonomy (flawfinder 2.0.19's shape) or as tags.
   */
  @Test
  void resultsWithoutARuleIdAndCwesFromRelationshipsAndTags(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mixed.sarif");
    Files.writeString(
        file,
        """
        {"version": "2.1.0", "runs": [
         {"tool": {"driver": {"name": "Gitleaks", "semanticVersion": "v7.4.0",
            "rules": [{"id": "AWS Access Key", "name": "AWS Access Key"}, {"id": "AWS", "name": "AWS"}]}},
          "results": [{"message": {"text": "AWS Access Key secret detected"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.py"}, "region": {"startLine": 3}}}]},
           {"message": {"text": "Something else found in 'b.py' at 12"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": "b.py"}, "region": {"startLine": 12}}}]}]},
         {"tool": {"driver": {"name": "Flawfinder", "version": "2.0.19",
            "rules": [{"id": "FF1021", "name": "buffer/sscanf", "relationships": [
              {"target": {"id": "CWE-120", "toolComponent": {"name": "CWE"}}, "kinds": ["relevant"]},
              {"target": {"id": "20", "toolComponent": {"name": "CWE"}}, "kinds": ["relevant"]}]},
             {"id": "py/sql", "properties": {"tags": ["security", "external/cwe/cwe-089", "CWE-564"]}}]}},
          "results": [{"ruleId": "FF1021", "message": {"text": "buffer/sscanf: overflow"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": "c.cc"}, "region": {"startLine": 5}}}]},
           {"ruleId": "py/sql", "message": {"text": "query built from input"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": "d.py"}, "region": {"startLine": 9}}}]}]}]}
        """);
    CollectingSink sink = parse(file);
    assertEquals(
        List.of("AWS Access Key", "something-else-found-in-at", "FF1021", "py/sql"),
        sink.findings.stream().map(f -> f.nativeRuleId()).toList());
    assertEquals(List.of(120, 20), sink.findings.get(2).cwe());
    assertEquals(List.of(89, 564), sink.findings.get(3).cwe());
  }
}
