package dev.auditworkbench.importers.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.engine.testing.CollectingSink;
import dev.auditworkbench.engine.testing.FileInput;
import dev.auditworkbench.engine.testing.Resources;
import dev.auditworkbench.importers.deps.PipdeptreeJsonImporter;
import dev.auditworkbench.importers.django.CheckDeployImporter;
import dev.auditworkbench.importers.junit.JunitXmlImporter;
import dev.auditworkbench.importers.mypy.MypyTextImporter;
import dev.auditworkbench.importers.pylint.PylintJsonImporter;
import dev.auditworkbench.importers.radon.RadonCcJsonImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** pylint, radon and check --deploy importers on what the real tools printed for the demo. */
class DemoCaptureImportersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static Path sample(String name) {
    return Resources.path(DemoCaptureImportersTest.class, "samples/demo/" + name);
  }

  private static CollectingSink parse(Importer importer, Path file) throws Exception {
    CollectingSink sink = new CollectingSink();
    importer.parse(new FileInput(file), sink);
    return sink;
  }

  @Test
  void pylintGivesOneFindingPerMessageWithTypesMappedToSeverities() throws Exception {
    JsonNode messages = JSON.readTree(sample("pylint.json").toFile());
    CollectingSink sink = parse(new PylintJsonImporter(), sample("pylint.json"));
    assertEquals(messages.size(), sink.findings.size());
    Map<Severity, Integer> expected = new TreeMap<>();
    Map<String, Severity> documented =
        Map.of(
            "fatal",
            Severity.HIGH,
            "error",
            Severity.MEDIUM,
            "warning",
            Severity.LOW,
            "refactor",
            Severity.INFO,
            "convention",
            Severity.INFO,
            "info",
            Severity.INFO);
    messages.forEach(m -> expected.merge(documented.get(m.get("type").asText()), 1, Integer::sum));
    Map<Severity, Integer> actual = new TreeMap<>();
    sink.findings.forEach(f -> actual.merge(f.severity(), 1, Integer::sum));
    assertEquals(expected, actual);
    RawFinding first = sink.findings.get(0);
    assertEquals(messages.get(0).get("message-id").asText(), first.nativeRuleId());
    assertEquals(messages.get(0).get("path").asText(), first.rawPath());
    assertEquals(messages.get(0).get("line").asInt(), first.startLine());
  }

  @Test
  void radonReportsFunctionsAboveTenAndWarnsAboutFilesItCouldNotParse() throws Exception {
    JsonNode files = JSON.readTree(sample("radon-cc.json").toFile());
    List<String> expected = new ArrayList<>();
    List<String> unparsed = new ArrayList<>();
    files
        .fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().isArray()) {
                unparsed.add(e.getKey());
                return;
              }
              e.getValue()
                  .forEach(
                      b -> {
                        if (!b.get("type").asText().equals("class")
                            && b.get("complexity").asInt() > 10) {
                          expected.add(
                              e.getKey()
                                  + ":"
                                  + b.get("lineno").asInt()
                                  + " "
                                  + b.get("complexity").asInt());
                        }
                      });
            });
    CollectingSink sink = parse(new RadonCcJsonImporter(), sample("radon-cc.json"));
    List<String> actual =
        sink.findings.stream()
            .map(
                f ->
                    f.rawPath()
                        + ":"
                        + f.startLine()
                        + " "
                        + f.title().replaceAll(".*complexity (\\d+).*", "$1"))
            .toList();
    assertEquals(expected, actual);
    assertTrue(expected.size() >= 3);
    assertEquals(List.of("scripts/legacy_import.py"), unparsed);
    assertTrue(
        sink.warnings.get(0).contains("radon could not parse scripts/legacy_import.py"),
        sink.warnings.toString());
    assertTrue(sink.findings.stream().allMatch(f -> f.ruleKey().equals("complexity.function")));
  }

  @Test
  void checkDeployGivesOneFindingPerIssueLine() throws Exception {
    String text = Files.readString(sample("check-deploy.txt"));
    Matcher m = Pattern.compile("\\((security\\.W\\d{3})\\)").matcher(text);
    List<String> expected = new ArrayList<>();
    while (m.find()) {
      expected.add(m.group(1));
    }
    CollectingSink sink = parse(new CheckDeployImporter(), sample("check-deploy.txt"));
    assertEquals(expected, sink.findings.stream().map(RawFinding::nativeRuleId).toList());
    RawFinding debug =
        sink.findings.stream()
            .filter(f -> f.nativeRuleId().equals("security.W018"))
            .findFirst()
            .orElseThrow();
    assertEquals(Severity.HIGH, debug.severity());
    assertEquals(List.of(489), debug.cwe());
    assertTrue(debug.owasp().contains("A05:2021"));
  }

  @Test
  void djangoTestRunnerLogIsNotTakenForACheckReport() throws Exception {
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> ImporterRegistry.load().detect(sample("test-run.log")));
    assertTrue(e.reason().contains("no known format"), e.getMessage());
  }

  @Test
  void cleanCheckReportIsUnderstoodAndEmpty() throws Exception {
    Path clean =
        Files.writeString(
            tmp.resolve("check.txt"), "System check identified no issues (0 silenced).\n");
    assertEquals("django-check", ImporterRegistry.load().detect(clean).id());
    assertEquals(0, parse(new CheckDeployImporter(), clean).findings.size());
  }

  @Test
  void junitSkippedAndFailingTestsBecomeFindingsInTheirModule() throws Exception {
    var doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(sample("junit.xml").toFile());
    var cases = doc.getElementsByTagName("testcase");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      var c = (Element) cases.item(i);
      if (c.getElementsByTagName("skipped").getLength()
              + c.getElementsByTagName("failure").getLength()
              + c.getElementsByTagName("error").getLength()
          > 0) {
        expected.add(c.getAttribute("classname") + "." + c.getAttribute("name"));
      }
    }
    CollectingSink sink = parse(new JunitXmlImporter(), sample("junit.xml"));
    assertEquals(expected, sink.findings.stream().map(RawFinding::symbol).toList());
    assertEquals(4, expected.size());
    assertEquals(cases.getLength(), sink.recordsRead);
    RawFinding pdf =
        sink.findings.stream()
            .filter(f -> f.symbol().endsWith("test_pdf_export"))
            .findFirst()
            .orElseThrow();
    assertEquals("invoices/tests.py", pdf.rawPath());
    assertTrue(pdf.title().contains("needs the PDF renderer"), pdf.title());
  }

  @Test
  void mypyGivesOneFindingPerErrorWithItsCode() throws Exception {
    List<String> expected =
        Files.readAllLines(sample("mypy.txt")).stream()
            .filter(l -> l.contains(": error: "))
            .map(
                l ->
                    l.substring(0, l.indexOf(':'))
                        + " "
                        + l.replaceAll(".*\\[([a-z0-9-]+)\\]$", "$1"))
            .toList();
    CollectingSink sink = parse(new MypyTextImporter(), sample("mypy.txt"));
    assertEquals(
        expected, sink.findings.stream().map(f -> f.rawPath() + " " + f.nativeRuleId()).toList());
  }

  @Test
  void pipdeptreeReadsEveryPackageAndFindsNoBlockerWhereNoneDeclaresAnUpperBound()
      throws Exception {
    JsonNode packages = JSON.readTree(sample("pipdeptree.json").toFile());
    List<String> djangoRequirements = new ArrayList<>();
    packages.forEach(
        p ->
            p.get("dependencies")
                .forEach(
                    d -> {
                      if (d.get("key").asText().equals("django")) {
                        djangoRequirements.add(
                            p.get("package").get("key").asText()
                                + " "
                                + d.get("required_version").asText());
                      }
                    }));
    // In the environment the demo ran in, no package caps Django (checked from the file itself).
    assertTrue(
        djangoRequirements.stream().noneMatch(r -> r.contains("<")), djangoRequirements.toString());
    CollectingSink sink = parse(new PipdeptreeJsonImporter(), sample("pipdeptree.json"));
    assertEquals(packages.size(), sink.recordsRead);
    assertEquals(0, sink.findings.size());
    // Every package is kept for the upgrade plan, with the Django requirement it declares.
    assertEquals(packages.size(), sink.installed.size());
    List<String> kept = new ArrayList<>();
    for (String[] i : sink.installed) {
      if (i[2] != null) {
        kept.add(i[0] + " " + i[2]);
      }
    }
    assertEquals(djangoRequirements, kept);
    assertTrue(
        sink.installed.stream()
            .anyMatch(i -> i[0].equals("django") && i[1].equals("3.2.25") && i[2] == null));
  }

  @Test
  void registryPicksEachDemoCaptureByContent() throws Exception {
    ImporterRegistry registry = ImporterRegistry.load();
    assertEquals("pylint-json", registry.detect(sample("pylint.json")).id());
    assertEquals("radon-cc-json", registry.detect(sample("radon-cc.json")).id());
    assertEquals("django-check", registry.detect(sample("check-deploy.txt")).id());
    assertEquals("junit-xml", registry.detect(sample("junit.xml")).id());
    assertEquals("mypy-text", registry.detect(sample("mypy.txt")).id());
    assertEquals("pipdeptree-json", registry.detect(sample("pipdeptree.json")).id());
  }
}
