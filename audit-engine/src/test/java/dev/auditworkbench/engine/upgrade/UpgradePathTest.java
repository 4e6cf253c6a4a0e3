package dev.auditworkbench.engine.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Thresholds;
import dev.auditworkbench.engine.scan.ScanService;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.InstalledPackageRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the upgrade path finds in code, settings, templates and files that name Python. */
class UpgradePathTest {
  @TempDir Path repo;

  private RepoAnalysis scan(Map<String, String> files) throws Exception {
    for (var e : files.entrySet()) {
      Path p = repo.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue());
    }
    return ScanService.analyse(repo, Thresholds.from(Map.of()), ProgressListener.NONE);
  }

  private static List<String> uses(RepoAnalysis a) {
    return a.upgrade().uses().stream().map(u -> u.id() + "@" + u.path() + ":" + u.line()).toList();
  }

  @Test
  void removedNamesAreFoundThroughImportsAndOnlyThere() throws Exception {
    RepoAnalysis a =
        scan(
            Map.of(
                "shop/__init__.py",
                "default_app_config = 'shop.apps.ShopConfig'\n",
                "shop/models.py",
                """
                from django.db import models
                from django.utils.translation import ugettext_lazy as _
                from django.utils.encoding import force_text


                class Order(models.Model):
                    paid = models.NullBooleanField(_("paid"))
                    customer = models.ForeignKey("Customer")
                    other = models.ForeignKey("Customer", models.CASCADE)

                    class Meta:
                        index_together = [("paid", "customer")]

                    def __str__(self):
                        return force_text(self.pk).strip()
                """,
                "shop/views.py",
                """
                from django.conf.urls import url
                from django import forms
                from .compat import force_text


                def search(request):
                    if request.is_ajax() and request.user.is_authenticated():
                        return force_text(forms.NullBooleanField())
                """,
                "shop/migrations/0001_initial.py",
                """
                from django.db import models
                from django.utils.timezone import utc


                class Migration:
                    operations = [models.NullBooleanField(), models.ForeignKey("x")]
                """));
    assertEquals(
        List.of(
            "default-app-config@shop/__init__.py:1",
            // the field Django keeps for migrations is left out there, the rest is not
            "timezone-utc@shop/migrations/0001_initial.py:2",
            "on-delete@shop/migrations/0001_initial.py:6",
            // "ugettext_lazy as _" is one change, at the import; force_text is called (once, not
            // again for the .strip() on its result)
            "ugettext@shop/models.py:2",
            "force-text@shop/models.py:3",
            "index-together@shop/models.py:6",
            "null-boolean-field@shop/models.py:7",
            "on-delete@shop/models.py:8",
            "force-text@shop/models.py:15",
            // a relative import is the project's own; forms.NullBooleanField is not the model field
            "conf-urls-url@shop/views.py:1",
            "is-authenticated-call@shop/views.py:7",
            "is-ajax@shop/views.py:7"),
        uses(a));
  }

  @Test
  void settingsAndTemplatesAreReadWhereTheyLive() throws Exception {
    RepoAnalysis a =
        scan(
            Map.of(
                "site/settings/__init__.py",
                "",
                "site/settings/prod.py",
                """
                USE_L10N = True
                CSRF_TRUSTED_ORIGINS = ["https://ok.example", "shop.example"]
                PASSWORD_HASHERS = ["django.contrib.auth.hashers.UnsaltedMD5PasswordHasher"]
                DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql"}}
                """,
                "site/other.py",
                "USE_L10N = True\n",
                "site/templates/a.html",
                "{% load staticfiles %}\n{% if x|length_is:\"2\" %}{% endif %}\n{% if x|length == 2 %}{% endif %}\n"));
    assertEquals(
        List.of(
            "use-l10n@site/settings/prod.py:1",
            // neither DEFAULT_AUTO_FIELD nor USE_TZ is set in any settings module: both behaviours
            // change; said on the settings module the project runs with
            "default-auto-field@site/settings/prod.py:1",
            "use-tz-default@site/settings/prod.py:1",
            "csrf-trusted-scheme@site/settings/prod.py:2",
            "sha1-hashers@site/settings/prod.py:3",
            "staticfiles-tag@site/templates/a.html:1",
            "length-is@site/templates/a.html:2"),
        uses(a));
  }

  @Test
  void thePythonTheClientRunsComesFromTheRuntimeBeforeCiAndDeclarations() throws Exception {
    RepoAnalysis a =
        scan(
            Map.of(
                "Dockerfile",
                "# base\nFROM python:3.9-slim AS build\n",
                "docker/worker.Dockerfile",
                "FROM docker.io/library/python:3.8\n",
                ".github/workflows/ci.yml",
                "jobs:\n  test:\n    strategy:\n      matrix:\n        python-version: ['3.7', \"3.10\"]\n",
                "tox.ini",
                "[tox]\nenvlist = py36, py37-django22\n",
                "pyproject.toml",
                "[project]\nrequires-python = \">=3.6\"\n"));
    List<String> pins =
        a.upgrade().python().stream()
            .map(p -> p.version() + " " + p.source() + " " + p.path() + ":" + p.line())
            .sorted()
            .toList();
    assertEquals(
        List.of(
            "3.10 ci .github/workflows/ci.yml:5",
            "3.6 ci tox.ini:2",
            "3.6 declared pyproject.toml:2",
            "3.7 ci .github/workflows/ci.yml:5",
            "3.7 ci tox.ini:2",
            "3.8 runtime docker/worker.Dockerfile:1",
            "3.9 runtime Dockerfile:2"),
        pins);
    assertEquals("3.8", PythonVersions.running(a.upgrade().python()).orElseThrow().version());
  }

  @Test
  void theClientsEnvironmentPinsWhatTheRepositoryDoesNotAndAddsThePackagesTheCodeUses()
      throws Exception {
    RepoAnalysis a =
        scan(
            Map.of(
                "requirements.txt",
                "django-filter\nDjango>=3.2,<4\n",
                "shop/__init__.py",
                "",
                "shop/settings.py",
                "INSTALLED_APPS = ['django.contrib.admin', 'taggit', 'shop']\n",
                "shop/views.py",
                """
                from rest_framework.views import APIView
                import legacy_widgets.forms
                """));
    // What pipdeptree listed (the importer's rows, names canonical).
    Map<String, InstalledPackageRepository.Installed> env = new java.util.LinkedHashMap<>();
    for (String[] p :
        new String[][] {
          {"django", "3.2.25", null},
          {"django-filter", "2.4.0", ">=2.2"},
          {"djangorestframework", "3.14.0", ">=3.0"},
          {"django-taggit", "3.1.0", ">=3.2"},
          {"django-legacy-widgets", "1.0", "<4.0,>=2.2"},
          {"django-guardian", "2.4.0", ">=2.2"},
        }) {
      env.put(p[0], new InstalledPackageRepository.Installed(p[0], p[1], p[2], "pipdeptree.json"));
    }
    assertTrue(
        UpgradePlan.of(a.upgrade(), a.dependencies(), null).isEmpty(),
        "nothing pins Django exactly in the repository");
    UpgradePlan plan = UpgradePlan.of(a.upgrade(), a.dependencies(), env, "4.2").orElseThrow();
    assertEquals("3.2.25", plan.djangoVersion(), "the environment's Django");
    assertEquals("pipdeptree.json", plan.django().path());
    List<String> blockers =
        plan.steps().get(0).packages().stream()
            .map(p -> UpgradePlanText.packageChange(p) + " @ " + p.where())
            .toList();
    assertEquals(
        List.of(
            // Declared without a version: the installed one is judged, at its declaration.
            "django-filter 2.4.0 -> 23.1 or later @ requirements.txt:1",
            // Installed only, but the code imports them or INSTALLED_APPS names them.
            "django-legacy-widgets 1.0 -> a release for this Django (it requires django<4.0,>=2.2)"
                + " @ installed (pipdeptree.json)",
            "django-taggit 3.1.0 -> 4.0.0 or later @ installed (pipdeptree.json)",
            "djangorestframework 3.14.0 -> 3.15.0 or later @ installed (pipdeptree.json)"),
        blockers.stream().sorted().toList(),
        "django-guardian is installed but the code never uses it");
  }

  @Test
  void middlewareBuiltWithoutGetResponseIsFoundNotTheOnesGivenIt() throws Exception {
    RepoAnalysis a =
        scan(
            Map.of(
                "shop/__init__.py",
                "",
                "shop/tests.py",
                """
                from django.contrib.sessions.middleware import SessionMiddleware
                from django.middleware import csrf
                from django.http import HttpResponse


                def with_session(request):
                    SessionMiddleware().process_request(request)
                    csrf.CsrfViewMiddleware(lambda r: HttpResponse()).process_view(request)
                    SessionMiddleware(get_response=lambda r: HttpResponse())
                    return csrf.CsrfViewMiddleware()
                """));
    assertEquals(
        List.of(
            "middleware-get-response@shop/tests.py:7", "middleware-get-response@shop/tests.py:10"),
        uses(a));
  }

  @Test
  void hopsFollowTheLtsReleasesAndRemovalsLandOnTheirHop() {
    UpgradePath next = UpgradePath.of("3.2", null);
    assertEquals(List.of("4.2", "5.2"), next.steps());
    assertEquals(List.of("3.2", "4.2", "5.2"), UpgradePath.of("2.2", "5.2").steps());
    assertEquals(List.of("4.2", "5.0"), UpgradePath.of("3.2", "5.0").steps());
    assertEquals("4.2", next.stepOf("4.0").orElseThrow());
    assertEquals("5.2", next.stepOf("5.1").orElseThrow());
    assertTrue(next.stepOf("3.0").isEmpty(), "already removed in the version the project runs");
    assertTrue(next.stepOf("6.0").isEmpty(), "after the plan's target");
    assertTrue(PythonSupport.of("5.2").orElseThrow().contains("3.10.4"));
    assertFalse(PythonSupport.of("5.2").orElseThrow().contains("3.8"));
  }
}
