package dev.auditworkbench.engine.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/** A file's text as it was at a commit, read from the repository's object store with JGit. */
public final class GitFiles {
  /** Files larger than this are not shown (a code viewer is no place for a 20 MB fixture). */
  static final long MAX_BYTES = 8L * 1024 * 1024;

  private GitFiles() {}

  /**
   * The lines of {@code path} (repo-relative, '/'-separated) at {@code commit}; empty when the
   * directory is not in git, the commit is unknown (a shallow or rewritten clone) or the file is
   * not in it. {@code repo} may be a subdirectory of the work tree: the path is taken relative to
   * it.
   */
  public static Optional<List<String>> lines(Path repo, String commit, String path)
      throws IOException {
    if (commit == null || commit.isBlank() || path == null) {
      return Optional.empty();
    }
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(repo.toFile());
    if (builder.getGitDir() == null) {
      return Optional.empty();
    }
    try (Repository r = builder.setMustExist(true).build();
        RevWalk walk = new RevWalk(r)) {
      ObjectId id = r.resolve(commit);
      if (id == null || r.getWorkTree() == null) {
        return Optional.empty();
      }
      String prefix =
          r.getWorkTree()
              .toPath()
              .toRealPath()
              .relativize(repo.toRealPath())
              .toString()
              .replace('\\', '/');
      String inRepo = prefix.isEmpty() ? path : prefix + "/" + path;
      RevCommit c = walk.parseCommit(id);
      try (TreeWalk tw = TreeWalk.forPath(r, inRepo, c.getTree())) {
        if (tw == null || tw.isSubtree()) {
          return Optional.empty();
        }
        var loader = r.open(tw.getObjectId(0));
        if (loader.getSize() > MAX_BYTES) {
          return Optional.empty();
        }
        String text = new String(loader.getBytes(), StandardCharsets.UTF_8);
        return Optional.of(text.lines().toList());
      }
    } catch (MissingObjectException e) {
      return Optional.empty();
    }
  }
}
