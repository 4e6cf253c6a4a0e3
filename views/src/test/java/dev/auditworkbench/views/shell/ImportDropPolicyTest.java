package dev.auditworkbench.views.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportDropPolicyTest {
  @TempDir Path dir;

  @Test
  void foldersBecomeTheirVisibleFilesInOrderAndFilesStayAsTheyAre() throws Exception {
    Path captures = Files.createDirectories(dir.resolve("captures"));
    Files.writeString(captures.resolve("b.log"), "x");
    Files.writeString(captures.resolve("a.json"), "x");
    Files.writeString(captures.resolve(".hidden.json"), "x");
    Files.createDirectories(captures.resolve(".git"));
    Files.writeString(captures.resolve(".git/config"), "x");
    Files.createDirectories(captures.resolve("web"));
    Files.writeString(captures.resolve("web/access.log"), "x");
    Path single = Files.writeString(dir.resolve("bandit.json"), "x");
    Path missing = dir.resolve("gone.json");

    assertEquals(
        List.of(
            single,
            captures.resolve("a.json"),
            captures.resolve("b.log"),
            captures.resolve("web/access.log")),
        ImportDropPolicy.filesToImport(List.of(single, captures, missing)));
  }
}
