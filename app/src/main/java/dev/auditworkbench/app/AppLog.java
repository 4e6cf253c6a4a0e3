package dev.auditworkbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The app's log: a rotating file (5 files of 2 MB) in the platform's user log folder, holding
 * warnings and errors with their stack traces: what an auditor sends when something goes wrong.
 * Libraries that log through SLF4J (JGit) land here too (slf4j-jdk14). Linux: {@code
 * $XDG_STATE_HOME/audit-workbench/logs} (default {@code ~/.local/state/...}); macOS: {@code
 * ~/Library/Logs/Audit Workbench}; Windows: {@code %LOCALAPPDATA%\Audit Workbench\Logs}. {@code
 * -Dworkbench.logDir=DIR} puts it elsewhere.
 */
public final class AppLog {
  private static final Logger LOG = Logger.getLogger("dev.auditworkbench");
  private static Path folder;

  private AppLog() {}

  /** Where the log files are written (whether or not they could be). */
  public static synchronized Path folder() {
    if (folder == null) {
      folder = defaultFolder();
    }
    return folder;
  }

  static Path defaultFolder() {
    String override = System.getProperty("workbench.logDir");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    Path home = Path.of(System.getProperty("user.home"));
    if (os.contains("win")) {
      String local = System.getenv("LOCALAPPDATA");
      return (local == null ? home.resolve("AppData").resolve("Local") : Path.of(local))
          .resolve("Audit Workbench")
          .resolve("Logs");
    }
    if (os.contains("mac")) {
      return home.resolve("Library").resolve("Logs").resolve("Audit Workbench");
    }
    String state = System.getenv("XDG_STATE_HOME");
    return (state == null || state.isBlank()
            ? home.resolve(".local").resolve("state")
            : Path.of(state))
        .resolve("audit-workbench")
        .resolve("logs");
  }

  /** Starts writing the log; a folder that cannot be written leaves logging to the console. */
  public static synchronized void install() {
    installAt(folder());
  }

  static synchronized void installAt(Path dir) {
    folder = dir;
    try {
      Files.createDirectories(dir);
      FileHandler file =
          new FileHandler(dir.resolve("workbench-%g.log").toString(), 2 * 1024 * 1024, 5, true);
      file.setFormatter(new SimpleFormatter());
      file.setLevel(Level.INFO);
      Logger root = Logger.getLogger("");
      root.addHandler(file);
      for (var h : root.getHandlers()) {
        if (h instanceof ConsoleHandler) {
          h.setLevel(
              Level.OFF); // the CLI says what went wrong in one line; details are in the file
        }
      }
    } catch (IOException | RuntimeException e) {
      // No log file: the app still runs, and says where it would have logged in its error dialogs.
    }
  }

  /** Records an error with its stack trace. */
  public static void error(String what, Throwable e) {
    LOG.log(Level.SEVERE, what, e);
  }
}
