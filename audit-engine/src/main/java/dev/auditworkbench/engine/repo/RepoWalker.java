package dev.auditworkbench.engine.repo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * Lists the files of a client repository that belong to the client's code: honours every .gitignore
 * on the way down (with git's own rule semantics, from JGit) and skips what is never the client's
 * code even when it is not ignored: .git, virtualenvs (any folder holding a pyvenv.cfg),
 * node_modules, build output, caches and vendored site-packages.
 */
public final class RepoWalker {
  private static final Set<String> SKIPPED_DIRS =
      Set.of(
          ".git",
          ".hg",
          ".svn",
          "node_modules",
          "__pycache__",
          ".tox",
          ".nox",
          ".mypy_cache",
          ".pytest_cache",
          ".ruff_cache",
          "site-packages",
          "dist",
          "build",
          ".eggs",
          ".idea",
          ".vscode",
          "venv",
          ".venv",
          "htmlcov",
          "staticfiles",
          "bower_components");

  /** Files larger than this are listed but not read by analyses (minified bundles, dumps). */
  public static final long MAX_ANALYSED_BYTES = 2L * 1024 * 1024;

  private RepoWalker() {}

  /** The repository's files, sorted by path. */
  public static List<RepoFile> walk(Path root) throws IOException {
    Path base = root.toAbsolutePath().normalize();
    List<RepoFile> out = new ArrayList<>();
    Deque<Level> ignores = new ArrayDeque<>();
    Files.walkFileTree(
        base,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (!dir.equals(base)) {
              String name = dir.getFileName().toString();
              if (SKIPPED_DIRS.contains(name)
                  || name.endsWith(".egg-info")
                  || Files.exists(dir.resolve("pyvenv.cfg"))
                  || ignored(ignores, base.relativize(dir), true)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
            }
            ignores.push(new Level(dir, readIgnore(dir)));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && !ignored(ignores, base.relativize(file), false)) {
              out.add(
                  new RepoFile(base.relativize(file).toString().replace('\\', '/'), attrs.size()));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
            ignores.pop();
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException exc) {
            return FileVisitResult.CONTINUE; // unreadable: not the client's code we can analyse
          }
        });
    out.sort(Comparator.comparing(RepoFile::path));
    return out;
  }

  private record Level(Path dir, IgnoreNode rules) {}

  private static IgnoreNode readIgnore(Path dir) throws IOException {
    Path gitignore = dir.resolve(".gitignore");
    if (!Files.isRegularFile(gitignore)) {
      return null;
    }
    IgnoreNode node = new IgnoreNode();
    try (InputStream in = Files.newInputStream(gitignore)) {
      node.parse(in);
    }
    return node;
  }

  /** Git semantics: the deepest .gitignore with an opinion decides. */
  private static boolean ignored(Deque<Level> levels, Path relative, boolean directory) {
    for (Level level : levels) { // innermost first
      if (level.rules() == null) {
        continue;
      }
      Path base = levels.peekLast().dir();
      Path fromLevel = level.dir().relativize(base.resolve(relative));
      Boolean verdict =
          level.rules().checkIgnored(fromLevel.toString().replace('\\', '/'), directory);
      if (verdict != null) {
        return verdict;
      }
    }
    return false;
  }
}
