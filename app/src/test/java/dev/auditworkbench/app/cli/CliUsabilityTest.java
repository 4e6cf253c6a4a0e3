package dev.auditworkbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Help on every command, errors in the user's words, and bulk triage from the command line. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliUsabilityTest {
  @TempDir static Path dir;
  Path project;

  @BeforeAll
  void demo() {
    project = dir.resolve("demo.audit");
    Cli.run("demo", project).ok();
  }

  private JsonNode findings() throws Exception {
    return new ObjectMapper().readTree(Cli.run("findings", project, "--format", "json").ok().out());
  }

  @Test
  void everyCommandHasHelpAndVersionAndTheListReadsInFullSentences() {
    for (String command :
        List.of(
            "open",
            "demo",
            "new",
            "scan",
            "import",
            "formats",
            "findings",
            "set",
            "info",
            "inventory",
            "graph",
            "seams",
            "queries",
            "routes",
            "plan",
            "report",
            "rules",
            "config",
            "bench")) {
      Cli help = Cli.run(command, "--help");
      assertEquals(0, help.code(), command + ": " + help.err());
      assertTrue(help.out().startsWith("Usage: workbench " + command), command + ": " + help.out());
      assertEquals(help.out(), Cli.run("help", command).ok().out(), "workbench help " + command);
    }
    assertFalse(Cli.run("report", "--version").ok().out().isBlank());
    // The command list shows each command's first sentence whole.
    String list = Cli.run("--help").ok().out().replaceAll("\\s+", " ");
    assertTrue(
        list.contains(
            "report Export the deliverable: a prioritised PDF report, and the same report as HTML, CSV for"
                + " Jira/Linear and JSON."),
        list);
    assertTrue(
        list.contains("captures taken from it with real tools, imported into a new project."),
        list);
  }

  @Test
  void aBadValueIsExplainedWithoutJavaClassNames() {
    Cli severity = Cli.run("findings", project, "--severity=bogus");
    assertEquals(2, severity.code());
    assertTrue(
        severity
            .err()
            .contains(
                "'bogus': unknown severity 'bogus' (one of: critical, high, medium, low, info)"),
        severity.err());
    Cli date = Cli.run("plan", project, "--start=notadate");
    assertEquals(2, date.code());
    assertTrue(date.err().contains("'notadate' is not a date; write it as 2026-12-31"), date.err());
    for (Cli c : List.of(severity, date)) {
      assertFalse(c.err().matches("(?s).*(java\\.|Exception).*"), c.err());
    }
  }

  @Test
  void setChangesSeveralFindingsAtOnceAndAddsNotes() throws Exception {
    Cli refused = Cli.run("set", project, "--rule", "code.sql-injection", "--effort", "3");
    assertEquals(2, refused.code());
    assertTrue(
        refused
            .err()
            .contains(
                "--effort 3 has no unit: write 3h (hours), 3d (days), or a size S, M, L or XL"));

    List<String> sql = new ArrayList<>();
    findings()
        .forEach(
            f -> {
              if (f.get("ruleId").asText().equals("code.sql-injection")) {
                sql.add(f.get("fingerprint").asText());
              }
            });
    assertTrue(sql.size() >= 2, "the demo plants several: " + sql);
    Cli bulk =
        Cli.run(
            "set",
            project,
            "--rule",
            "code.sql-injection",
            "--status",
            "confirmed",
            "--note",
            "Checked by hand.");
    assertTrue(bulk.ok().out().contains(sql.size() + " findings changed"), bulk.out());
    Cli.run("set", project, sql.get(0).substring(0, 10), "--note", "Parameterise it.").ok();
    for (JsonNode f : findings()) {
      String fp = f.get("fingerprint").asText();
      if (sql.contains(fp)) {
        assertEquals("confirmed", f.get("status").asText());
        assertEquals(
            fp.equals(sql.get(0)) ? "Checked by hand.\n\nParameterise it." : "Checked by hand.",
            f.get("notes").asText(),
            fp);
      }
    }
    Cli.run("set", project, sql.get(0).substring(0, 10), "--note", "Only this.", "--replace-note")
        .ok();
    for (JsonNode f : findings()) {
      if (f.get("fingerprint").asText().equals(sql.get(0))) {
        assertEquals("Only this.", f.get("notes").asText());
      }
    }
  }
}
