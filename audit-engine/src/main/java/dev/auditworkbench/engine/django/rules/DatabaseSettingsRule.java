package dev.auditworkbench.engine.django.rules;

import dev.auditworkbench.engine.django.EffectiveSettings;
import dev.auditworkbench.engine.django.EffectiveSettings.Setting;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.repo.RepoRoot;
import dev.auditworkbench.engine.repo.TestCode;
import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.spi.RawFinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Production settings that cost every request: no persistent connections (CONN_MAX_AGE left at 0
 * with no pool in front), a per-process or dummy cache (local memory, or no CACHES at all while the
 * code uses the cache), and the debug toolbar installed. Judged on the deployment settings modules
 * as the hardening checks are ({@link DeploymentSettings}). Conservative by design: a settings file
 * that mentions CONN_MAX_AGE or a pool anywhere (a loop over DATABASES, a conditional) is taken to
 * set it. False positives: a pooler (PgBouncer) the repository does not show, which makes
 * CONN_MAX_AGE = 0 right.
 */
final class DatabaseSettingsRule implements Rule {
  private static final Pattern LOCAL_CACHE =
      Pattern.compile("cache\\.backends\\.(locmem\\.LocMemCache|dummy\\.DummyCache)");

  @Override
  public String id() {
    return "django.performance";
  }

  @Override
  public String description() {
    return "Production settings that cost every request: CONN_MAX_AGE left at 0 with no pool, a local-memory or dummy cache (or none while the code caches), the debug toolbar installed";
  }

  @Override
  public void check(RepoAnalysis a, Consumer<RawFinding> out) {
    // Django's cache is used where a module (not a test or a migration) imports it.
    boolean cacheUsed =
        a.modules().stream()
            .filter(m -> !TestCode.isTest(m.path()) && !m.path().contains("/migrations/"))
            .flatMap(m -> m.imports().stream())
            .anyMatch(
                i ->
                    i.level() == 0
                        && (i.module().equals("django.core.cache")
                            || i.module().equals("django.views.decorators.cache")));
    // Several deployment modules often share a base: one finding per place.
    java.util.Set<String> seen = new java.util.HashSet<>();
    Consumer<RawFinding> once =
        f -> {
          if (seen.add(f.ruleKey() + "@" + f.rawPath() + ":" + f.startLine())) {
            out.accept(f);
          }
        };
    for (EffectiveSettings s : DeploymentSettings.judged(a)) {
      String text = settingsText(a, s);
      Optional<Setting> databases = s.get("DATABASES");
      if (databases.isPresent()
          && !databases.get().value().contains("sqlite")
          && !text.contains("CONN_MAX_AGE")
          && !text.contains("conn_max_age")
          && !text.matches("(?s).*['\"]pool['\"]\\s*:.*")) {
        once.accept(
            finding(
                "conn-max-age",
                s,
                databases.get(),
                Severity.MEDIUM,
                "Database connections are not reused: CONN_MAX_AGE is 0",
                "DATABASES sets no CONN_MAX_AGE, so Django opens a new database connection for"
                    + " every request and closes it at the end (TCP, TLS and authentication each"
                    + " time). Set CONN_MAX_AGE = 60 with CONN_HEALTH_CHECKS = True (Django 4.1+),"
                    + " or on Django 5.1+ OPTIONS {\"pool\": True}; behind PgBouncer in transaction"
                    + " mode keep 0 and say so.",
                // not the value: DATABASES may hold a password
                "DATABASES (set at line " + databases.get().line() + ") has no CONN_MAX_AGE",
                Effort.hours(1)));
      }
      Optional<Setting> caches = s.get("CACHES");
      if (caches.isPresent() && LOCAL_CACHE.matcher(caches.get().value()).find()) {
        once.accept(
            finding(
                "local-cache",
                s,
                caches.get(),
                Severity.MEDIUM,
                caches.get().value().contains("Dummy")
                    ? "The production cache is the dummy cache"
                    : "The production cache is per process (LocMemCache)",
                "Each worker process keeps its own cache: hit rates fall with every worker,"
                    + " cache.delete in one process leaves stale entries in the others, and"
                    + " cached pages and sessions are not shared. Use Redis or Memcached"
                    + " (django.core.cache.backends.redis.RedisCache).",
                "CACHES BACKEND = " + backend(caches.get().value()),
                Effort.hours(4)));
      } else if (caches.isEmpty() && cacheUsed && !text.contains("CACHES")) {
        once.accept(
            finding(
                "local-cache",
                s,
                null,
                Severity.MEDIUM,
                "No CACHES: the code caches in per-process memory",
                "The code uses Django's cache but the production settings define no CACHES, so"
                    + " it is the default LocMemCache: one cache per worker process, not shared"
                    + " and lost on every restart. Configure Redis or Memcached.",
                "(CACHES not set)",
                Effort.hours(4)));
      }
      s.get("INSTALLED_APPS")
          .filter(
              apps ->
                  isListLiteral(apps) && apps.value().matches("(?s).*['\"]debug_toolbar['\"].*"))
          .ifPresent(
              apps ->
                  once.accept(
                      finding(
                          "debug-toolbar",
                          s,
                          apps,
                          Severity.MEDIUM,
                          "The debug toolbar is installed in production",
                          "debug_toolbar in INSTALLED_APPS of a deployment settings module: its"
                              + " middleware records every query and template of each request"
                              + " (memory and time) and its panels expose settings and SQL if it"
                              + " ever shows. Install it only in development settings.",
                          "INSTALLED_APPS = [..., \"debug_toolbar\", ...]",
                          Effort.hours(1))));
    }
  }

