package dev.auditworkbench.engine.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Django setting a settings finding is about, whichever tool reported it: the scan's own
 * settings rules ({@code django.settings.hsts}) and Django's {@code check --deploy} warnings
 * ({@code django.check.security.W004}) about the same setting are one finding with two sources. The
 * check ids follow Django's {@code django.core.checks.security} (base, sessions, csrf).
 */
public final class SameSetting {
  private static final Map<String, String> SETTING =
      Map.ofEntries(
          Map.entry("django.settings.debug", "DEBUG"),
          Map.entry("django.check.security.W018", "DEBUG"),
          Map.entry("django.settings.secret-key", "SECRET_KEY"),
          Map.entry("django.check.security.W009", "SECRET_KEY"),
          Map.entry("django.settings.allowed-hosts", "ALLOWED_HOSTS"),
          Map.entry("django.check.security.W020", "ALLOWED_HOSTS"),
          Map.entry("django.settings.hsts", "SECURE_HSTS_SECONDS"),
          Map.entry("django.check.security.W004", "SECURE_HSTS_SECONDS"),
          Map.entry("django.settings.ssl-redirect", "SECURE_SSL_REDIRECT"),
          Map.entry("django.check.security.W008", "SECURE_SSL_REDIRECT"),
          Map.entry("django.settings.session-cookie-secure", "SESSION_COOKIE_SECURE"),
          Map.entry("django.check.security.W010", "SESSION_COOKIE_SECURE"),
          Map.entry("django.check.security.W011", "SESSION_COOKIE_SECURE"),
          Map.entry("django.check.security.W012", "SESSION_COOKIE_SECURE"),
          Map.entry("django.settings.session-cookie-httponly", "SESSION_COOKIE_HTTPONLY"),
          Map.entry("django.check.security.W013", "SESSION_COOKIE_HTTPONLY"),
          Map.entry("django.check.security.W014", "SESSION_COOKIE_HTTPONLY"),
          Map.entry("django.check.security.W015", "SESSION_COOKIE_HTTPONLY"),
          Map.entry("django.settings.csrf-cookie-secure", "CSRF_COOKIE_SECURE"),
          Map.entry("django.check.security.W016", "CSRF_COOKIE_SECURE"),
          Map.entry("django.settings.x-frame-options", "X_FRAME_OPTIONS"),
          Map.entry("django.check.security.W019", "X_FRAME_OPTIONS"),
          Map.entry("django.settings.security-middleware", "MIDDLEWARE:SecurityMiddleware"),
          Map.entry("django.check.security.W001", "MIDDLEWARE:SecurityMiddleware"));

  private SameSetting() {}

  /** The setting a rule is about, if it is one of these. */
  public static Optional<String> of(String ruleKey) {
    return Optional.ofNullable(SETTING.get(ruleKey));
  }

  /** Every rule key about {@code setting}. */
  public static List<String> rulesFor(String setting) {
    return SETTING.entrySet().stream()
        .filter(e -> e.getValue().equals(setting))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }
}
