package dev.auditworkbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.auditworkbench.views.start.RecentProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentProjectsTest {
  @TempDir Path dir;
  private final Preferences prefs =
      Preferences.userRoot().node("dev/auditworkbench/test-" + System.nanoTime());

  @AfterEach
  void removeNode() throws Exception {
    prefs.removeNode();
  }

  @Test
  void keepsTitleAndTimeMostRecentFirstOncePerFileAndDropsMissingFiles() throws Exception {
    Path a = Files.createFile(dir.resolve("a.audit"));
    Path b = Files.createFile(dir.resolve("b.audit"));
    Path gone = Files.createFile(dir.resolve("gone.audit"));
    RecentProjects recent = new RecentProjects(prefs);
    recent.add(a, "Acme Pay \u00b7 Q4", Instant.parse("2026-12-01T09:00:00Z"));
    recent.add(gone, "Old client", Instant.parse("2026-12-01T10:00:00Z"));
    recent.add(b, "", Instant.parse("2026-12-02T09:00:00Z"));
    recent.add(a, "Acme Pay \u00b7 Q4 audit", Instant.parse("2026-12-03T09:00:00Z"));
    Files.delete(gone);

    assertEquals(
        List.of(
            new RecentProject(a, "Acme Pay \u00b7 Q4 audit", Instant.parse("2026-12-03T09:00:00Z")),
            new RecentProject(b, "", Instant.parse("2026-12-02T09:00:00Z"))),
        recent.list());
    assertEquals("b.audit", recent.list().get(1).heading());
  }

  @Test
  void entriesFromBeforeTitlesWereKeptStillOpen() throws Exception {
    Path a = Files.createFile(dir.resolve("a.audit"));
    prefs.put("recent.0", a.toString());
    assertEquals(List.of(new RecentProject(a, "", null)), new RecentProjects(prefs).list());
  }

  @Test
  void titleJoinsClientAndEngagement() {
    assertEquals("Acme Pay \u00b7 Q4 audit", RecentProjects.title("Acme Pay", "Q4 audit"));
    assertEquals("Acme Pay", RecentProjects.title("Acme Pay", ""));
    assertEquals("Q4 audit", RecentProjects.title("", "Q4 audit"));
  }
}
