package dev.auditworkbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.engine.ingest.ImportService;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.testing.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export-triage and import-triage from the command line. */
class TriageExchangeCliTest {
  @TempDir Path dir;

  @Test
  void aCopysTriageComesBackWithADryRunFirstAndBadFilesAreRefused() throws Exception {
    Path lead = dir.resolve("lead.audit");
    try (ProjectStore store =
        ProjectStore.create(
            lead,
            new ProjectInfo("Client", "Audit", "Lead", Files.createDirectories(dir.resolve("r"))),
            Clock.systemUTC())) {
      new ImportService(store, ImporterRegistry.load(), Clock.systemUTC())
          .importFile(
              Resources.path(getClass(), "samples/bandit/many_vulns.json"),
              null,
              ProgressListener.NONE);
    }
    Path copy = dir.resolve("specialist.audit");
    Files.copy(lead, copy);
    String first =
        new ObjectMapper()
            .readTree(Cli.run("findings", copy, "--format", "json").ok().out())
            .get(0)
            .get("fingerprint")
            .asText();
    Cli.run("set", copy, first.substring(0, 12), "--status", "confirmed").ok();
    Path triage = dir.resolve("specialist.json");
    String wrote = Cli.run("export-triage", copy, triage).ok().out();
    assertTrue(wrote.startsWith("Wrote the triage of 1 "), wrote);

    String dry = Cli.run("import-triage", lead, triage, "--dry-run").ok().out();
    assertTrue(dry.contains("1 changed only there (taken), 0 changed only here (kept)"), dry);
    assertTrue(dry.contains("Dry run: nothing changed."), dry);
    assertTrue(
        Cli.run("findings", lead, "--status", "confirmed").ok().out().contains("0 findings")
            || !Cli.run("findings", lead, "--status", "confirmed")
                .ok()
                .out()
                .contains(first.substring(0, 8)));
    assertTrue(
        Cli.run("import-triage", lead, triage).ok().out().contains("Applied to 1 findings."));
    String again = Cli.run("import-triage", lead, triage).ok().out();
    assertTrue(
        again.contains("0 changed only there (taken), 0 changed only here (kept), 1 the same"),
        again);

    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "[1, 2");
    Cli refused = Cli.run("import-triage", lead, bad);
    assertEquals(3, refused.code(), refused.err());
    assertTrue(refused.err().contains(bad.toString()), refused.err());
  }
}
