package dev.auditworkbench.engine.scan;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.OwaspTop10;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.repo.RepoFile;
import dev.auditworkbench.engine.spi.RawFinding;
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
import java.util.regex.Pattern;

/**
 * Secrets committed to tracked files: cloud and service keys with fixed shapes, private key blocks,
 * passwords and credentials written as literals in settings (including the defaults of environment
 * reads), DSNs with a password, and committed .env files. Generic secrets must look random
 * (Shannon entropy), so placeholders like "changeme" are not reported. The secret is masked in
 * everything stored; the fingerprint uses its hash. False positives: test fixtures with fake keys
 * (still worth a look: they train people to commit keys).
 */
final class SecretsRule implements Rule {
  private static final long MAX_BYTES = 1024 * 1024;

  /**
   * A kind of secret and how to see it: group 1 of the pattern is the secret, and a match never
   * spans lines. {@code hints} are words (lower case) one of which every match contains: only the
   * lines holding a hint are matched against the pattern (empty: every line).
   */
  private record Kind(String id, String name, Pattern pattern, boolean needsEntropy, Severity severity, List<String> hints) {}

  private static final List<Kind> KINDS = List.of(
      new Kind("aws-access-key-id", "AWS access key id", Pattern.compile("\\b((?:AKIA|ASIA)[0-9A-Z]{16})\\b"), false, Severity.HIGH, List.of("akia", "asia")),
      new Kind("aws-secret-access-key", "AWS secret access key",
          Pattern.compile("(?i)aws_?secret_?(?:access_?)?key\\w*\\s*[=:]\\s*['\"]([A-Za-z0-9/+]{40})['\"]"), false, Severity.CRITICAL, List.of("secret")),
      new Kind("private-key", "private key", Pattern.compile("(-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----)"),
          false, Severity.CRITICAL, List.of("private key")),
      new Kind("stripe-key", "Stripe live key", Pattern.compile("\\b((?:sk|rk)_live_[0-9A-Za-z]{16,})"), false, Severity.CRITICAL, List.of("_live_")),
      new Kind("github-token", "GitHub token", Pattern.compile("\\b(gh[pousr]_[0-9A-Za-z]{36,})"), false, Severity.CRITICAL,
          List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_")),
      new Kind("slack-token", "Slack token", Pattern.compile("\\b(xox[baprs]-[0-9A-Za-z-]{10,})"), false, Severity.HIGH, List.of("xox")),
      new Kind("dsn-password", "password in a connection URL",
          Pattern.compile("\\b(?:postgres(?:ql)?|mysql|redis|amqp|mongodb)://[^:/\\s'\"]+:([^@/\\s'\"]{4,})@"), false, Severity.HIGH, List.of("://")),
      new Kind("password-literal", "password literal",
          Pattern.compile("(?i)\\b\\w*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_KEY)\\w*['\"]?\\]?\\s*(?:=|:)\\s*(?:os\\.environ\\.get\\([^,]+,\\s*)?['\"]([^'\"\\s]{8,})['\"]"),
          true, Severity.HIGH, List.of("password", "passwd", "secret", "token", "api_key")),
      new Kind("env-assignment", "secret in a .env file",
          Pattern.compile("(?i)^\\s*\\w*(?:PASSWORD|SECRET|TOKEN|KEY)\\w*\\s*=\\s*['\"]?([^'\"\\s#]{8,})"), true, Severity.HIGH, List.of()));

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
    a.files().parallelStream().map(f -> secretsIn(a, f)).toList().forEach(found -> found.forEach(out));
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
   * kind's hints are matched against its pattern; {@code everyLine} matches every line against every
   * kind instead (the plain way, kept to check the fast one against).
   */
  static List<RawFinding> secretsIn(String path, boolean python, String text, boolean everyLine) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    boolean envFile = name.equals(".env") || name.startsWith(".env.") && !name.endsWith(".example")
        && !name.endsWith(".sample") && !name.endsWith(".template");
    Lines lines = new Lines(text);
    String lower = text.toLowerCase(Locale.ROOT);
    // Lower-casing keeps offsets unless a character lower-cases to two (a dotted capital I); then
    // a hint anywhere in the file puts every line of it up for matching.
    boolean sameOffsets = lower.length() == text.length();
    List<Kind> kinds = new ArrayList<>();
    List<BitSet> candidates = new ArrayList<>();
    BitSet union = new BitSet();
    for (Kind kind : KINDS) {
      boolean applies = !(kind.id().equals("env-assignment") && !envFile)
          && !(kind.id().equals("password-literal") && (envFile || !python));
      if (!applies) {
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
          if (kind.needsEntropy() && entropy(secret) < 3.0 || !onThisLine.add(secret)) {
            continue;
          }
          out.add(finding(kind, path, i + 1, secret, line, envFile && !reportedEnv));
          reportedEnv |= envFile;
        }
      }
    }
    return out;
  }

  /** A text's lines as {@code split("\\r?\\n", -1)} gives them, found by offset without splitting. */
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

  private static RawFinding finding(Kind k, String path, int line, String secret, String text, boolean committedEnv) {
    String shown = Secrets.redact(text.strip(), List.of(secret));
    if (shown.length() > 200) {
      shown = shown.substring(0, 200) + "...";
    }
    return RawFinding.builder("secret." + k.id())
        .nativeRuleId(k.id())
        .title((k.id().equals("private-key") ? "Private key" : "Secret (" + k.name() + ")") + " committed in " + path
            + (committedEnv ? " (a committed .env file)" : ""))
        .description("A " + k.name() + " (" + Secrets.mask(secret) + ") is committed in " + path + ":" + line
            + ". Rotate it, remove it from the code and the git history, and load it from the environment or a vault.")
        .category(Category.SECURITY).severity(k.severity()).confidence(k.needsEntropy() ? Confidence.MEDIUM : Confidence.HIGH)
        .path(path).lines(line, line)
        .sourceLine(Secrets.hash(secret))
        .keyEvidence(Secrets.hash(secret))
        .evidence(Evidence.Kind.TEXT, shown)
        .cwe(798).owasp(OwaspTop10.A07.id())
        .defaultEffort(Effort.hours(4))
        .build();
  }

  static double entropy(String s) {
    int[] counts = new int[128];
    int n = 0;
    for (char c : s.toCharArray()) {
      if (c < 128) {
        counts[c]++;
        n++;
      }
    }
    double h = 0;
    for (int c : counts) {
      if (c > 0) {
        double p = (double) c / n;
        h -= p * Math.log(p) / Math.log(2);
      }
    }
    return h;
  }

  private static boolean isLockOrMinified(String path) {
    return path.endsWith(".lock") || path.endsWith("-lock.json") || path.endsWith(".min.js") || path.endsWith(".map")
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
