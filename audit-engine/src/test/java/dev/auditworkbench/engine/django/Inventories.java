package dev.auditworkbench.engine.django;

import java.util.List;
import java.util.Map;

/** Inventories for tests: the apps, models, views and routes given, nothing else. */
public final class Inventories {
  private Inventories() {}

  public static DjangoInventory of(
      List<DjangoInventory.App> apps,
      List<DjangoInventory.Model> models,
      List<DjangoInventory.View> views,
      List<DjangoInventory.Route> routes) {
    return new DjangoInventory(
        apps, models, views, routes, List.of(), Map.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of());
  }
}
