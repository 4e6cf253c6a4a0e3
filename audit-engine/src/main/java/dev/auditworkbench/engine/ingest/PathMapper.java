package dev.auditworkbench.engine.ingest;

import dev.auditworkbench.engine.model.Location;
import dev.auditworkbench.engine.repo.RepoRoot;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a path as a scanner wrote it on the client's machine (absolute, Windows backslashes, {@code
 * file://} URI, container prefix such as /src or /app) into a repo-relative path with '/'
 * separators.
 *
 * <p>Rule: strip a URI scheme and a leading "./"; if the path is under the repo root, relativise
 * it; otherwise take the longest tail of its segments that names a file in the repo. A path that
 * matches nothing is kept (normalised) and marked as not in the repo, never dropped. A file counts
 * as in the repo only through {@link RepoRoot}: a path or link that leads outside never does.
 */
public final class PathMapper {
  private final Path repoRoot;
  private final RepoRoot repo;
  private final Map<String, Mapped> cache = new HashMap<>();

  /** A mapped path and whether it exists in the repo. */
  public record Mapped(String path, boolean inRepo) {}

  /**
   * {@code repoRoot} may be null when the project has no repository (then nothing is "in repo").
   */
  public PathMapper(Path repoRoot) {
    this.repoRoot = repoRoot == null ? null : repoRoot.toAbsolutePath().normalize();
    this.repo = RepoRoot.of(repoRoot).orElse(null);
  }

  public Mapped map(String raw) {
    if (raw == null || raw.isBlank()) {
      return new Mapped(null, false);
    }
    return cache.computeIfAbsent(raw, this::compute);
  }

  public Location location(String raw, int startLine, int endLine, String symbol) {
    Mapped m = map(raw);
    return new Location(m.path(), startLine, endLine, symbol, m.inRepo());
  }

  private Mapped compute(String raw) {
    String p = normalise(raw);
    if (repoRoot == null || repo == null) {
      return new Mapped(p, false);
    }
    String root = repoRoot.toString().replace('\\', '/');
    if (p.startsWith(root + "/")) {
      String rel = p.substring(root.length() + 1);
      return new Mapped(rel, exists(rel));
    }
    String[] parts = p.split("/");
    for (int start = 0; start < parts.length; start++) {
      String tail = String.join("/", Arrays.copyOfRange(parts, start, parts.length));
      if (!tail.isEmpty() && exists(tail)) {
        return new Mapped(tail, true);
      }
    }
    return new Mapped(p, false);
  }

  /**
   * Only files inside the repository count, links followed: "../", absolute and outward links never
   * do.
   */
  private boolean exists(String rel) {
    return repo.contains(rel);
  }

  static String normalise(String raw) {
    String p = raw.trim();
    if (p.regionMatches(true, 0, "file:", 0, 5)) {
      try {
        p = URI.create(p.replace(" ", "%20")).getPath();
      } catch (IllegalArgumentException e) {
        p = p.substring(5);
      }
      if (p == null) {
        p = raw.trim().substring(5);
      }
    }
    p = p.replace('\\', '/');
    if (p.matches("^/[A-Za-z]:/.*")) {
      p = p.substring(1); // "/C:/x" from a file:///C:/x URI
    }
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    p = p.replaceAll("/+", "/").replaceAll("/\\./", "/");
    return p;
  }
}
