package dev.auditworkbench.importers.deps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.Importer;
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

class DependencyImportersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path sample(String name) {
    return Resources.path(DependencyImportersTest.class, "samples/" + name);
  }

  private static CollectingSink parse(Importer importer, Path file) throws Exception {
    CollectingSink sink = new CollectingSink();
    importer.parse(new FileInput(file), sink);
    return sink;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pip_audit/many_vulns.json",
        "pip_audit/zero_vulns.json",
        "pip_audit/zero_vulns_new.json"
      })
  void pipAuditGivesOneFindingPerVulnerabilityOfEachPackage(String name) throws Exception {
    JsonNode root = JSON.readTree(sample(name).toFile());
    JsonNode deps = root.isArray() ? root : root.get("dependencies");
    List<String> expected = new ArrayList<>();
    deps.forEach(
        d ->
            d.path("vulns")
                .forEach(v -> expected.add(d.get("name").asText() + " " + v.get("id").asText())));
    assertEquals("pip-audit-json", ImporterRegistry.load().detect(sample(name)).id());
    CollectingSink sink = parse(new PipAuditJsonImporter(), sample(name));
    assertEquals(
        expected,
        sink.findings.stream()
            .map(f -> f.symbol().replaceAll("package (.*)==.*", "$1") + " " + f.nativeRuleId())
            .toList());
    sink.findings.forEach(
        f -> {
          assertEquals(Category.DEPENDENCIES, f.category());
          assertEquals(List.of("A06:2021"), f.owasp());
        });
  }

  @Test
  void pipAuditNamesTheAdvisoryAndTheFixVersions() throws Exception {
    // This 2021 report predates pip-audit's "aliases" (2.7), so the PYSEC id is the one shown.
    RawFinding django =
        parse(new PipAuditJsonImporter(), sample("pip_audit/many_vulns.json")).findings.stream()
            .filter(f -> f.symbol().startsWith("package django=="))
            .findFirst()
            .orElseThrow();
    assertTrue(django.title().startsWith("django 3.2.9: PYSEC-2021-439"), django.title());
    assertTrue(
        django.description().contains("Upgrade to 2.2.25 or 3.1.14 or 3.2.10"),
        django.description());
  }

  @Test
  void theCveAliasIsPreferredWhenTheAdvisoryHasOne() {
    assertEquals(
        "CVE-2021-44420",
        Vulnerabilities.primaryId(
            "PYSEC-2021-439", List.of("GHSA-v6rh-hp5x-86rv", "CVE-2021-44420")));
    assertEquals("PYSEC-2021-439", Vulnerabilities.primaryId("PYSEC-2021-439", List.of()));
  }

  @Test
  void safetyReportGivesItsVulnerabilitiesThatAreNotIgnored() throws Exception {
    JsonNode report = JSON.readTree(sample("safety/report.json").toFile());
    List<String> expected = new ArrayList<>();
    report
        .get("vulnerabilities")
        .forEach(
            v -> {
              if (!v.get("ignored").asBoolean()) {
                expected.add(
                    v.get("package_name").asText() + " PVE-" + v.get("vulnerability_id").asText());
              }
            });
    assertEquals("safety-json", ImporterRegistry.load().detect(sample("safety/report.json")).id());
    CollectingSink sink = parse(new SafetyJsonImporter(), sample("safety/report.json"));
    assertEquals(
        expected,
        sink.findings.stream()
            .map(f -> f.symbol().replaceAll("package (.*)==.*", "$1") + " " + f.nativeRuleId())
            .toList());
    assertEquals("2.0b1", sink.toolVersion);
    assertTrue(
        sink.findings.get(0).description().contains("No fixed version is known"),
        sink.findings.get(0).description());
  }

  /**
   * Vulnerabilities (without not_affected), failed misconfigurations and secrets, counted from the
   * file.
   */
  private static int trivyExpected(Path file) throws Exception {
    int n = 0;
    for (JsonNode r : JSON.readTree(file.toFile()).path("Results")) {
      for (JsonNode v : r.path("Vulnerabilities")) {
        n += v.path("Status").asText("").equals("not_affected") ? 0 : 1;
      }
      for (JsonNode m : r.path("Misconfigurations")) {
        n += m.path("Status").asText("FAIL").equals("FAIL") ? 1 : 0;
      }
      n += r.path("Secrets").size();
    }
    return n;
  }

  @ParameterizedTest
  @ValueSource(strings = {"trivy/scheme_2_many_vulns.json", "trivy/all_statuses.json"})
  void trivyGivesEveryAffectedVulnerability(String name) throws Exception {
    assertEquals("trivy-json", ImporterRegistry.load().detect(sample(name)).id());
    CollectingSink sink = parse(new TrivyJsonImporter(), sample(name));
    assertEquals(trivyExpected(sample(name)), sink.findings.size());
  }

  /**
   * Package names are shown as the scanner wrote them: only PyPI names are normalised, and only for
   * matching.
   */
  @Test
  void trivyShowsOperatingSystemAndJavaPackageNamesAsWritten() throws Exception {
    var findings =
        parse(new TrivyJsonImporter(), sample("trivy/scheme_2_many_vulns.json")).findings;
    var named =
        new ObjectMapper()
            .readTree(sample("trivy/scheme_2_many_vulns.json").toFile())
            .findValuesAsText("PkgName");
    assertTrue(
        findings.stream()
            .anyMatch(f -> f.title().startsWith("org.apache.commons:commons-compress ")),
        findings.get(findings.size() - 1).title());
    for (var f : findings) {
      assertTrue(named.stream().anyMatch(n -> f.title().startsWith(n + " ")), f.title());
    }
  }

  @Test
  void trivyCveCarriesItsCweAndFix() throws Exception {
    RawFinding f =
        parse(new TrivyJsonImporter(), sample("trivy/scheme_2_many_vulns.json")).findings.get(0);
    assertEquals("CVE-2020-15999", f.nativeRuleId());
    assertEquals(List.of(787), f.cwe());
    assertTrue(f.description().contains("Upgrade to 2.9.1-r3"), f.description());
  }

  @Test
  void aBareNullReportIsAmbiguousWithoutFormat() throws Exception {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> ImporterRegistry.load().detect(sample("trivy/legacy_no_vuln.json")));
    assertTrue(e.reason().contains("ambiguous"), e.getMessage());
    assertTrue(
        e.reason().contains("gitleaks-json") && e.reason().contains("trivy-json"), e.getMessage());
    assertEquals(
        0, parse(new TrivyJsonImporter(), sample("trivy/legacy_no_vuln.json")).findings.size());
  }

  @Test
  void pipListOutdatedGivesEveryPackageWithItsInstalledAndNewestVersion() throws Exception {
    Path file = sample("pip/pip-list-outdated.json");
    List<List<String>> expected = new ArrayList<>();
    JSON.readTree(file.toFile())
        .forEach(
            e ->
                expected.add(
                    List.of(
                        e.get("name").asText(),
                        e.get("version").asText(),
                        e.get("latest_version").asText())));
    assertTrue(expected.size() > 10, "the capture lists the environment's outdated packages");
    assertEquals("pip-outdated-json", ImporterRegistry.load().detect(file).id());
    CollectingSink sink = parse(new PipListOutdatedImporter(), file);
    assertEquals(expected.size(), sink.recordsRead);
    assertEquals(expected, sink.packageReleases);
    assertEquals(
        0, sink.findings.size(), "findings come from the join with the declared dependencies");
  }

  @Test
  void pipListOutdatedEntryWithoutItsLatestVersionIsRefusedAtItsLine(@TempDir Path tmp)
      throws Exception {
    Path bad = tmp.resolve("outdated.json");
    Files.writeString(
        bad,
        "[\n{\"name\": \"Django\", \"version\": \"3.2.25\", \"latest_version\": \"5.2.17\"},\n"
            + "{\"name\": \"requests\", \"version\": \"2.28.1\"}\n]\n");
    BadInputException e =
        assertThrows(BadInputException.class, () -> parse(new PipListOutdatedImporter(), bad));
    assertEquals(3, e.line());
    assertEquals(PipListOutdatedImporter.FORMAT, e.format());
    assertTrue(e.getMessage().contains("outdated.json"), e.getMessage());
  }
}
