package dev.auditworkbench.app.gui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * For the cold-start benchmark ({@code -Dworkbench.startupReport=FILE}): milliseconds from JVM
 * start at each step of a start (main entered, JavaFX started, project read, window built, the
 * overview's figures shown), written as {@code name=millis} lines with {@code total} last. Without
 * the property nothing is recorded.
 */
public final class StartupMarks {
  private static final String PROPERTY = "workbench.startupReport";
  private static final Map<String, Long> MARKS = new LinkedHashMap<>();

  private StartupMarks() {}

  public static boolean asked() {
    return System.getProperty(PROPERTY) != null;
  }

  /** Records the time of a step the first time it is reached. */
  public static synchronized void mark(String step) {
    if (asked()) {
      MARKS.putIfAbsent(step, sinceJvmStart());
    }
  }

  /** Writes every step and the total (now) to the report file. */
  static synchronized void write() {
    MARKS.put("total", sinceJvmStart());
    String text =
        MARKS.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("\n", "", "\n"));
    try {
      Files.writeString(Path.of(System.getProperty(PROPERTY)), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long sinceJvmStart() {
    return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
  }
}
