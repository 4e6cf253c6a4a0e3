package dev.auditworkbench.engine.priority;

import dev.auditworkbench.engine.model.Finding;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Work items' titles as a CTO reads them in the executive summary, the quick wins and the roadmap:
 * plain words per rule, never a tool's code, rule key or fingerprint, never cut. The findings' own
 * titles, with their tool ids, stay in the detail cards and the appendix.
 */
public final class ClientTitles {
  /** A family of rules in plain words (plural: it names several places). */
  private static final Map<String, String> FAMILIES =
      Map.ofEntries(
          Map.entry("n-plus-one", "N+1 queries"),
          Map.entry("outbound", "Requests waiting on outside services"),
          Map.entry("django.settings", "Production settings to harden"),
          Map.entry("django.check", "Production settings to harden"),
          Map.entry("secret", "Secrets committed to the repository"),
          Map.entry("missing-index", "Missing database indexes"),
          Map.entry("tenancy.unscoped-query", "Queries not limited to the current tenant"),
          Map.entry("tenancy.unscoped-manager", "Model managers not limited to the current tenant"),
          Map.entry("code.sql-injection", "SQL built from strings (injection risk)"),
          Map.entry("code.xss-mark-safe", "HTML marked safe without escaping (XSS risk)"),
          Map.entry("code.xss-template-safe", "Template output marked safe (XSS risk)"),
          Map.entry("code.csrf-exempt", "Views exempt from CSRF protection"),
          Map.entry("tests.skipped", "Skipped tests"),
          Map.entry("coverage.low-module", "Poorly tested modules"),
          Map.entry("testing.untested-hotspot", "Untested hotspots"),
          Map.entry("dependency.unmaintained", "Unmaintained packages that block the upgrade"),
          Map.entry("dependency.outdated", "Outdated packages"),
          Map.entry("dependency.unpinned", "Unpinned dependencies"),
          Map.entry("dependency.vulnerable", "Packages with known vulnerabilities"),
          Map.entry("complexity.function", "Overly complex functions"),
          Map.entry("history.hotspot", "Change hotspots (often changed, complex files)"),
          Map.entry("history.knowledge-risk", "Code known by one person only"),
          Map.entry("workbench.fat-module", "Oversized modules"),
          Map.entry("workbench.app-cycle", "Apps that import each other"),
          Map.entry("workbench.import-cycle", "Modules that import each other"),
          Map.entry("workbench.parse-error", "Code that does not parse as Python 3"),
          Map.entry("queries.slow", "Slow database statements"),
          Map.entry("seams.cluster-cycle", "Parts of the code that depend on each other both ways"),
          Map.entry("mypy", "Type errors found by mypy"));

  /**
   * Django's deployment settings in plain words, by setting (our rules and check --deploy alike).
   */
  private static final Map<String, String> SETTINGS =
      Map.ofEntries(
          Map.entry("debug", "Debug mode on in production"),
          Map.entry("secret-key", "Secret key weak or in the code"),
          Map.entry("allowed-hosts", "Any host name accepted"),
          Map.entry("hsts", "No HTTP Strict Transport Security"),
          Map.entry("ssl-redirect", "HTTP not redirected to HTTPS"),
          Map.entry("session-cookie-secure", "Session cookie also sent over plain HTTP"),
          Map.entry("session-cookie-httponly", "Session cookie readable by scripts"),
          Map.entry("session-cookie-samesite", "Session cookie sent on cross-site requests"),
          Map.entry("csrf-cookie-secure", "CSRF cookie also sent over plain HTTP"),
          Map.entry("x-frame-options", "Pages can be framed by other sites (clickjacking)"),
          Map.entry("csp", "No Content Security Policy"),
          Map.entry("password-hashers", "Weak password hashing"),
          Map.entry("security-middleware", "Security middleware not installed"));

  /** check --deploy's ids to the settings above (Django's deployment checklist). */
  private static final Map<String, String> CHECK_DEPLOY =
      Map.ofEntries(
          Map.entry("W001", "security-middleware"),
          Map.entry("W004", "hsts"),
          Map.entry("W008", "ssl-redirect"),
          Map.entry("W009", "secret-key"),
          Map.entry("W010", "session-cookie-secure"),
          Map.entry("W011", "session-cookie-secure"),
          Map.entry("W012", "session-cookie-secure"),
          Map.entry("W013", "session-cookie-httponly"),
          Map.entry("W014", "session-cookie-httponly"),
          Map.entry("W015", "session-cookie-httponly"),
          Map.entry("W016", "csrf-cookie-secure"),
          Map.entry("W018", "debug"),
          Map.entry("W019", "x-frame-options"),
          Map.entry("W020", "allowed-hosts"));

  /**
   * A linter's code and symbol before its message: "E1101 no-member: ", "mypy misc: ", "B608: ".
   */
  private static final Pattern TOOL_PREFIX =
      Pattern.compile(
          "^(?:[A-Z]{1,3}\\d{3,4}(?: [a-z][\\w-]*)?|mypy [\\w-]+|[a-z]+\\.[A-Z]\\d{3,4}):\\s*");

  private static final Pattern RANK = Pattern.compile("^(Hotspot|Slow statement) #\\d+:");

  private ClientTitles() {}

  /** One finding's plain title (a single-finding work item). */
  public static String of(Finding f) {
    String setting = setting(f.ruleId());
    if (setting != null) {
      return SETTINGS.get(setting);
    }
    // "Hotspot #3: ..." ranks by the tool's own order, which the roadmap does not follow.
    String title = RANK.matcher(f.title().trim()).replaceFirst("$1:");
    Matcher m = TOOL_PREFIX.matcher(title);
    if (m.find()) {
      String message = sentence(title.substring(m.end()));
      String where =
          f.location() == null || f.location().path() == null ? "" : " in " + f.location().path();
      return capitalised(message) + where;
    }
    return title;
  }

  /** A family of findings in plain words, for a work item that groups several. */
  public static String family(String ruleId, Finding example) {
    String setting = setting(ruleId);
    if (setting != null) {
      return FAMILIES.get("django.settings");
    }
    String key = Planner.family(ruleId);
    if (FAMILIES.containsKey(key)) {
      return FAMILIES.get(key);
    }
    if (key.startsWith("mypy.")) {
      return FAMILIES.get("mypy");
    }
    if (key.startsWith("pylint.") || key.startsWith("ruff.") || key.startsWith("flake8.")) {
      Matcher m = Pattern.compile("^[A-Z]{1,3}\\d{3,4} ([a-z][\\w-]*):").matcher(example.title());
      String what = m.find() ? m.group(1).replace('-', ' ') : "code quality issue";
      return capitalised(what) + " (code quality)";
    }
    Matcher m = TOOL_PREFIX.matcher(example.title());
    return m.find() ? capitalised(sentence(example.title().substring(m.end()))) : example.title();
  }

  /** The setting a settings rule or a check --deploy warning is about, or null. */
  private static String setting(String ruleId) {
    if (ruleId.startsWith("django.settings.")) {
      String s = ruleId.substring("django.settings.".length());
      return SETTINGS.containsKey(s) ? s : null;
    }
    int dot = ruleId.lastIndexOf('.');
    if (ruleId.startsWith("django.check.security.") && dot > 0) {
      return CHECK_DEPLOY.get(ruleId.substring(dot + 1));
    }
    return null;
  }

  /** The first sentence, whole (a tool's message often adds a second one of advice). */
  private static String sentence(String s) {
    int end = s.indexOf(". ");
    String first = end > 0 ? s.substring(0, end) : s;
    return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
