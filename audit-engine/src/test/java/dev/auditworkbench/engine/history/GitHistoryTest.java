package dev.auditworkbench.engine.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Churn, authorship, renames, window and couplings on a repository built commit by commit here. */
class GitHistoryTest {
  @TempDir Path dir;
  private static final Instant HEAD_TIME = Instant.parse("2026-06-01T12:00:00Z");

  private void commit(Git git, String author, int daysBeforeHead, String message) throws Exception {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    PersonIdent who =
        new PersonIdent(
            author,
            author.toLowerCase().replace(' ', '.') + "@example.com",
            Date.from(HEAD_TIME.minus(Duration.ofDays(daysBeforeHead))),
            TimeZone.getTimeZone("UTC"));
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
  }

  private void write(String path, String text) throws Exception {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void countsChangesLinesAndAuthorsFollowsRenamesAndRespectsTheWindow() throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      write("src/billing/models.py", "a = 1\n");
      commit(git, "Old Timer", 500, "outside the window");
      write("src/billing/models.py", "a = 1\nb = 2\nc = 3\n");
      write("src/billing/views.py", "x = 1\n");
      commit(git, "Martin Keller", 100, "two files together");
      write("src/billing/models.py", "a = 10\nb = 2\nc = 3\n");
      write("src/billing/views.py", "x = 2\n");
      commit(git, "Martin Keller", 90, "together again");
      Files.move(dir.resolve("src/billing/views.py"), dir.resolve("src/billing/api.py"));
      commit(git, "Priya Shah", 50, "rename views to api");
      write("src/billing/api.py", "x = 3\ny = 4\n");
      write("src/billing/models.py", "a = 10\nb = 2\nc = 3\nd = 4\n");
      commit(git, "Priya Shah", 10, "touch both");
      write("README.md", "outside the scanned folder\n");
      commit(git, "Priya Shah", 0, "docs");
    }

    GitHistory.Result r = GitHistory.read(dir.resolve("src"), Duration.ofDays(365), 2);

    assertEquals(5, r.commits(), "commits in the window (the 500-day-old one is outside)");
    FileHistory models = r.files().get("billing/models.py");
    assertEquals(3, models.commits());
    assertEquals(Map.of("Martin Keller", 2, "Priya Shah", 1), models.commitsByAuthor());
    // +2 (b, c), then -1/+1 (a), then +1 (d)
    assertEquals(4, models.linesAdded());
    assertEquals(1, models.linesDeleted());
    assertEquals("Martin Keller", models.topAuthor().getKey());

    FileHistory api = r.files().get("billing/api.py");
    assertEquals(4, api.commits(), "history under its old name views.py counts towards api.py");
    assertFalse(r.files().containsKey("billing/views.py"));
    assertFalse(
        r.files().keySet().stream().anyMatch(p -> p.contains("README")),
        "outside the scanned folder");
    assertEquals(HEAD_TIME, r.to());

    GitHistory.Coupling c = r.couplings().get(0);
    assertEquals("billing/api.py", c.a());
    assertEquals("billing/models.py", c.b());
    assertEquals(3, c.together());
    assertEquals(1.0, c.degree(), 1e-9);
  }

  @Test
  void aFolderOutsideGitHasNoHistory() throws Exception {
    Files.writeString(dir.resolve("a.py"), "x = 1\n");
    GitHistory.Result r = GitHistory.read(dir, Duration.ofDays(365), 2);
    assertTrue(r.files().isEmpty());
    assertEquals(0, r.commits());
  }
}
