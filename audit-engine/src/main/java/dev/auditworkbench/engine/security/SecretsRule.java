package dev.auditworkbench.engine.security;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.OwaspTop10;
import dev.auditworkbench.engine.model.Words;
import dev.auditworkbench.engine.repo.RepoFile;
import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.engine.spi.SecretDetector;
import dev.auditworkbench.engine.spi.SecretDetector.Kind;
import dev.auditworkbench.engine.spi.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * Secrets committed to tracked files: cloud and service keys with fixed shapes, private key blocks,
 * passwords and credentials written as literals in settings (including the defaults of environment
 * reads), DSNs with a password, and committed .env files. Generic secrets must look random (Shannon
 * entropy), so placeholders like "changeme" are not reported. The secret is masked in everything
 * stored; the fingerprint uses its hash. False positives: test fixtures with fake keys (still worth
 * a look: they train people to commit keys).
 */
final class SecretsRule implements Rule {
  private static final long MAX_BYTES = 1024 * 1024;

  /** The kinds a repository file can hold; a scanner's own wording is only for imported text. */
  private static final List<Kind> KINDS =
      SecretDetector.KINDS.stream().filter(k -> k != SecretDetector.REPORTED_PASSWORD).toList();

  @Override
  public String id() {
    return "secret";
  }

  @Override
  public String description() {
    return "Secrets in tracked files: cloud and service keys, private keys, password literals, DSNs, committed .env files";
  }

  /** Files are read and searched several at once; findings come out in the files' order. */
  @Override
  public void check(RepoAnalysis a, Consumer<RawFinding> out) {
    a.files().parallelStream()
        .map(f -> secretsIn(a, f))
        .toList()
        .forEach(found -> found.forEach(out));
  }

  private static List<RawFinding> secretsIn(RepoAnalysis a, RepoFile f) {
    if (f.size() > MAX_BYTES || isLockOrMinified(f.path())) {
      return List.of();
    }
    String text;
    try {
      byte[] bytes = Files.readAllBytes(a.repo().resolve(f.path()));
      if (looksBinary(bytes)) {
        return List.of();
      }
      text = new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
    return secretsIn(f.path(), f.isPython(), text, false);
  }

  /**
   * The secrets in one file's text, by line, then in the kinds' order. Only lines holding one of a
   * kind's hints are matched against its pattern; {@code everyLine} matches every line against
   * every kind instead (the plain way, kept to check the fast one against).
   */
  static List<RawFinding> secretsIn(String path, boolean python, String text, boolean everyLine) {
    SecretDetector.Flavour flavour = SecretDetector.flavourOf(path);
    boolean envFile = flavour == SecretDetector.Flavour.ENV_FILE;
    if (flavour == SecretDetector.Flavour.PYTHON && !python) {
      flavour = SecretDetector.Flavour.OTHER_FILE;
    } else if (flavour == SecretDetector.Flavour.OTHER_FILE && python) {
      flavour = SecretDetector.Flavour.PYTHON;
    }
    Lines lines = new Lines(text);
    String lower = text.toLowerCase(Locale.ROOT);
    // Lower-casing keeps offsets unless a character lower-cases to two (a dotted capital I); then
    // a hint anywhere in the file puts every line of it up for matching.
    boolean sameOffsets = lower.length() == text.length();
    List<Kind> kinds = new ArrayList<>();
    List<BitSet> candidates = new ArrayList<>();
    BitSet union = new BitSet();
    for (Kind kind : KINDS) {
      if (!SecretDetector.applies(kind, flavour)) {
        continue;
      }
      BitSet on = new BitSet();
      if (everyLine || kind.hints().isEmpty()) {
        on.set(0, lines.count());
      } else {
        for (String hint : kind.hints()) {
          for (int at = lower.indexOf(hint); at >= 0; at = lower.indexOf(hint, at + 1)) {
            if (!sameOffsets) {
              on.set(0, lines.count());
              break;
            }
            on.set(lines.indexOf(at));
          }
        }
      }
      if (!on.isEmpty()) {
        kinds.add(kind);
        candidates.add(on);
        union.or(on);
      }
    }
    List<RawFinding> out = new ArrayList<>();
    boolean reportedEnv = false;
    for (int i = union.nextSetBit(0); i >= 0; i = union.nextSetBit(i + 1)) {
      String line = lines.text(i);
      Set<String> onThisLine = new HashSet<>(); // one finding per secret, the most specific kind
      for (int k = 0; k < kinds.size(); k++) {
        if (!candidates.get(k).get(i)) {
          continue;
        }
        Kind kind = kinds.get(k);
        Matcher m = kind.pattern().matcher(line);
        while (m.find()) {
          String secret = m.group(1);
          if (kind.needsEntropy() && entropy(secret) < 3.0
              || !onThisLine.add(secret)
              || onLoopback(kind, line, m.end(1))) {
            continue;
          }
          out.add(finding(kind, path, i + 1, secret, line, envFile && !reportedEnv));
          reportedEnv |= envFile;
        }
      }
    }
    return out;
  }

  /**
   * A connection URL to a service on this very machine (mongodb://user:pw@127.0.0.1): a developer's
   * local default, reachable from nowhere else; masked wherever it is shown, but not reported.
   */
  private static boolean onLoopback(Kind kind, String line, int secretEnd) {
    return kind == SecretDetector.DSN_PASSWORD
        && line.regionMatches(secretEnd, "@", 0, 1)
        && line.substring(secretEnd + 1)
            .matches("(?s)(localhost|127\\.0\\.0\\.1|\\[::1\\])([:/'\"\\s].*|$)");
  }

  /**
   * A text's lines as {@code split("\\r?\\n", -1)} gives them, found by offset without splitting.
   */
  private static final class Lines {
    private final String text;
    private final int[] starts;

    Lines(String text) {
      this.text = text;
      int n = 1;
      for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        n++;
      }
      starts = new int[n];
      int line = 1;
      for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        starts[line++] = i + 1;
      }
    }

