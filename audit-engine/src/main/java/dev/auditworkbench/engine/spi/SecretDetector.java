package dev.auditworkbench.engine.spi;

import dev.auditworkbench.engine.model.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one description of what a secret looks like, shared by the secrets rule (which reports them),
 * the import pipeline (which masks them in every text a tool hands over before it is stored) and
 * the code excerpts (which mask them in every line shown or exported). Keeping one list is the
 * point: the board once showed what the report masked because two paths had two lists.
 */
public final class SecretDetector {
  /**
   * A kind of secret and how to see it: group 1 of the pattern is the secret, and a match never
   * spans lines. {@code hints} are words (lower case) one of which every match contains: a line
   * without any of them cannot match (empty: any line may).
   */
  public record Kind(
      String id,
      String name,
      Pattern pattern,
      boolean needsEntropy,
      Severity severity,
      List<String> hints) {}

  /** Where a text comes from, which decides the kinds that apply to it. */
  public enum Flavour {
    /** Python source: fixed-shape keys, DSNs and password literals. */
    PYTHON,
    /** Any other tracked file (templates, YAML, shell): fixed-shape keys and DSNs. */
    OTHER_FILE,
    /** A .env file: every NAME=value whose name says secret. */
    ENV_FILE,
    /**
     * What a tool wrote (a title, a message, a code snippet): everything that can hold a secret,
     * including a scanner's own "hardcoded password: 'x'" wording.
     */
    TOOL_TEXT
  }

  /** A secret on a line: where it starts and ends, and the kind that saw it. */
  public record Hit(Kind kind, String secret, int start, int end) {}

