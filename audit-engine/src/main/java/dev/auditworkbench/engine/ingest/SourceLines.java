package dev.auditworkbench.engine.ingest;

import dev.auditworkbench.engine.repo.RepoRoot;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads single lines of repo files for fingerprint anchors, keeping the last few files in memory
 * (scanner output is grouped by file, so a small cache hits almost always).
 */
final class SourceLines {
  private static final int MAX_FILES = 64;
  private static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

  private final RepoRoot repoRoot;
  private final Map<String, List<String>> cache =
      new LinkedHashMap<>(MAX_FILES, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
          return size() > MAX_FILES;
        }
      };

  SourceLines(Path repoRoot) {
    this.repoRoot = RepoRoot.of(repoRoot).orElse(null);
  }

  /** The 1-based line of a repo file, or null when unknown. */
  String line(String relPath, int line) {
    if (repoRoot == null || relPath == null || line < 1) {
      return null;
    }
    List<String> lines = cache.computeIfAbsent(relPath, this::load);
    return line <= lines.size() ? lines.get(line - 1) : null;
  }

  private List<String> load(String relPath) {
    Path file = repoRoot.file(relPath).orElse(null);
    if (file == null) {
      return List.of();
    }
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        return List.of();
      }
      byte[] bytes = Files.readAllBytes(file);
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return List.of(text.split("\r?\n", -1));
    } catch (IOException e) {
      return List.of();
    }
  }
}