    int count() {
      return starts.length;
    }

    int indexOf(int offset) {
      int i = Arrays.binarySearch(starts, offset);
      return i >= 0 ? i : -i - 2;
    }

    String text(int line) {
      int end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length();
      if (end > starts[line] && line + 1 < starts.length && text.charAt(end - 1) == '\r') {
        end--;
      }
      return text.substring(starts[line], end);
    }
  }

  private static RawFinding finding(
      Kind k, String path, int line, String secret, String text, boolean committedEnv) {
    String shown = Secrets.redact(text.strip(), List.of(secret));
    if (shown.length() > 200) {
      shown = shown.substring(0, 200) + "...";
    }
    return RawFinding.builder("secret." + k.id())
        .nativeRuleId(k.id())
        .title(
            (k.id().equals("private-key") ? "Private key" : "Secret (" + k.name() + ")")
                + " committed in "
                + path
                + (committedEnv ? " (a committed .env file)" : ""))
        .description(
            Words.anyOne(k.name())
                + " ("
                + Secrets.mask(secret)
                + ") is committed in "
                + path
                + ":"
                + line
                + ". Rotate it, remove it from the code and the git history, and load it from the environment or a vault.")
        .category(Category.SECURITY)
        .severity(k.severity())
        .confidence(k.needsEntropy() ? Confidence.MEDIUM : Confidence.HIGH)
        .path(path)
        .lines(line, line)
        .sourceLine(Secrets.hash(secret))
        .keyEvidence(Secrets.hash(secret))
        .evidence(Evidence.Kind.TEXT, shown)
        .cwe(798)
        .owasp(OwaspTop10.A07.id())
        .defaultEffort(Effort.hours(4))
        .build();
  }

  static double entropy(String s) {
    return SecretDetector.entropy(s);
  }

  private static boolean isLockOrMinified(String path) {
    return path.endsWith(".lock")
        || path.endsWith("-lock.json")
        || path.endsWith(".min.js")
        || path.endsWith(".map")
        || path.endsWith(".svg");
  }

  private static boolean looksBinary(byte[] bytes) {
    int limit = Math.min(bytes.length, 8000);
    for (int i = 0; i < limit; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }
}
