package dev.auditworkbench.app.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.ingest.ImportResult;
import dev.auditworkbench.engine.ingest.ImportService;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.model.ImportRecord;
import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.testing.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same bytes imported twice change nothing, now that the file's hash is computed beside the
 * import rather than before it: the second import is stopped and rolled back, the first keeps its
 * hash, and a copy under another name is the same file.
 */
class SameFileImportTest {
  @TempDir Path dir;

  @Test
  void theSameBytesImportedAgainAreRecognisedAndNothingIsStoredTwice() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    ProjectInfo info = new ProjectInfo("Client", "Audit", "R. Auditor", repo);
    // The demo's real PostgreSQL log (7 MB): long enough for the hash to be known mid-import.
    Path log = Resources.path(getClass(), "demo/captures/postgres/postgresql-stderr.log");
    Path copy = Files.copy(log, dir.resolve("monday.log"));
    Path bandit = Resources.path(getClass(), "demo/captures/scans/bandit.json");
    try (AuditProject p =
        AuditProject.of(
            ProjectStore.create(dir.resolve("p.audit"), info, Clock.systemUTC()),
            Clock.systemUTC())) {
      var imports = p.imports(ImporterRegistry.load());
      ImportResult first = imports.importFile(log, null, ProgressListener.NONE);
      ImportResult banditFirst = imports.importFile(bandit, null, ProgressListener.NONE);
      assertFalse(first.alreadyImported());
      assertEquals(ImportService.sha256Of(log), first.record().sha256());
      long findings = p.findings().all().size();
      String statements = p.analyses().queries(3).toString();

      ImportResult again = imports.importFile(copy, null, ProgressListener.NONE);
      ImportResult banditAgain = imports.importFile(bandit, null, ProgressListener.NONE);
      assertTrue(again.alreadyImported());
      assertEquals(first.record().id(), again.record().id());
      assertTrue(banditAgain.alreadyImported());
      assertEquals(banditFirst.record().id(), banditAgain.record().id());
      List<ImportRecord> stored = p.analyses().imports();
      assertEquals(2, stored.size(), "no import row left by the stopped ones: " + stored);
      assertEquals(findings, p.findings().all().size());
      assertEquals(statements, p.analyses().queries(3).toString());
    }
  }
}
