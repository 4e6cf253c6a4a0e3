package dev.auditworkbench.engine.django.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Thresholds;
import dev.auditworkbench.engine.scan.ScanService;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.spi.RawFinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Production settings that cost every request, and the settings that make them right. */
class DatabaseSettingsRuleTest {
  @TempDir Path repo;

  private static final String BASE =
      """
      DATABASES = {
          "default": {
              "ENGINE": "django.db.backends.postgresql",
              "NAME": "shop",
          }
      }
      INSTALLED_APPS = ["django.contrib.auth", "shop"]
      """;

  private List<String> findings(String base, String prod, String dev) throws Exception {
    Files.createDirectories(repo.resolve("shop/settings"));
    Files.writeString(repo.resolve("shop/__init__.py"), "");
    Files.writeString(repo.resolve("shop/settings/__init__.py"), "");
    Files.writeString(repo.resolve("shop/settings/base.py"), base);
    Files.writeString(repo.resolve("shop/settings/prod.py"), "from .base import *\n" + prod);
    Files.writeString(repo.resolve("shop/settings/dev.py"), "from .base import *\n" + dev);
    RepoAnalysis a = ScanService.analyse(repo, Thresholds.from(Map.of()), ProgressListener.NONE);
    List<RawFinding> out = new ArrayList<>();
    new DatabaseSettingsRule().check(a, out::add);
    return out.stream()
        .map(f -> f.ruleKey() + "@" + f.rawPath() + ":" + f.startLine())
        .sorted()
        .toList();
  }

  @Test
  void productionWithoutPersistentConnectionsALocalCacheAndTheToolbarIsReportedOnce()
      throws Exception {
    assertEquals(
        List.of(
            "django.performance.conn-max-age@shop/settings/base.py:1",
            "django.performance.debug-toolbar@shop/settings/prod.py:3",
            "django.performance.local-cache@shop/settings/prod.py:2"),
        findings(
            BASE,
            """
            CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
            INSTALLED_APPS = ["django.contrib.auth", "shop", "debug_toolbar"]
            """,
            // development settings may do all of it
            """
            CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
            INSTALLED_APPS = ["django.contrib.auth", "shop", "debug_toolbar"]
            """));
  }

  @Test
  void persistentConnectionsAPoolSqliteAndASharedCacheAreRight() throws Exception {
    String redis =
        """
        CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}
        """;
    assertEquals(
        List.of(), findings(BASE, redis + "DATABASES['default']['CONN_MAX_AGE'] = 60\n", ""));
    assertEquals(
        List.of(),
        findings(BASE.replace("\"NAME\": \"shop\",", "\"OPTIONS\": {\"pool\": True},"), redis, ""));
    assertEquals(List.of(), findings(BASE.replace("postgresql", "sqlite3"), redis, ""));
  }
}