  public static final Kind AWS_ACCESS_KEY_ID =
      new Kind(
          "aws-access-key-id",
          "AWS access key id",
          Pattern.compile("\\b((?:AKIA|ASIA)[0-9A-Z]{16})\\b"),
          false,
          Severity.HIGH,
          List.of("akia", "asia"));
  public static final Kind AWS_SECRET_ACCESS_KEY =
      new Kind(
          "aws-secret-access-key",
          "AWS secret access key",
          Pattern.compile(
              "(?i)aws_?secret_?(?:access_?)?key\\w*\\s*[=:]\\s*['\"]([A-Za-z0-9/+]{40})['\"]"),
          false,
          Severity.CRITICAL,
          List.of("secret"));
  public static final Kind PRIVATE_KEY =
      new Kind(
          "private-key",
          "private key",
          Pattern.compile("(-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----)"),
          false,
          Severity.CRITICAL,
          List.of("private key"));
  public static final Kind STRIPE_KEY =
      new Kind(
          "stripe-key",
          "Stripe live key",
          Pattern.compile("\\b((?:sk|rk)_live_[0-9A-Za-z]{16,})"),
          false,
          Severity.CRITICAL,
          List.of("_live_"));
  public static final Kind GITHUB_TOKEN =
      new Kind(
          "github-token",
          "GitHub token",
          Pattern.compile("\\b(gh[pousr]_[0-9A-Za-z]{36,})"),
          false,
          Severity.CRITICAL,
          List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"));
  public static final Kind SLACK_TOKEN =
      new Kind(
          "slack-token",
          "Slack token",
          Pattern.compile("\\b(xox[baprs]-[0-9A-Za-z-]{10,})"),
          false,
          Severity.HIGH,
          List.of("xox"));
  public static final Kind DSN_PASSWORD =
      new Kind(
          "dsn-password",
          "password in a connection URL",
          Pattern.compile(
              "\\b(?:postgres(?:ql)?|mysql|redis|amqp|mongodb)://[^:/\\s'\"]+:([^@/\\s'\"]{4,})@"),
          false,
          Severity.HIGH,
          List.of("://"));
  public static final Kind PASSWORD_LITERAL =
      new Kind(
          "password-literal",
          "password literal",
          Pattern.compile(
              "(?i)\\b\\w*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_KEY)\\w*['\"]?\\]?\\s*(?:=|:)\\s*"
                  + "(?:os\\.environ\\.get\\([^,]+,\\s*)?['\"]([^'\"\\s]{8,})['\"]"),
          true,
          Severity.HIGH,
          List.of("password", "passwd", "secret", "token", "api_key"));
  public static final Kind ENV_ASSIGNMENT =
      new Kind(
          "env-assignment",
          "secret in a .env file",
          Pattern.compile(
              "(?i)^\\s*\\w*(?:PASSWORD|SECRET|TOKEN|KEY)\\w*\\s*=\\s*['\"]?([^'\"\\s#]{8,})"),
          true,
          Severity.HIGH,
          List.of());

  /**
   * How scanners that are not secret scanners quote what they found: bandit's B105-B107 "Possible
   * hardcoded password: 'hunter2'", semgrep's and SonarQube's "Hardcoded secret ... : 'x'". Any
   * length: a tool already judged it to be a password.
   */
  public static final Kind REPORTED_PASSWORD =
      new Kind(
          "reported-password",
          "password quoted by a scanner",
          Pattern.compile(
              "(?i)hard-?coded[^:'\"\\n]{0,40}?(?:password|passwd|secret|token|key|credential)s?"
                  + "(?:[ _-](?:string|funcarg|default|argument))?\\s*:\\s*['\"]([^'\"\\n]{1,200})['\"]"),
          false,
          Severity.HIGH,
          List.of("hardcoded", "hard-coded"));

  /**
   * Every kind, most specific first (one finding per secret goes to the first kind that sees it).
   */
  public static final List<Kind> KINDS =
      List.of(
          AWS_ACCESS_KEY_ID,
          AWS_SECRET_ACCESS_KEY,
          PRIVATE_KEY,
          STRIPE_KEY,
          GITHUB_TOKEN,
          SLACK_TOKEN,
          DSN_PASSWORD,
          PASSWORD_LITERAL,
          ENV_ASSIGNMENT,
          REPORTED_PASSWORD);

  private static final Pattern KEY_BLOCK_END = Pattern.compile("-----END [A-Z ]*PRIVATE KEY-----");

  /** What replaces the lines of a private key block in anything shown. */
  public static final String HIDDEN_KEY_LINE = "[hidden: part of a private key]";

  private SecretDetector() {}

  /** Whether {@code kind} is looked for in a text of this flavour. */
  public static boolean applies(Kind kind, Flavour flavour) {
    if (kind == ENV_ASSIGNMENT) {
      return flavour == Flavour.ENV_FILE;
    }
    if (kind == PASSWORD_LITERAL) {
      return flavour == Flavour.PYTHON || flavour == Flavour.TOOL_TEXT;
    }
    if (kind == REPORTED_PASSWORD) {
      return flavour == Flavour.TOOL_TEXT;
    }
    return true;
  }

  /** The flavour of a repo file, from its name. */
  public static Flavour flavourOf(String path) {
    String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    if (name.equals(".env")
        || name.startsWith(".env.")
            && !name.endsWith(".example")
            && !name.endsWith(".sample")
            && !name.endsWith(".template")) {
      return Flavour.ENV_FILE;
    }
    return name.endsWith(".py") || name.endsWith(".pyw") ? Flavour.PYTHON : Flavour.OTHER_FILE;
  }

  /** The secrets on one line (no line breaks in it), most specific kind first, each secret once. */
  public static List<Hit> find(String line, Flavour flavour) {
    List<Hit> out = new ArrayList<>();
    String lower = null;
    for (Kind kind : KINDS) {
      if (!applies(kind, flavour)) {
        continue;
      }
      if (!kind.hints().isEmpty()) {
        if (lower == null) {
          lower = line.toLowerCase(Locale.ROOT);
        }
        if (kind.hints().stream().noneMatch(lower::contains)) {
          continue;
        }
      }
      Matcher m = kind.pattern().matcher(line);
      while (m.find()) {
        String secret = m.group(1);
        if (kind.needsEntropy() && entropy(secret) < 3.0 || overlaps(out, m.start(1), m.end(1))) {
          continue;
        }
        out.add(new Hit(kind, secret, m.start(1), m.end(1)));
      }
    }
    return out;
  }

  private static boolean overlaps(List<Hit> hits, int start, int end) {
    return hits.stream().anyMatch(h -> start < h.end() && h.start() < end);
  }

  /** The line with every secret on it replaced by its {@link Secrets#mask mask}. */
  public static String maskLine(String line, Flavour flavour) {
    if (line == null || line.isEmpty()) {
      return line;
    }
    List<Hit> hits = find(line, flavour);
    if (hits.isEmpty()) {
      return line;
    }
    hits.sort(Comparator.comparingInt(Hit::start));
    StringBuilder sb = new StringBuilder(line.length());
    int at = 0;
    for (Hit h : hits) {
      sb.append(line, at, h.start()).append(Secrets.mask(h.secret()));
      at = h.end();
    }
    return sb.append(line, at, line.length()).toString();
  }

  /**
   * Lines with their secrets masked, and the body of every private key block (from its BEGIN line
   * to its END line) replaced by {@link #HIDDEN_KEY_LINE}. Give whole files, not windows of them: a
   * window that starts inside a key block cannot know it is in one.
   */
  public static List<String> maskLines(List<String> lines, Flavour flavour) {
    List<String> out = new ArrayList<>(lines.size());
    boolean inKey = false;
    for (String line : lines) {
      if (inKey) {
        out.add(HIDDEN_KEY_LINE);
        inKey = !KEY_BLOCK_END.matcher(line).find();
        continue;
      }
      if (PRIVATE_KEY.pattern().matcher(line).find()) {
        out.add(line.substring(0, line.indexOf("-----BEGIN")) + HIDDEN_KEY_LINE);
        inKey = !KEY_BLOCK_END.matcher(line).find();
        continue;
      }
      out.add(maskLine(line, flavour));
    }
    return out;
  }

  /** A tool's text (several lines perhaps) with every secret masked; null stays null. */
  public static String maskText(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    List<String> masked = maskLines(List.of(lines), Flavour.TOOL_TEXT);
    boolean same = true;
    for (int i = 0; i < lines.length && same; i++) {
      same = lines[i].equals(masked.get(i));
    }
    return same ? text : String.join("\n", masked);
  }

  /** Shannon entropy in bits per character, over ASCII: random keys score high, "changeme" low. */
  public static double entropy(String s) {
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
}
