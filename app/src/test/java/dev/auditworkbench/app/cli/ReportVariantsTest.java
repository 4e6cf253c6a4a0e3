package dev.auditworkbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report variants real tools write that used to be refused or misread. */
class ReportVariantsTest {
  @TempDir Path dir;

  /**
   * semgrep, trufflehog and bandit repeat records byte for byte: the repeat is one finding, and the
   * summary says so.
   */
  @Test
  void aRecordRepeatedByteForByteIsOneFinding() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Path project = dir.resolve("dup.audit");
    Cli.run("new", project, "--repo", repo, "--no-scan").ok();
    ObjectMapper json = new ObjectMapper();
    ObjectNode report = (ObjectNode) json.readTree(CliTest.sample("many_vulns.json").toFile());
    ArrayNode results = (ArrayNode) report.get("results");
    int read = results.size() + 2;
    // bandit's own report already repeats a record: count distinct records from the file itself
    Set<String> unique = new HashSet<>();
    results.forEach(r -> unique.add(r.toString()));
    int distinct = unique.size();
    results.add(results.get(0).deepCopy());
    results.add(results.get(5).deepCopy());
    Path file = dir.resolve("repeated.json");
    json.writeValue(file.toFile(), report);
    Cli imported = Cli.run("import", project, file).ok();
    assertTrue(
        imported.out().contains(read + " records read, " + distinct + " new"), imported.out());
    assertTrue(
        imported
            .out()
            .contains(
                (read - distinct) + " records repeated byte for byte in the report counted once"),
        imported.out());
    assertEquals(
        0,
        Cli.run("findings", project, "--format", "json").ok().out().split("\"fingerprint\"").length
            - 1
            - distinct);
  }
}
