package dev.auditworkbench.engine.django;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The units a codebase is cut into (the seam map's nodes, the app of a cycle, of an owner, of a
 * change coupling): its local Django apps, wherever they live ("wger.core" in wger/core/,
 * "pretalx.event" in src/pretalx/event/), and for code outside every app its top-level package or
 * folder. Real monoliths keep their apps inside one project package; taking the top-level package
 * alone made all of wger one node.
 */
public final class AppUnits {
  private static final AppUnits TOP_LEVEL = new AppUnits(Map.of());

  /** App name to its folder ("wger/core/"), longest names first. */
  private final Map<String, String> apps;

  /** The same, deepest folders first. */
  private final List<Map.Entry<String, String>> byFolder;

  private AppUnits(Map<String, String> apps) {
    this.apps = apps;
    this.byFolder = new ArrayList<>(apps.entrySet());
    byFolder.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getValue().length()));
  }

  /** Top-level packages only (no inventory). */
  public static AppUnits topLevel() {
    return TOP_LEVEL;
  }

  /** The local apps of a scan's inventory; top-level packages when there is none. */
  public static AppUnits of(DjangoInventory inventory) {
    if (inventory == null) {
      return TOP_LEVEL;
    }
    List<DjangoInventory.App> local = new ArrayList<>();
    for (DjangoInventory.App a : inventory.apps()) {
      if (a.local() && a.name() != null && a.path() != null && a.path().contains("/")) {
        local.add(a);
      }
    }
    local.sort(Comparator.comparingInt((DjangoInventory.App a) -> -a.name().length()));
    Map<String, String> apps = new LinkedHashMap<>();
    for (DjangoInventory.App a : local) {
      String dir = a.path().substring(0, a.path().lastIndexOf('/') + 1);
      apps.putIfAbsent(packageOf(a.name()), dir);
    }
    Map<String, String> longestFirst = new LinkedHashMap<>();
    apps.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getKey().length()))
        .forEach(e -> longestFirst.put(e.getKey(), e.getValue()));
    return longestFirst.isEmpty() ? TOP_LEVEL : new AppUnits(longestFirst);
  }

  /**
   * The app's package from its INSTALLED_APPS entry: "payments.apps.PaymentsConfig" is the app
   * "payments" (an AppConfig class, and the apps module holding it, are not the app).
   */
  static String packageOf(String entry) {
    List<String> parts = new ArrayList<>(List.of(entry.split("\\.")));
    if (parts.size() > 1 && Character.isUpperCase(parts.get(parts.size() - 1).charAt(0))) {
      parts.remove(parts.size() - 1);
      if (parts.size() > 1 && parts.get(parts.size() - 1).equals("apps")) {
        parts.remove(parts.size() - 1);
      }
    }
    return String.join(".", parts);
  }

  /** The unit of a dotted module name. */
  public String ofModule(String module) {
    for (String app : apps.keySet()) {
      if (module.equals(app) || module.startsWith(app + ".")) {
        return app;
      }
    }
    int dot = module.indexOf('.');
    return dot < 0 ? module : module.substring(0, dot);
  }

  /** The unit of a repository path: its app's, else its first folder (a top file: its name). */
  public String ofPath(String path) {
    for (Map.Entry<String, String> e : byFolder) {
      if (path.startsWith(e.getValue())) {
        return e.getKey();
      }
    }
    int slash = path.indexOf('/');
    return slash < 0 ? path.replaceFirst("\\.py$", "") : path.substring(0, slash);
  }

  /** The folder of a unit that is an app ("wger/core/"), or the unit's own name plus "/". */
  public String folderOf(String unit) {
    String dir = apps.get(unit);
    return dir != null ? dir : unit + "/";
  }
}
