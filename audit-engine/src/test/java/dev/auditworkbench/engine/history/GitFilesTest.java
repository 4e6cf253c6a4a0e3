package dev.auditworkbench.engine.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file read at a commit, not from the changed working tree. */
class GitFilesTest {
  @TempDir Path dir;

  @Test
  void readsTheFileAsItWasAtTheScannedCommit() throws Exception {
    String scanned;
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      Files.createDirectories(dir.resolve("src/shop"));
      Files.writeString(dir.resolve("src/shop/views.py"), "def a():\n    return 1\n");
      git.add().addFilepattern(".").call();
      scanned = git.commit().setMessage("scanned").setSign(false).call().getName();
      Files.writeString(dir.resolve("src/shop/views.py"), "def b():\n    return 2\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("later").setSign(false).call();
    }
    Files.writeString(dir.resolve("src/shop/views.py"), "uncommitted\n");

    assertEquals(
        List.of("def a():", "    return 1"),
        GitFiles.lines(dir, scanned, "src/shop/views.py").orElseThrow());
    assertEquals(
        List.of("def a():", "    return 1"),
        GitFiles.lines(dir.resolve("src"), scanned, "shop/views.py").orElseThrow(),
        "a repo opened at a subfolder of the work tree");
    assertTrue(GitFiles.lines(dir, scanned, "src/shop/missing.py").isEmpty());
    assertTrue(
        GitFiles.lines(dir, "0123456789abcdef0123456789abcdef01234567", "src/shop/views.py")
            .isEmpty(),
        "a commit this clone does not have");
    assertTrue(GitFiles.lines(dir, null, "src/shop/views.py").isEmpty());
  }

  @Test
  void aDirectoryOutsideGitHasNoCommits() throws Exception {
    Path plain = Files.createDirectories(dir.resolve("plain"));
    assertTrue(GitFiles.lines(plain, "HEAD", "x.py").isEmpty());
  }
}
