package dev.auditworkbench.views.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What to import when files or folders are dropped on the window: files as they are, folders
 * replaced by the regular files inside them (sorted, hidden files and folders skipped). Whether a
 * file is a known format is decided by the import itself, which reports the ones it cannot read.
 */
public final class ImportDropPolicy {
  private ImportDropPolicy() {}

  public static List<Path> filesToImport(List<Path> dropped) {
    List<Path> out = new ArrayList<>();
    for (Path p : dropped) {
      if (Files.isDirectory(p)) {
        out.addAll(filesIn(p));
      } else if (Files.isRegularFile(p)) {
        out.add(p);
      }
    }
    return out;
  }

  private static List<Path> filesIn(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> !isHidden(folder.relativize(f)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
