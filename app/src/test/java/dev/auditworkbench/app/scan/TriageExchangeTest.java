package dev.auditworkbench.app.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.ingest.ImportService;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.model.DismissReason;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.testing.Resources;
import dev.auditworkbench.engine.triage.TriageCommand;
import dev.auditworkbench.engine.triage.TriageEdit;
import dev.auditworkbench.engine.triage.TriageExchange;
import dev.auditworkbench.engine.triage.TriageService;
import dev.auditworkbench.engine.triage.TriageStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two auditors on one engagement: a copy of the project triaged apart, its triage merged back by
 * fingerprint; what only one side changed is taken or kept, what both changed is a conflict, kept
 * unless theirs is asked for, and the merge is one undoable step.
 */
class TriageExchangeTest {
  @TempDir Path dir;

  private static List<Finding> findings(ProjectStore store) {
    return store.read(
        c -> {
          try (FindingRepository r = new FindingRepository(c)) {
            return r.all();
          }
        });
  }

  private static java.util.Map<String, String> duplicates(ProjectStore store) {
    return store.read(c -> new dev.auditworkbench.engine.store.BoardRepository(c).duplicates());
  }

  private static Finding byFingerprint(ProjectStore store, String fingerprint) {
    return findings(store).stream()
        .filter(f -> f.fingerprint().equals(fingerprint))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void onlyTheirChangesAreTakenConflictsAreListedAndTheMergeUndoes() throws Exception {
    Path mineFile = dir.resolve("lead.audit");
    Path repo = Files.createDirectories(dir.resolve("repo"));
    try (ProjectStore store =
        ProjectStore.create(
            mineFile, new ProjectInfo("Client", "Audit", "Lead", repo), Clock.systemUTC())) {
      new ImportService(store, ImporterRegistry.load(), Clock.systemUTC())
          .importFile(
              Resources.path(getClass(), "samples/bandit/many_vulns.json"),
              null,
              ProgressListener.NONE);
      // Before the copy: one decision both sides share.
      Finding shared = findings(store).get(0);
      new TriageService(store, Clock.systemUTC())
          .apply(shared.id(), TriageEdit.status(Status.IN_REPORT, null), "test");
    }
    Path theirsFile = dir.resolve("specialist.audit");
    Files.copy(mineFile, theirsFile);

    List<String> fp;
    try (ProjectStore mine = ProjectStore.open(mineFile);
        ProjectStore theirs = ProjectStore.open(theirsFile)) {
      List<Finding> all = findings(mine);
      assertTrue(all.size() >= 7, "the sample has enough findings");
      fp = all.stream().limit(7).map(Finding::fingerprint).toList();
      TriageService me = new TriageService(mine, Clock.systemUTC());
      TriageService them = new TriageService(theirs, Clock.systemUTC());
      // Only I: finding 1 confirmed (not in their file at all) and the shared finding 0 re-scored.
      // Both: finding 2 re-scored differently. Only they: finding 3 dismissed, finding 4 annotated.
      me.apply(byFingerprint(mine, fp.get(1)).id(), TriageEdit.status(Status.CONFIRMED, null), "t");
      me.apply(
          byFingerprint(mine, fp.get(0)).id(),
          new TriageEdit(null, null, Impact.of(4), null, null),
          "t");
      me.apply(
          byFingerprint(mine, fp.get(2)).id(),
          new TriageEdit(null, null, Impact.of(5), null, null),
          "t");
      them.apply(
          byFingerprint(theirs, fp.get(2)).id(),
          new TriageEdit(null, null, Impact.of(2), null, null),
          "t");
      them.apply(
          byFingerprint(theirs, fp.get(3)).id(),
          TriageEdit.status(Status.DISMISSED, DismissReason.FALSE_POSITIVE),
          "t");
      them.apply(
          byFingerprint(theirs, fp.get(4)).id(),
          TriageEdit.notes("Confirmed with the client's ops team."),
          "t");
      // ...and merged finding 6 into finding 5 as its duplicate.
      them.execute(
          new TriageCommand.Merge(
              byFingerprint(theirs, fp.get(5)).id(),
              List.of(byFingerprint(theirs, fp.get(6)).id()),
              "merge"),
          "t");

      // Through the file, as the CLI and the app hand it over.
      Path exchange = dir.resolve("specialist-triage.json");
      Files.writeString(exchange, TriageExchange.write(them.exportTriage()));
      TriageExchange.Document read = TriageExchange.read(exchange, Files.readString(exchange));
      assertEquals("Lead", read.auditor(), "the copy's auditor field as it was copied");

      TriageExchange.Plan keep = me.planImport(read, false);
      assertEquals(1, keep.conflicts().size());
      assertEquals(fp.get(2), keep.conflicts().get(0).mine().fingerprint());
      assertEquals(1, keep.keptMine(), "finding 0: in their file as shared, only I changed it");
      assertEquals(3, keep.edits().size(), "findings 3, 4 and 6: only they changed them");
      assertEquals(java.util.Map.of(fp.get(6), fp.get(5)), keep.links(), "the merge travels");
      TriageStep step =
          me.execute(
              new TriageCommand.Edit(keep.edits(), keep.ranks(), keep.links(), "import"), "test");
      assertEquals(Status.DISMISSED, byFingerprint(mine, fp.get(3)).status());
      assertEquals(
          DismissReason.FALSE_POSITIVE, byFingerprint(mine, fp.get(3)).triage().dismissReason());
      assertEquals(
          "Confirmed with the client's ops team.", byFingerprint(mine, fp.get(4)).triage().notes());
      assertEquals(Status.IN_REPORT, byFingerprint(mine, fp.get(0)).status(), "kept as shared");
      assertEquals(Impact.of(4), byFingerprint(mine, fp.get(0)).triage().impactOverride());
      assertEquals(
          DismissReason.DUPLICATE, byFingerprint(mine, fp.get(6)).triage().dismissReason());
      assertEquals(fp.get(5), duplicates(mine).get(fp.get(6)));
      assertEquals(Status.CONFIRMED, byFingerprint(mine, fp.get(1)).status());
      assertEquals(
          Impact.of(5), byFingerprint(mine, fp.get(2)).triage().impactOverride(), "mine kept");

      // The conflict taken explicitly.
      TriageExchange.Plan take = me.planImport(read, true);
      assertEquals(1, take.edits().size(), "the rest is the same now");
      me.execute(
          new TriageCommand.Edit(take.edits(), take.ranks(), take.links(), "import"), "test");
      assertEquals(Impact.of(2), byFingerprint(mine, fp.get(2)).triage().impactOverride());

      // The first merge undone: what it changed is back.
      me.undo(step, "test");
      assertEquals(Status.INBOX, byFingerprint(mine, fp.get(3)).status());
      assertEquals("", byFingerprint(mine, fp.get(4)).triage().notes());
      assertEquals(null, duplicates(mine).get(fp.get(6)), "the merge link undone too");
      assertEquals(Status.INBOX, byFingerprint(mine, fp.get(6)).status());
    }
  }

  @Test
  void aFileThatIsNotATriageExportIsRefusedWithWhereAndWhat() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad, "{\n  \"format\": \"audit-workbench-triage\",\n  \"findings\": [ oops ]\n}");
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> TriageExchange.read(bad, Files.readString(bad)));
    assertTrue(e.getMessage().startsWith(bad + ", line 3, column"), e.getMessage());
    assertTrue(e.getMessage().endsWith("(expected " + TriageExchange.FORMAT_NAME + ")"));
    Path other = dir.resolve("other.json");
    Files.writeString(other, "{\"format\": \"sarif\", \"findings\": []}");
    assertTrue(
        assertThrows(
                BadInputException.class, () -> TriageExchange.read(other, Files.readString(other)))
            .getMessage()
            .contains("not a triage export"));
    Path range = dir.resolve("range.json");
    Files.writeString(
        range,
        "{\"format\": \"audit-workbench-triage\", \"version\": 1, \"findings\": [{\"fingerprint\":"
            + " \"abc\", \"status\": \"IN_REPORT\", \"impact\": 9}]}");
    assertTrue(
        assertThrows(
                BadInputException.class, () -> TriageExchange.read(range, Files.readString(range)))
            .getMessage()
            .contains("finding 1 (abc)"));
  }
}
