package dev.auditworkbench.views.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard warns before creating an audit of a folder that is not a Django repository. */
class NewAuditViewModelTest {
  @TempDir Path dir;

  @Test
  void aFolderWithoutPythonOrGitIsWarnedAboutButMayStillBeAudited() throws Exception {
    Files.writeString(dir.resolve("README.md"), "# not python");
    NewAuditViewModel model = new NewAuditViewModel();
    model.clientProperty().set("Acme");
    model.repoProperty().set(dir);
    String warning = model.warningProperty().get();
    assertTrue(warning.contains("No Python files"), warning);
    assertTrue(warning.contains("No git history"), warning);
    assertTrue(model.isComplete(), "a warning does not block: " + model.problemProperty().get());
  }

  @Test
  void aDjangoRepositoryWithHistoryHasNoWarning() throws Exception {
    Files.createDirectories(dir.resolve(".git"));
    Files.createDirectories(dir.resolve("shop/settings"));
    Files.writeString(dir.resolve("manage.py"), "import django\n");
    Files.writeString(dir.resolve("shop/settings/base.py"), "DEBUG = False\n");
    assertEquals("", NewAuditViewModel.warnings(dir));
    Files.delete(dir.resolve("manage.py"));
    Files.delete(dir.resolve("shop/settings/base.py"));
    Files.delete(dir.resolve("shop/settings"));
    Files.writeString(dir.resolve("shop/views.py"), "x = 1\n");
    assertTrue(
        NewAuditViewModel.warnings(dir).startsWith("No Django settings"),
        NewAuditViewModel.warnings(dir));
  }
}
