package dev.auditworkbench.app.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.app.demo.DemoProject;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.InstalledPackageRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.upgrade.ApiUse;
import dev.auditworkbench.engine.upgrade.UpgradePlan;
import dev.auditworkbench.engine.upgrade.UpgradePlans;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upgrade path of the demo: DEFECTS.md's D-UPG rows, at their lines and on their hops. */
class UpgradeOnDemoTest {
  @TempDir static Path dir;
  static UpgradePlan plan;
  static java.util.Map<String, InstalledPackageRepository.Installed> installed;

  @BeforeAll
  static void scanTheDemo() throws Exception {
    DemoProject.Created demo =
        DemoProject.create(dir.resolve("demo.audit"), false, ProgressListener.NONE);
    try (ProjectStore store = ProjectStore.open(demo.project())) {
      plan = store.read(c -> UpgradePlans.latest(c, null)).orElseThrow();
      installed = store.read(c -> new InstalledPackageRepository(c).latest());
    }
  }

  private static List<String> uses(List<UpgradePlan.Item> items) {
    return items.stream()
        .flatMap(i -> i.uses().stream().map(u -> i.removal().id() + "@" + place(u)))
        .sorted()
        .toList();
  }

  private static String place(ApiUse u) {
    return u.path() + ":" + u.line();
  }

  @Test
  void theDemoGoesFrom32ToTheNextTwoLtsReleasesOnPython38() {
    assertEquals("3.2.25", plan.django().pinned());
    var python = plan.python().orElseThrow();
    assertEquals(
        "3.8 at Dockerfile:1", python.version() + " at " + place(python.path(), python.line()));
    assertEquals(List.of("4.2", "5.2"), plan.steps().stream().map(UpgradePlan.Step::to).toList());
  }

  @Test
  void theEnvironmentsPackagesAreKeptButOnlyThoseTheCodeUsesAreJudged() throws Exception {
    // Every package of the demo's pipdeptree capture, with the Django requirement it declares.
    var captured =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(
                dev.auditworkbench.engine.testing.Resources.path(
                        UpgradeOnDemoTest.class, "demo/captures/environment/pipdeptree.json")
                    .toFile());
    assertEquals(captured.size(), installed.size());
    assertEquals("3.2.25", installed.get("django").version());
    assertEquals(">=3.2", installed.get("django-filter").djangoRequirement());
    assertEquals("pipdeptree.json", installed.get("djangorestframework").source());
    // djangorestframework 3.14.0 and django-taggit 3.1.0 are installed there and do not support
    // 4.2, but the demo's code never imports them nor lists them in INSTALLED_APPS.
    assertTrue(
        plan.steps().stream().flatMap(s -> s.packages().stream()).allMatch(p -> p.line() > 0),
        "only declared packages block the demo's hops");
  }

  private static String place(String path, int line) {
    return path + ":" + line;
  }

  @Test
  void theHopTo42HasTheRemovalsOfDjango40() {
    UpgradePlan.Step s = plan.steps().get(0);
    assertEquals(
        List.of(
            "csrf-trusted-scheme@ledgerly/settings/prod.py:35",
            "force-text@invoices/forms.py:15",
            "force-text@invoices/forms.py:2",
            "ifequal-tag@templates/invoices/reminder.html:9",
            "ugettext@invoices/forms.py:3"),
        uses(s.removals()));
    assertEquals(
        List.of("django-debug-toolbar 3.2.1 -> 4.0.0"),
        s.packages().stream()
            .map(p -> p.name() + " " + p.pinned() + " -> " + p.firstSupporting())
            .toList());
    assertTrue(!s.python().required(), "Python 3.8 runs Django 4.2");
    assertTrue(s.behaviour().isEmpty(), "the demo sets DEFAULT_AUTO_FIELD and USE_TZ");
  }

  @Test
  void theHopTo52MovesPythonAndHasTheRemovalsOfDjango50And51() {
    UpgradePlan.Step s = plan.steps().get(1);
    assertTrue(s.python().required());
    assertEquals("3.12", s.python().suggested());
    assertEquals(
        List.of("python:assertEquals@invoices/test_forms.py:10"), uses(s.pythonRemovals()));
    assertEquals(
        List.of(
            "assert-form-error@invoices/test_forms.py:14",
            "index-together@ledger/models.py:26",
            "length-is@templates/invoices/reminder.html:4",
            "pytz@ledger/periods.py:4",
            "pytz@ledger/periods.py:9",
            "storage-settings@ledgerly/settings/prod.py:33",
            "storage-settings@ledgerly/settings/prod.py:34",
            "timezone-utc@ledger/periods.py:12",
            "timezone-utc@ledger/periods.py:5",
            "use-l10n@ledgerly/settings/base.py:85"),
        uses(s.removals()));
    assertEquals(
        List.of("celery", "django-nose", "django-debug-toolbar"),
        s.packages().stream().map(UpgradePlan.PackageBlocker::name).toList());
    assertTrue(s.packages().get(1).replace(), "django-nose is replaced, not upgraded");
  }

  @Test
  void cleanCodeIsNotOnThePath() {
    List<String> all =
        Stream.concat(
                plan.steps().stream()
                    .flatMap(s -> Stream.of(s.removals(), s.pythonRemovals(), s.behaviour()))
                    .flatMap(List::stream),
                plan.later().stream())
            .flatMap(i -> i.uses().stream())
            .map(u -> u.path())
            .distinct()
            .sorted()
            .toList();
    // the demo's views, URLconfs and migrations use none of what 4.2 and 5.2 remove
    assertEquals(
        List.of(
            "invoices/forms.py",
            "invoices/test_forms.py",
            "ledger/models.py",
            "ledger/periods.py",
            "ledgerly/settings/base.py",
            "ledgerly/settings/prod.py",
            "templates/invoices/reminder.html"),
        all);
  }
}
