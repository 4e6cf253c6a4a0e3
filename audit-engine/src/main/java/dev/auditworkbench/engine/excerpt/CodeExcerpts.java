package dev.auditworkbench.engine.excerpt;

import dev.auditworkbench.engine.history.GitFiles;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.ScanRecord;
import dev.auditworkbench.engine.repo.RepoRoot;
import dev.auditworkbench.engine.spi.SecretDetector;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.store.ScanRepository;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one place code is quoted from the client's repository, for the board, the findings page and
 * the report alike: the file as it was at the scanned commit (or the working tree when that commit
 * is not in the clone), read only through {@link RepoRoot} so nothing outside the repository is
 * ever quoted, and with every secret masked by the shared {@link SecretDetector}. Lines on which a
 * finding says a secret is, but whose secret the detector does not recognise, are hidden whole.
 */
public final class CodeExcerpts {
  /** What replaces a line a finding says holds a secret the detector cannot mask by itself. */
  public static final String HIDDEN_LINE = "[hidden: a secret is on this line]";

  /** Files larger than this are not quoted (a code viewer is no place for a 20 MB fixture). */
  static final long MAX_BYTES = 8L * 1024 * 1024;

  private final RepoRoot repo;
  private final Path repoPath;
  private final String commit;
  private final Set<String> secretPlaces;

  /**
   * Lines of a file around a finding.
   *
   * @param lines the lines shown, secrets masked
   * @param firstLine the number of the first line shown
   * @param source where they come from, in words ("x.py at the scanned commit 1a2b3c4d5e"), or why
   *     there is no code
   */
  public record Excerpt(
      List<String> lines, int firstLine, int markedFrom, int markedTo, String source) {
    public Excerpt {
      lines = List.copyOf(lines);
    }

    static Excerpt none(String why) {
      return new Excerpt(List.of(), 0, 0, 0, why);
    }

    public boolean isEmpty() {
      return lines.isEmpty();
    }

    /** The lines numbered, the finding's marked with '>', as the report prints them. */
    public String numbered() {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < lines.size(); i++) {
        int n = firstLine + i;
        boolean marked = n >= markedFrom && n <= markedTo;
        sb.append(String.format(Locale.ROOT, "%s%4d  %s%n", marked ? ">" : " ", n, lines.get(i)));
      }
      return sb.toString().stripTrailing();
    }
  }

  public CodeExcerpts(Path repo, String commit, Set<String> secretPlaces) {
    this.repoPath = repo;
    this.repo = RepoRoot.of(repo).orElse(null);
    this.commit = commit;
    this.secretPlaces = Set.copyOf(secretPlaces);
  }

  /** Excerpts of a project's repository at its last scanned commit, knowing its secret findings. */
  public static CodeExcerpts of(ProjectStore store) {
    Path repo = store.info().repo();
    return store.read(
        c ->
            new CodeExcerpts(
                repo,
                new ScanRepository(c).latest().map(ScanRecord::commitId).orElse(null),
                new FindingRepository(c).secretPlaces()));
  }

  /** The finding's lines with {@code before} and {@code after} lines around them. */
  public Excerpt around(Finding f, int before, int after) {
    var loc = f.location();
    if (loc == null || loc.path() == null) {
      return Excerpt.none("No file: the finding is about a route, a setting or a dependency.");
    }
    if (!loc.inRepo()) {
      return Excerpt.none(
          loc.path() + " is not in the repository (a path from the scanning machine).");
    }
    return lines(loc.path(), loc.startLine(), loc.endLine(), before, after);
  }

  /**
   * Lines {@code from} to {@code to} of a repository file (a path relative to its root) with {@code
   * before} and {@code after} lines around them: a place the scan recorded without a finding, such
   * as a use of an API an upgrade removes.
   */
  public Excerpt around(String path, int from, int to, int before, int after) {
    if (path == null || path.isBlank()) {
      return Excerpt.none("No file.");
    }
    return lines(path, from, to, before, after);
  }

  private Excerpt lines(String path, int startLine, int endLine, int before, int after) {
    if (repo == null) {
      return Excerpt.none(path + " is not in the repository (a path from the scanning machine).");
    }
    Optional<Text> text = read(path);
    if (text.isEmpty()) {
      return Excerpt.none(path + " is not in the repository any more.");
    }
    List<String> all = text.get().lines();
    int start = Math.max(1, Math.min(startLine, all.size()));
    int end = Math.max(start, Math.min(Math.max(startLine, endLine), all.size()));
    int first = Math.max(1, start - before);
    int last = Math.min(all.size(), end + after);
    List<String> masked = SecretDetector.maskLines(all, SecretDetector.flavourOf(path));
    List<String> shown = new ArrayList<>(last - first + 1);
    for (int n = first; n <= last; n++) {
      String original = all.get(n - 1);
      String line = masked.get(n - 1);
      boolean flagged = secretPlaces.contains(path + ":" + n);
      shown.add(flagged && line.equals(original) && !original.isBlank() ? HIDDEN_LINE : line);
    }
    return new Excerpt(shown, first, startLine, Math.max(startLine, endLine), text.get().source());
  }

  private record Text(List<String> lines, String source) {}

  private Optional<Text> read(String path) {
    try {
      if (commit != null && !path.contains("..")) {
        Optional<List<String>> atCommit = GitFiles.lines(repoPath, commit, path);
        if (atCommit.isPresent()) {
          return Optional.of(
              new Text(
                  atCommit.get(),
                  path
                      + " at the scanned commit "
                      + commit.substring(0, Math.min(10, commit.length()))));
        }
      }
      Optional<Path> file = repo.file(path);
      if (file.isEmpty() || Files.size(file.get()) > MAX_BYTES) {
        return Optional.empty();
      }
      String decoded =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)
              .decode(ByteBuffer.wrap(Files.readAllBytes(file.get())))
              .toString();
      return Optional.of(
          new Text(
              decoded.lines().toList(),
              path
                  + " from the working tree"
                  + (commit == null ? "" : " (the scanned commit is not in this clone)")));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
