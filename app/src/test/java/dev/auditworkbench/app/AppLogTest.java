package dev.auditworkbench.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppLogTest {
  @TempDir Path dir;

  @Test
  void errorsAreWrittenToTheLogFileWithTheirStackTrace() throws Exception {
    AppLog.installAt(dir);
    AppLog.error("Importing bandit.json", new IllegalStateException("boom in the importer"));
    for (var h : Logger.getLogger("").getHandlers()) {
      h.flush();
    }
    String log = Files.readString(dir.resolve("workbench-0.log"));
    assertTrue(log.contains("Importing bandit.json"), log);
    assertTrue(log.contains("java.lang.IllegalStateException: boom in the importer"), log);
    assertTrue(
        log.contains(
            "at dev.auditworkbench.app.AppLogTest.errorsAreWrittenToTheLogFileWithTheirStackTrace"),
        log);
  }

  @Test
  void theLogFolderFollowsThePlatform() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    Path folder = AppLog.defaultFolder();
    if (os.contains("linux") && System.getProperty("workbench.logDir") == null) {
      assertTrue(folder.endsWith(Path.of("audit-workbench", "logs")), folder.toString());
    }
  }
}
