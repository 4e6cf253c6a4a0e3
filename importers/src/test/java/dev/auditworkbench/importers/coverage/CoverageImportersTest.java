package dev.auditworkbench.importers.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.engine.testing.CollectingSink;
import dev.auditworkbench.engine.testing.FileInput;
import dev.auditworkbench.engine.testing.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageImportersTest {
  @TempDir Path tmp;

  private static Path sample(String name) {
    return Resources.path(CoverageImportersTest.class, "samples/demo/" + name);
  }

  /** Keeps coverage rows too. */
  static final class CoverageSink implements FindingSink {
    final CollectingSink findings = new CollectingSink();
    final Map<String, int[]> files = new TreeMap<>();

    @Override
    public void accept(RawFinding finding) {
      findings.accept(finding);
    }

    @Override
    public void toolVersion(String version) {
      findings.toolVersion(version);
    }

    @Override
    public void scanned(String rawPath) {}

    @Override
    public void recordRead() {}

    @Override
    public void warn(long line, String message) {}

    @Override
    public void coverage(
        String rawPath, int statements, int covered, int branches, int coveredBranches) {
      files.put(rawPath, new int[] {statements, covered, branches, coveredBranches});
    }
  }

  @Test
  void coverageJsonStoresEveryFileAndFlagsLargePoorlyCoveredModules() throws Exception {
    JsonNode report = new ObjectMapper().readTree(sample("coverage.json").toFile());
    CoverageSink sink = new CoverageSink();
    new CoverageJsonImporter().parse(new FileInput(sample("coverage.json")), sink);

    List<String> expectedPoor = new ArrayList<>();
    report
        .get("files")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode s = e.getValue().get("summary");
              int statements = s.get("num_statements").asInt();
              int covered = s.get("covered_lines").asInt();
              assertEquals(statements, sink.files.get(e.getKey())[0], e.getKey());
              assertEquals(covered, sink.files.get(e.getKey())[1], e.getKey());
              boolean judged =
                  !e.getKey().contains("/migrations/") && !e.getKey().endsWith("tests.py");
              if (judged && statements >= 50 && 100.0 * covered / statements < 50) {
                expectedPoor.add(e.getKey());
              }
            });
    assertEquals(report.get("files").size(), sink.files.size());
    assertEquals(expectedPoor, sink.findings.findings.stream().map(RawFinding::rawPath).toList());
    assertFalse(expectedPoor.isEmpty());
    assertEquals("6.5.0", sink.findings.toolVersion);
  }

  @Test
  void coberturaXmlOfTheSameRunGivesTheSameNumbers() throws Exception {
    CoverageSink json = new CoverageSink();
    new CoverageJsonImporter().parse(new FileInput(sample("coverage.json")), json);
    CoverageSink xml = new CoverageSink();
    new CoberturaXmlImporter().parse(new FileInput(sample("coverage.xml")), xml);
    assertEquals(json.files.keySet(), xml.files.keySet());
    json.files.forEach(
        (path, counts) -> {
          assertEquals(counts[0], xml.files.get(path)[0], path + " statements");
          assertEquals(counts[1], xml.files.get(path)[1], path + " covered");
        });
    assertEquals(
        json.findings.findings.stream().map(RawFinding::rawPath).toList(),
        xml.findings.findings.stream().map(RawFinding::rawPath).toList());
  }

  @Test
  void xmlWithExternalEntitiesIsRefusedAndNothingIsResolved() throws Exception {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET");
    Path evil =
        Files.writeString(
            tmp.resolve("evil.xml"),
            "<?xml version=\"1.0\"?>\n<!DOCTYPE coverage [<!ENTITY x SYSTEM \""
                + secret.toUri()
                + "\">]>\n"
                + "<coverage line-rate=\"1\"><sources><source>&x;</source></sources></coverage>\n");
    CoverageSink sink = new CoverageSink();
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> new CoberturaXmlImporter().parse(new FileInput(evil), sink));
    assertTrue(e.line() >= 2, e.getMessage());
    assertFalse(e.getMessage().contains("TOP-SECRET"));
    assertTrue(e.getMessage().contains("unsafe XML"), e.getMessage());
  }

  @Test
  void registryDetectsBothByContent() throws Exception {
    assertEquals("coverage-json", ImporterRegistry.load().detect(sample("coverage.json")).id());
    assertEquals("cobertura-xml", ImporterRegistry.load().detect(sample("coverage.xml")).id());
  }
}
