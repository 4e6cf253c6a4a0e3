package dev.auditworkbench.engine.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How every export reaches the disk (PDF, HTML, CSV, JSON, SVG, DOT...): written to a temporary
 * file in the target's folder and moved into place in one step, so the target is either the old
 * file or the whole new one, never half of it. The temporary is removed when writing fails, when
 * the process is interrupted (a shutdown hook), and, after a crash that left one behind, by the
 * next export to the same file. A failure is a {@link CannotWriteException} naming the file.
 */
public final class OutputFile {
  private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();
  private static volatile boolean hooked;

  /** What writes the content; the stream is buffered and closed for it. */
  @FunctionalInterface
  public interface Body {
    void write(OutputStream out) throws IOException;
  }

  /** Writes text content (UTF-8). */
  @FunctionalInterface
  public interface TextBody {
    void write(Writer out) throws IOException;
  }

  private OutputFile() {}

  public static void writeText(Path target, TextBody body) throws CannotWriteException {
    write(
        target,
        out -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          body.write(w);
          w.flush();
        });
  }

  public static void writeString(Path target, String text) throws CannotWriteException {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  public static void write(Path target, Body body) throws CannotWriteException {
    Path file = target.toAbsolutePath().normalize();
    Path folder = file.getParent();
    String prefix = "." + file.getFileName() + ".";
    hookOnce();
    Path tmp = null;
    try {
      if (folder == null || !Files.isDirectory(folder)) {
        throw new IOException("the folder " + folder + " does not exist");
      }
      if (Files.isDirectory(file)) {
        throw new IOException("it is a folder");
      }
      removeLeftovers(folder, prefix);
      tmp = Files.createTempFile(folder, prefix, ".partial");
      WRITING.add(tmp);
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        body.write(out);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      throw new CannotWriteException(file, reason(e), e);
    } finally {
      if (tmp != null) {
        deleteQuietly(tmp);
        WRITING.remove(tmp);
      }
    }
  }

  private static String reason(Exception e) {
    String m = e.getMessage();
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (m == null || m.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return m.contains("No space left on device") ? "the disk is full" : m;
  }

  /** Temporaries of this target that a killed process could not remove. */
  private static void removeLeftovers(Path folder, String prefix) {
    try (DirectoryStream<Path> stale =
        Files.newDirectoryStream(folder, glob(prefix) + "*.partial")) {
      for (Path p : stale) {
        if (!WRITING.contains(p)) {
          deleteQuietly(p);
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // An unreadable folder fails the write itself with a clearer message.
    }
  }

  private static String glob(String literal) {
    return literal.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
  }

  private static synchronized void hookOnce() {
    if (!hooked) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> WRITING.forEach(OutputFile::deleteQuietly), "remove unfinished exports"));
      hooked = true;
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // Removed by the next export to the same file.
    }
  }
}
