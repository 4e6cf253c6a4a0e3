package dev.auditworkbench.engine.django.rules;

import dev.auditworkbench.engine.django.EffectiveSettings;
import dev.auditworkbench.engine.django.EffectiveSettings.Setting;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.OwaspTop10;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.engine.spi.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Django settings hardening, read statically from the settings modules (following "from .base
 * import *" chains): what {@code manage.py check --deploy} warns about (security.W001-W022) plus
 * session cookie flags, a Content-Security-Policy, password hashers, and a literal SECRET_KEY.
 * Deployment modules (prod, production, live, staging) are judged; when a project has only one
 * settings module, that one is. Each finding names the line where the setting is (or should be).
 * False positives: settings overridden by environment-specific files the repository does not hold.
 */
final class SettingsHardeningRule implements Rule {
  @Override
  public String id() {
    return "django.settings";
  }

  @Override
  public String description() {
    return "Settings hardening: DEBUG, SECRET_KEY, ALLOWED_HOSTS, HSTS, SSL redirect, cookie flags, CSP, X-Frame-Options,"
        + " password hashers (check --deploy and more)";
  }

  /** One check's outcome. */
  private record Problem(
      String check,
      Severity severity,
      int cwe,
      String title,
      String advice,
      Optional<Setting> at) {}

  @Override
  public void check(RepoAnalysis a, Consumer<RawFinding> out) {
    List<EffectiveSettings> judged = DeploymentSettings.judged(a);
    for (EffectiveSettings s : judged) {
      for (Problem p : problems(s)) {
        Setting at = p.at().orElse(null);
        String path = at != null ? at.path() : s.path();
        int line = at != null ? at.line() : 1;
        RawFinding.Builder b =
            RawFinding.builder("django.settings." + p.check())
                .nativeRuleId(p.check())
                .title(p.title() + " (" + s.module() + ")")
                .description(
                    p.title()
                        + " in "
                        + s.module()
                        + (at == null ? "" : ", set in " + at.path() + ":" + at.line())
                        + ". "
                        + p.advice())
                .category(Category.SECURITY)
                .severity(p.severity())
                .confidence(Confidence.HIGH)
                .path(path)
                .lines(line, line)
                .keyEvidence(s.module())
                .evidence(
                    Evidence.Kind.CODE, at == null ? "(not set)" : at.name() + " = " + masked(at))
                .defaultEffort(Effort.hours(2));
        if (p.cwe() > 0) {
          b.cwe(p.cwe());
          OwaspTop10.forCwe(p.cwe()).ifPresent(o -> b.owasp(o.id()));
        }
        b.owasp(OwaspTop10.A05.id());
        out.accept(b.build());
      }
    }
  }

  /** A setting whose value's first list entry is what the finding is about. */
  private static Optional<Setting> firstEntry(Setting s) {
    if (s.node() == null) {
      return Optional.of(s);
    }
    return s.node().children().stream()
        .filter(c -> c.type().equals("string"))
        .findFirst()
        .map(c -> new Setting(s.name(), s.value(), s.node(), s.path(), c.startLine()));
  }

  private static String masked(Setting s) {
    return s.name().contains("SECRET") || s.name().contains("PASSWORD")
        ? s.stringLiteral().map(Secrets::mask).map(m -> "\"" + m + "\"").orElse(s.value())
        : s.value();
  }

  private static List<Problem> problems(EffectiveSettings s) {
    List<Problem> p = new ArrayList<>();
    Optional<Setting> debug = s.get("DEBUG");
    if (debug.isPresent() && debug.get().isLiteralTrue()) {
      p.add(
          new Problem(
              "debug",
              Severity.HIGH,
              489,
              "DEBUG is True in a deployment settings module",
              debug.get().path().equals(s.path())
                  ? "Set DEBUG = False; tracebacks and settings leak to every visitor."
                  : "Set DEBUG = False.",
              debug));
    }
    Optional<Setting> key = s.get("SECRET_KEY");
    key.flatMap(Setting::stringLiteral)
        .ifPresent(
            k ->
                p.add(
                    new Problem(
                        "secret-key",
                        Severity.HIGH,
                        798,
                        k.startsWith("django-insecure-") || k.length() < 50
                            ? "SECRET_KEY is a weak literal in the code"
                            : "SECRET_KEY is a literal in the code",
                        "Load it from the environment or a vault and rotate it: sessions, password resets and signed data depend on it.",
                        key)));
    Optional<Setting> hosts = s.get("ALLOWED_HOSTS");
    if (hosts.isPresent() && hosts.get().value().replace(" ", "").matches(".*['\"]\\*['\"].*")) {
      p.add(
          new Problem(
              "allowed-hosts",
              Severity.MEDIUM,
              16,
              "ALLOWED_HOSTS accepts any host ('*')",
              "List the real host names; '*' enables Host-header attacks on password reset links and caches.",
              hosts));
    }
    notTrue(
        s,
        "SESSION_COOKIE_SECURE",
        "session-cookie-secure",
        Severity.MEDIUM,
        614,
        "SESSION_COOKIE_SECURE is not True",
        "Session cookies travel over plain HTTP.",
        p);
    notTrue(
        s,
        "CSRF_COOKIE_SECURE",
        "csrf-cookie-secure",
        Severity.MEDIUM,
        614,
        "CSRF_COOKIE_SECURE is not True",
        "The CSRF cookie travels over plain HTTP.",
        p);
    notTrue(
        s,
        "SECURE_SSL_REDIRECT",
        "ssl-redirect",
        Severity.MEDIUM,
        319,
        "SECURE_SSL_REDIRECT is not True",
        "Redirect HTTP to HTTPS (or do it in the load balancer and say so).",
        p);
    Optional<Setting> hsts = s.get("SECURE_HSTS_SECONDS");
    if (hsts.isEmpty() || hsts.get().isLiteralFalse()) {
      p.add(
          new Problem(
              "hsts",
              Severity.MEDIUM,
              319,
              "No HTTP Strict Transport Security (SECURE_HSTS_SECONDS)",
              "Set SECURE_HSTS_SECONDS (start with 3600, then a year) so browsers refuse plain HTTP.",
              hsts));
    }
    Optional<Setting> httponly = s.get("SESSION_COOKIE_HTTPONLY");
    if (httponly.isPresent() && httponly.get().isLiteralFalse()) {
      p.add(
          new Problem(
              "session-cookie-httponly",
              Severity.MEDIUM,
              1004,
              "SESSION_COOKIE_HTTPONLY is False",
              "Scripts can read the session cookie; keep it HttpOnly.",
              httponly));
    }
    Optional<Setting> samesite = s.get("SESSION_COOKIE_SAMESITE");
    if (samesite.isPresent() && samesite.get().value().strip().equals("None")) {
      p.add(
          new Problem(
              "session-cookie-samesite",
              Severity.MEDIUM,
              1275,
              "SESSION_COOKIE_SAMESITE is None",
              "Use 'Lax' (Django's default) so the session cookie is not sent on cross-site requests.",
              samesite));
    }
    Optional<Setting> frame = s.get("X_FRAME_OPTIONS");
    if (frame.isPresent() && !frame.get().stringLiteral().orElse("").equals("DENY")) {
      p.add(
          new Problem(
              "x-frame-options",
              Severity.LOW,
              1021,
              "X_FRAME_OPTIONS is not DENY",
              "Unless pages must be framed by the site itself, use DENY against clickjacking.",
              frame));
    }
    Optional<Setting> middleware = s.get("MIDDLEWARE");
    String mw = middleware.map(Setting::value).orElse("");
    if (middleware.isPresent() && !mw.contains("SecurityMiddleware")) {
      p.add(
          new Problem(
              "security-middleware",
              Severity.MEDIUM,
              693,
              "SecurityMiddleware is not in MIDDLEWARE",
              "Without it HSTS, SSL redirect and nosniff settings do nothing.",
              middleware));
    }
    String apps = s.get("INSTALLED_APPS").map(Setting::value).orElse("");
    boolean csp =
        mw.contains("csp.middleware")
            || apps.contains("'csp'")
            || apps.contains("\"csp\"")
            || s.all().keySet().stream()
                .anyMatch(k -> k.startsWith("CSP_") || k.equals("CONTENT_SECURITY_POLICY"));
    if (!csp) {
      p.add(
          new Problem(
              "csp",
              Severity.MEDIUM,
              1021,
              "No Content-Security-Policy",
              "Add django-csp (middleware and a policy) so injected scripts cannot run.",
              middleware));
    }
    Optional<Setting> hashers = s.get("PASSWORD_HASHERS");
    if (hashers.isPresent()) {
      SyntaxFirst first = SyntaxFirst.of(hashers.get());
      if (first.weak()) {
        p.add(
            new Problem(
                "password-hashers",
                Severity.HIGH,
                916,
                "Weak password hasher first: " + first.name(),
                "Put PBKDF2, Argon2 or bcrypt first; new and changed passwords are hashed with the first hasher.",
                firstEntry(hashers.get())));
      }
    }
    return p;
  }

  private static void notTrue(
      EffectiveSettings s,
      String name,
      String check,
      Severity severity,
      int cwe,
      String title,
      String advice,
      List<Problem> out) {
    Optional<Setting> v = s.get(name);
    if (v.isEmpty() || !v.get().isLiteralTrue()) {
      out.add(new Problem(check, severity, cwe, title, advice, v));
    }
  }

  /** The first entry of a list of hasher paths. */
  private record SyntaxFirst(String name, boolean weak) {
    static SyntaxFirst of(Setting hashers) {
      String v = hashers.value();
      Matcher m = Pattern.compile("['\"]([\\w.]+)['\"]").matcher(v);
      if (!m.find()) {
        return new SyntaxFirst("", false);
      }
      String first = m.group(1);
      String simple = first.substring(first.lastIndexOf('.') + 1);
      boolean weak =
          simple.startsWith("MD5")
              || simple.startsWith("SHA1")
              || simple.startsWith("Unsalted")
              || simple.startsWith("Crypt");
      return new SyntaxFirst(simple, weak);
    }
  }
}
