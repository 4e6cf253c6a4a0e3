package dev.auditworkbench.importers.semgrep;

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
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SemgrepJsonImporterTest {
  private final SemgrepJsonImporter importer = new SemgrepJsonImporter();

  @TempDir Path tmp;

  private static Path sample(String name) {
    return Resources.path(SemgrepJsonImporterTest.class, "samples/semgrep/" + name);
  }

  private CollectingSink parse(Path file) throws Exception {
    CollectingSink sink = new CollectingSink();
    importer.parse(new FileInput(file), sink);
    return sink;
  }

  @ParameterizedTest
  @ValueSource(strings = {"one_finding.json", "many_findings.json", "cwe_list.json", "empty.json"})
  void oneFindingPerResultWithItsRuleAndPlace(String name) throws Exception {
    JsonNode results = new ObjectMapper().readTree(sample(name).toFile()).get("results");
    CollectingSink sink = parse(sample(name));
    List<String> expected = new ArrayList<>();
    results.forEach(
        r ->
            expected.add(
                r.get("check_id").asText()
                    + " "
                    + r.get("path").asText()
                    + ":"
                    + r.get("start").get("line").asInt()));
    List<String> actual =
        sink.findings.stream()
            .map(f -> f.nativeRuleId() + " " + f.rawPath() + ":" + f.startLine())
            .toList();
    assertEquals(expected, actual);
    assertEquals(
        "semgrep-json",
        ImporterRegistry.load().detect(sample(name)).id(),
        "registry picks semgrep");
  }

  @Test
  void warningWithOneCweFromAString() throws Exception {
    RawFinding f = parse(sample("one_finding.json")).findings.get(0);
    assertEquals(Severity.MEDIUM, f.severity());
    assertEquals(List.of(696), f.cwe());
    assertEquals(64, f.startLine());
    assertTrue(
        f.description()
            .contains("Suggested fix: javax crypto Cipher.getInstance(\"AES/GCM/NoPadding\");"),
        f.description());
    assertEquals(
        "semgrep.java.lang.security.audit.cbc-padding-oracle.cbc-padding-oracle", f.ruleKey());
  }

  @Test
  void cweListAndOwasp2021AreRead() throws Exception {
    CollectingSink sink = parse(sample("cwe_list.json"));
    RawFinding f = sink.findings.get(0);
    assertEquals(List.of(352), f.cwe());
    assertTrue(f.owasp().contains("A01:2021"), f.owasp().toString());
    assertEquals("0.96.0", sink.toolVersion);
  }

  @Test
  void truncatedReportIsBadInputWithItsLine() throws Exception {
    byte[] all = Files.readAllBytes(sample("many_findings.json"));
    Path cut = Files.write(tmp.resolve("cut.json"), Arrays.copyOf(all, all.length - 40));
    BadInputException e = assertThrows(BadInputException.class, () -> parse(cut));
    assertTrue(e.line() > 1);
    assertEquals(SemgrepJsonImporter.FORMAT, e.format());
  }
}
