package dev.auditworkbench.views.start;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A project opened lately: its file, what it is ("client · engagement", empty when not known) and
 * when it was last opened (null when not known).
 */
public record RecentProject(Path file, String title, Instant openedAt) {
  public RecentProject {
    title = title == null ? "" : title;
  }

  /** The title, else the file's name. */
  public String heading() {
    return title.isBlank() ? String.valueOf(file.getFileName()) : title;
  }
}
