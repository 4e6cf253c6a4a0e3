package dev.auditworkbench.engine.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one door through which a repo-relative path becomes a file to read. A path reaches a file
 * only when the file, with every link on the way followed, lies inside the repository's real root:
 * {@code ../}, absolute paths and symbolic links that lead out of the repository are refused, so a
 * hostile checkout or a scanner's path can never put an outside file into the code viewer, an
 * import's fingerprints or the report.
 */
public final class RepoRoot {
  private final Path root;
  private final Path realRoot;

  private RepoRoot(Path root, Path realRoot) {
    this.root = root;
    this.realRoot = realRoot;
  }

  /** The repository at {@code root}; empty when there is none (null) or it cannot be resolved. */
  public static Optional<RepoRoot> of(Path root) {
    if (root == null) {
      return Optional.empty();
    }
    try {
      Path absolute = root.toAbsolutePath().normalize();
      return Optional.of(new RepoRoot(absolute, absolute.toRealPath()));
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** The root as given (absolute, normalised), for display and for relativising. */
  public Path root() {
    return root;
  }

  /**
   * The regular file a repo-relative path names, with links followed, when it is inside the
   * repository; empty for a path that leaves it, does not exist, or is not a regular file.
   */
  public Optional<Path> file(String relative) {
    if (relative == null || relative.isBlank()) {
      return Optional.empty();
    }
    try {
      Path rel = Path.of(relative);
      if (rel.isAbsolute() || rel.getRoot() != null) {
        return Optional.empty();
      }
      Path joined = root.resolve(rel).normalize();
      if (!joined.startsWith(root)) {
        return Optional.empty();
      }
      Path real = joined.toRealPath();
      if (!real.startsWith(realRoot) || !Files.isRegularFile(real)) {
        return Optional.empty();
      }
      return Optional.of(real);
    } catch (IOException | InvalidPathException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** Whether {@link #file} finds a file inside the repository for this path. */
  public boolean contains(String relative) {
    return file(relative).isPresent();
  }
}
