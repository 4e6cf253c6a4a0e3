package dev.auditworkbench.importers.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.engine.ingest.ImportService;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.testing.CollectingSink;
import dev.auditworkbench.engine.testing.FileInput;
import dev.auditworkbench.engine.testing.Resources;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretImportersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static Path sample(String name) {
    return Resources.path(SecretImportersTest.class, "samples/" + name);
  }

  private static CollectingSink parse(Importer importer, Path file) throws Exception {
    CollectingSink sink = new CollectingSink();
    importer.parse(new FileInput(file), sink);
    return sink;
  }

  /** The secrets a report holds, read from its own structure. */
  private static List<String> secretsIn(String name) throws Exception {
    List<String> out = new ArrayList<>();
    String text = Files.readString(sample(name));
    if (name.startsWith("trufflehog")) {
      for (String line : text.split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode r = JSON.readTree(line);
        if (r.has("Raw")) {
          out.add(r.get("Raw").asText());
        } else {
          r.get("stringsFound").forEach(s -> out.add(s.asText()));
        }
      }
      return out;
    }
    JsonNode leaks = JSON.readTree(text);
    if (leaks != null && leaks.isArray()) {
      leaks.forEach(
          l -> out.add(l.has("Secret") ? l.get("Secret").asText() : l.get("offender").asText()));
    }
    return out;
  }

  private static long records(String name) throws Exception {
    String text = Files.readString(sample(name));
    if (name.startsWith("trufflehog")) {
      return text.lines().filter(l -> !l.isBlank()).count();
    }
    JsonNode root = JSON.readTree(text);
    return root == null || root.isNull() ? 0 : root.size();
  }

  @ParameterizedTest
  @CsvSource({
    "gitleaks/gitleaks8_many.json, gitleaks-json",
    "gitleaks/version_7.5.0.json, gitleaks-json",
    "gitleaks/data_one.json, gitleaks-json",
    "gitleaks/no_findings.json, gitleaks-json",
    "trufflehog/v2_many_vulns.json, trufflehog-json",
    "trufflehog/v3_git.json, trufflehog-json"
  })
  void oneFindingPerLeakAndNoSecretInAnyText(String name, String format) throws Exception {
    Importer importer = ImporterRegistry.load().byId(format).orElseThrow();
    if (records(name) > 0) {
      assertEquals(format, ImporterRegistry.load().detect(sample(name)).id());
    }
    CollectingSink sink = parse(importer, sample(name));
    assertEquals(records(name), sink.findings.size());
    for (RawFinding f : sink.findings) {
      List<String> texts = new ArrayList<>(List.of(f.title(), f.description(), f.keyEvidence()));
      f.evidence().stream().map(Evidence::text).forEach(texts::add);
      for (String secret : secretsIn(name)) {
        if (secret.length() >= 6) {
          texts.forEach(t -> assertFalse(t.contains(secret), "secret leaked into: " + t));
        }
      }
      assertEquals(List.of(798), f.cwe());
    }
  }

  @Test
  void verifiedTrufflehogSecretsAreCritical() throws Exception {
    List<RawFinding> findings =
        parse(new TrufflehogJsonImporter(), sample("trufflehog/v3_git.json")).findings;
    long verified =
        Files.readString(sample("trufflehog/v3_git.json"))
            .lines()
            .filter(l -> l.contains("\"Verified\":true"))
            .count();
    assertEquals(
        verified, findings.stream().filter(f -> f.severity() == Severity.CRITICAL).count());
    assertEquals("keys", findings.get(0).rawPath());
    assertEquals(4, findings.get(0).startLine());
  }

  @Test
  void theProjectFileNeverHoldsASecret() throws Exception {
    Path project = tmp.resolve("p.audit");
    try (ProjectStore store =
        ProjectStore.create(project, new ProjectInfo("c", "", "", null), Clock.systemUTC())) {
      ImportService service = new ImportService(store, ImporterRegistry.load(), Clock.systemUTC());
      for (String name :
          List.of(
              "gitleaks/gitleaks8_many.json",
              "gitleaks/version_7.5.0.json",
              "trufflehog/v3_git.json")) {
        service.importFile(sample(name), null, ProgressListener.NONE);
      }
    }
    String bytes = new String(Files.readAllBytes(project), StandardCharsets.ISO_8859_1);
    List<String> secrets = new ArrayList<>();
    for (String name :
        List.of(
            "gitleaks/gitleaks8_many.json",
            "gitleaks/version_7.5.0.json",
            "trufflehog/v3_git.json")) {
      secrets.addAll(secretsIn(name));
    }
    assertTrue(secrets.size() >= 10);
    for (String secret : secrets) {
      if (secret.length() >= 8) {
        assertFalse(bytes.contains(secret), "project file holds a secret");
      }
    }
  }
}
