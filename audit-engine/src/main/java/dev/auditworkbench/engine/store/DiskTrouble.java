package dev.auditworkbench.engine.store;

import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells a full disk and read-only media apart from a damaged project, so the user is told what to
 * do (free space, copy the project somewhere writable) instead of being told the file is damaged.
 */
final class DiskTrouble {
  /** SQLite's result codes (primary): SQLITE_READONLY, SQLITE_FULL. */
  private static final int SQLITE_READONLY = 8;

  private static final int SQLITE_FULL = 13;

  private DiskTrouble() {}

  static Optional<ProjectFileException> classify(Path project, Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      int code = t instanceof SQLException sql ? sql.getErrorCode() & 0xff : -1;
      if (code == SQLITE_FULL
          || message.contains("No space left on device")
          || message.contains("SQLITE_FULL")
          || message.contains("Disk quota exceeded")) {
        return Optional.of(
            new ProjectFileException(
                project,
                "the disk holding it is full ("
                    + firstLine(message)
                    + "); free some space and try again. Nothing was changed",
                e));
      }
      if (t instanceof ReadOnlyFileSystemException
          || t instanceof AccessDeniedException
          || message.contains("Read-only file system")
          || code == SQLITE_READONLY) {
        return Optional.of(new ProjectReadOnlyException(project, e));
      }
    }
    return Optional.empty();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
