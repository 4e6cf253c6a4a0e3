package dev.auditworkbench.engine.excerpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.testing.FindingBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeExcerptsTest {
  @TempDir Path repo;
  @TempDir Path elsewhere;

  private static Finding at(String path, int line) {
    return FindingBuilder.finding("bandit.B101")
        .fingerprint("fp")
        .title("t")
        .category(Category.SECURITY)
        .severity(Severity.LOW)
        .at(path, line)
        .impact(2)
        .hours(1)
        .build();
  }

  @Test
  void aLinkToAFileOutsideTheRepositoryIsNeverQuoted() throws Exception {
    Files.writeString(elsewhere.resolve("id_rsa.txt"), "outside line 1\noutside line 2\n");
    Files.createSymbolicLink(repo.resolve("notes.txt"), elsewhere.resolve("id_rsa.txt"));
    Files.createSymbolicLink(repo.resolve("docs"), elsewhere);
    CodeExcerpts excerpts = new CodeExcerpts(repo, null, Set.of());
    for (String path :
        List.of(
            "notes.txt",
            "docs/id_rsa.txt",
            "../" + elsewhere.getFileName() + "/id_rsa.txt",
            elsewhere.resolve("id_rsa.txt").toString())) {
      CodeExcerpts.Excerpt e = excerpts.around(at(path, 1), 3, 3);
      assertTrue(e.isEmpty(), path + ": " + e.lines());
    }
  }

  @Test
  void secretsAreMaskedAndKeyBlocksAndFlaggedLinesHidden() throws Exception {
    Files.writeString(
        repo.resolve("settings.py"),
        "import os\n"
            + "AWS_SECRET_ACCESS_KEY = \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"\n"
            + "API = 'zz-9f8e7d6c5b4a'\n"
            + "DEBUG = False\n");
    Files.writeString(
        repo.resolve("deploy_key"),
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAA\n"
            + "QyNTUxOQAAACBo\n-----END OPENSSH PRIVATE KEY-----\nafter\n");
    CodeExcerpts excerpts = new CodeExcerpts(repo, null, Set.of("settings.py:3"));
    CodeExcerpts.Excerpt e = excerpts.around(at("settings.py", 2), 3, 3);
    assertEquals(
        List.of(
            "import os",
            "AWS_SECRET_ACCESS_KEY = \"wJal****************\"",
            CodeExcerpts.HIDDEN_LINE,
            "DEBUG = False"),
        e.lines());
    assertEquals(1, e.firstLine());
    // A window that starts inside the key block still hides it.
    CodeExcerpts.Excerpt key = excerpts.around(at("deploy_key", 3), 0, 2);
    assertEquals(
        List.of("[hidden: part of a private key]", "[hidden: part of a private key]", "after"),
        key.lines());
  }
}
