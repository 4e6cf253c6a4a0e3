package dev.auditworkbench.engine.history;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * The repository's history read with JGit (no git binary): every commit reachable from HEAD within
 * the window before HEAD's date (merges are skipped: their changes are counted in the commits they
 * merge), diffed against its parent with rename detection. Paths are reported under their name at
 * HEAD.
 */
public final class GitHistory {
  /** A pair of files changed together, and how often. */
  public record Coupling(String a, String b, int together, double degree) {}

  /** The result: per-file histories, co-change pairs, the window and the number of commits read. */
  public record Result(
      Map<String, FileHistory> files,
      List<Coupling> couplings,
      Instant from,
      Instant to,
      int commits) {}

  /** Commits that touch more files than this are reorganisations, not couplings. */
  static final int MAX_FILES_FOR_COUPLING = 30;

  private GitHistory() {}

  /** Reads the history of the repository containing {@code repo}; empty when it is not in git. */
  public static Result read(Path repo, Duration window, int minCoChanges) throws IOException {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(repo.toFile());
    File gitDir = builder.getGitDir();
    if (gitDir == null) {
      return new Result(Map.of(), List.of(), null, null, 0);
    }
    try (Repository r = builder.setMustExist(true).build();
        RevWalk walk = new RevWalk(r);
        DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      ObjectId head = r.resolve("HEAD");
      if (head == null) {
        return new Result(Map.of(), List.of(), null, null, 0);
      }
      diff.setRepository(r);
      diff.setDiffComparator(RawTextComparator.DEFAULT);
      diff.setDetectRenames(true);
      RevCommit headCommit = walk.parseCommit(head);
      Instant to = headCommit.getCommitterIdent().getWhenAsInstant();
      Instant from = to.minus(window);
      walk.markStart(headCommit);
      Map<String, String> renamedTo = new HashMap<>(); // old path -> path at HEAD
      Map<String, Acc> acc = new TreeMap<>();
      Map<String, Integer> pairCounts = new HashMap<>();
      int commits = 0;
      for (RevCommit c : walk) {
        Instant when = c.getAuthorIdent().getWhenAsInstant();
        if (when.isBefore(from)) {
          break;
        }
        if (c.getParentCount() > 1) {
          continue;
        }
        commits++;
        RevCommit parent = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0));
        List<DiffEntry> entries = diff.scan(parent == null ? null : parent.getTree(), c.getTree());
        List<String> touched = new ArrayList<>();
        for (DiffEntry e : entries) {
          String path =
              e.getChangeType() == DiffEntry.ChangeType.DELETE ? e.getOldPath() : e.getNewPath();
          String current = renamedTo.getOrDefault(path, path);
          if (e.getChangeType() == DiffEntry.ChangeType.RENAME
              || e.getChangeType() == DiffEntry.ChangeType.COPY) {
            renamedTo.put(e.getOldPath(), current);
          }
          int added = 0;
          int deleted = 0;
          for (Edit edit : diff.toFileHeader(e).toEditList()) {
            added += edit.getLengthB();
            deleted += edit.getLengthA();
          }
          acc.computeIfAbsent(current, k -> new Acc()).add(c, added, deleted);
          touched.add(current);
        }
        if (touched.size() > 1 && touched.size() <= MAX_FILES_FOR_COUPLING) {
          touched.sort(null);
          for (int i = 0; i < touched.size(); i++) {
            for (int j = i + 1; j < touched.size(); j++) {
              pairCounts.merge(touched.get(i) + "\u0000" + touched.get(j), 1, Integer::sum);
            }
          }
        }
      }
      // Paths are relative to the scanned folder, which may be a sub-folder of the work tree.
      String prefix =
          r.getWorkTree()
              .toPath()
              .toRealPath()
              .relativize(repo.toRealPath())
              .toString()
              .replace('\\', '/');
      String strip = prefix.isEmpty() ? "" : prefix + "/";
      Map<String, FileHistory> files = new LinkedHashMap<>();
      acc.forEach(
          (path, a) -> {
            if (path.startsWith(strip)) {
              String relative = path.substring(strip.length());
              files.put(relative, a.toHistory(relative));
            }
          });
      List<Coupling> couplings = new ArrayList<>();
      pairCounts.forEach(
          (key, n) -> {
            String[] ab = key.split("\u0000");
            if (n >= minCoChanges && ab[0].startsWith(strip) && ab[1].startsWith(strip)) {
              ab[0] = ab[0].substring(strip.length());
              ab[1] = ab[1].substring(strip.length());
              int min = Math.min(files.get(ab[0]).commits(), files.get(ab[1]).commits());
              couplings.add(new Coupling(ab[0], ab[1], n, (double) n / min));
            }
          });
      couplings.sort(
          Comparator.comparingInt(Coupling::together)
              .reversed()
              .thenComparing(Coupling::a)
              .thenComparing(Coupling::b));
      return new Result(files, couplings, from, to, commits);
    }
  }

  /** Accumulates one file's commits while walking. */
  private static final class Acc {
    int commits;
    int added;
    int deleted;
    final Map<String, Integer> authors = new TreeMap<>();
    Instant first;
    Instant last;
    final List<String> ids = new ArrayList<>();

    void add(RevCommit c, int a, int d) {
      commits++;
      added += a;
      deleted += d;
      authors.merge(c.getAuthorIdent().getName(), 1, Integer::sum);
      Instant when = c.getAuthorIdent().getWhenAsInstant();
      first = first == null || when.isBefore(first) ? when : first;
      last = last == null || when.isAfter(last) ? when : last;
      ids.add(c.getName());
    }

    FileHistory toHistory(String path) {
      return new FileHistory(
          path, commits, added, deleted, Map.copyOf(authors), first, last, List.copyOf(ids));
    }
  }
}
