package dev.auditworkbench.engine.django;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The units code is cut into: local Django apps wherever they live, else top-level packages. */
class AppUnitsTest {
  private static DjangoInventory inventory(DjangoInventory.App... apps) {
    return Inventories.of(List.of(apps), List.of(), List.of(), List.of());
  }

  @Test
  void nestedAppsAreUnitsAndTheRestIsItsTopLevelPackage() {
    AppUnits units =
        AppUnits.of(
            inventory(
                new DjangoInventory.App("wger.core", "core", true, "wger/core/__init__.py"),
                new DjangoInventory.App(
                    "wger.core.api.apps.ApiConfig", "api", true, "wger/core/api/__init__.py"),
                new DjangoInventory.App(
                    "pretalx.event", "event", true, "src/pretalx/event/__init__.py"),
                new DjangoInventory.App("django.contrib.admin", "admin", false, null)));
    assertEquals("wger.core", units.ofModule("wger.core.models"));
    assertEquals("wger.core.api", units.ofModule("wger.core.api.views"), "the deepest app wins");
    assertEquals("wger", units.ofModule("wger.urls"), "project code outside every app");
    assertEquals("extras", units.ofModule("extras.scripts.load"));
    assertEquals("wger.core", units.ofPath("wger/core/views.py"));
    assertEquals("wger.core.api", units.ofPath("wger/core/api/views.py"));
    assertEquals("pretalx.event", units.ofPath("src/pretalx/event/models.py"));
    assertEquals("wger", units.ofPath("wger/settings.py"));
    assertEquals("manage", units.ofPath("manage.py"));
    assertEquals("wger/core/", units.folderOf("wger.core"));
  }

  @Test
  void anAppConfigEntryNamesItsPackage() {
    assertEquals("payments", AppUnits.packageOf("payments.apps.PaymentsConfig"));
    assertEquals("wger.core", AppUnits.packageOf("wger.core.apps.CoreConfig"));
    assertEquals("billing", AppUnits.packageOf("billing"));
    AppUnits units =
        AppUnits.of(
            inventory(
                new DjangoInventory.App(
                    "payments.apps.PaymentsConfig", "payments", true, "payments/__init__.py")));
    assertEquals("payments", units.ofModule("payments.models"));
    assertEquals("payments", units.ofPath("payments/models.py"));
  }

  @Test
  void withoutAnInventoryTopLevelPackagesAreTheUnits() {
    assertEquals("wger", AppUnits.of(null).ofModule("wger.core.models"));
    assertEquals("wger", AppUnits.topLevel().ofPath("wger/core/models.py"));
  }
}