  private static boolean isListLiteral(Setting s) {
    String v = s.value().strip();
    return v.startsWith("[") || v.startsWith("(");
  }

  /** The text of the settings module and the modules it star-imports, for what values hide. */
  private static String settingsText(RepoAnalysis a, EffectiveSettings s) {
    StringBuilder text = new StringBuilder();
    RepoRoot root = RepoRoot.of(a.repo()).orElse(null);
    for (Setting v : s.all().values()) {
      text.append(v.value()).append('\n');
    }
    if (root == null) {
      return text.toString();
    }
    java.util.Set<String> paths = new java.util.LinkedHashSet<>();
    s.all().values().forEach(v -> paths.add(v.path()));
    if (s.path() != null) {
      paths.add(s.path());
    }
    for (String p : paths) {
      Optional<Path> file = p == null ? Optional.empty() : root.file(p);
      if (file.isPresent()) {
        try {
          text.append(Files.readString(file.get(), StandardCharsets.UTF_8)).append('\n');
        } catch (IOException | java.io.UncheckedIOException e) {
          // unreadable now: the values above stand
        }
      }
    }
    return text.toString();
  }

  private RawFinding finding(
      String check,
      EffectiveSettings s,
      Setting at,
      Severity severity,
      String title,
      String advice,
      String evidence,
      Effort effort) {
    String path = at != null ? at.path() : s.path();
    int line = at != null ? at.line() : 1;
    return RawFinding.builder(id() + "." + check)
        .nativeRuleId(check)
        .title(title + " (" + s.module() + ")")
        .description(
            title
                + " in "
                + s.module()
                + (at == null ? "" : ", set in " + at.path() + ":" + at.line())
                + ". "
                + advice)
        .category(Category.PERFORMANCE)
        .severity(severity)
        .confidence(Confidence.MEDIUM)
        .path(path)
        .lines(line, line)
        .keyEvidence(s.module())
        .evidence(Evidence.Kind.CODE, evidence)
        .defaultImpact(Impact.of(3))
        .defaultEffort(effort)
        .build();
  }

  private static String backend(String caches) {
    var m = LOCAL_CACHE.matcher(caches);
    return m.find() ? "django.core." + m.group() : "?";
  }
}
