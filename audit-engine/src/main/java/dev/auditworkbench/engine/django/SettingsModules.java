package dev.auditworkbench.engine.django;

import dev.auditworkbench.engine.repo.ModuleFacts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which modules are Django settings (split settings included), and what each star-imports: one
 * concern of {@link InventoryBuilder}.
 */
final class SettingsModules {
  private final Map<String, ModuleFacts> byModule;
  private final java.util.function.BiFunction<String, ModuleFacts.ImportRef, String> resolveImport;

  /**
   * @param resolveImport the in-repo module an import of a module names, or null
   */
  SettingsModules(
      Map<String, ModuleFacts> byModule,
      java.util.function.BiFunction<String, ModuleFacts.ImportRef, String> resolveImport) {
    this.byModule = byModule;
    this.resolveImport = resolveImport;
  }

  private List<String> settingsCache;

  /**
   * The settings modules, found as Django finds them: every module named by a
   * DJANGO_SETTINGS_MODULE (manage.py, wsgi.py, asgi.py, conftest...), every module that defines
   * INSTALLED_APPS or ROOT_URLCONF, and every module in a settings package that star-imports one of
   * those (split settings: base, common, production, local).
   */
  List<String> modules() {
    if (settingsCache != null) {
      return settingsCache;
    }
    Set<String> declared = declaredSettingsModules();
    Set<String> defining = new HashSet<>();
    for (ModuleFacts m : byModule.values()) {
      if (m.assignments().stream()
          .anyMatch(
              a -> a.target().equals("INSTALLED_APPS") || a.target().equals("ROOT_URLCONF"))) {
        defining.add(m.module());
      }
    }
    TreeSet<String> out = new TreeSet<>();
    for (ModuleFacts m : byModule.values()) {
      String mod = m.module();
      boolean named =
          mod.equals("settings")
              || mod.endsWith(".settings")
              || mod.contains(".settings.")
              || mod.startsWith("settings.")
              || mod.endsWith("_settings")
              || mod.contains("settings_");
      Set<String> keys =
          Set.of("DEBUG", "DATABASES", "SECRET_KEY", "ALLOWED_HOSTS", "ROOT_URLCONF");
      boolean settingsLike =
          m.assignments().stream().anyMatch(a -> keys.contains(a.target()))
              // settings written as classes (django-configurations, readthedocs' Settings classes)
              || m.classes().stream()
                  .anyMatch(c -> c.attributes().keySet().stream().anyMatch(keys::contains));
      if (declared.contains(mod)
          || defining.contains(mod)
          || named && (settingsLike || starImportsAny(m, defining))) {
        out.add(mod);
      }
    }
    settingsCache = new ArrayList<>(out);
    return settingsCache;
  }

  /** Modules a DJANGO_SETTINGS_MODULE names (os.environ.setdefault(...), os.environ[...] = ...). */
  private Set<String> declaredSettingsModules() {
    Set<String> out = new HashSet<>();
    for (ModuleFacts m : byModule.values()) {
      for (ModuleFacts.CallRef c : m.calls()) {
        if (c.args().size() >= 2 && c.args().get(0).contains("DJANGO_SETTINGS_MODULE")) {
          String v = PythonNames.unquote(c.args().get(1));
          if (v != null && byModule.containsKey(v)) {
            out.add(v);
          }
        }
      }
      for (ModuleFacts.Assignment a : m.assignments()) {
        if (a.target().contains("DJANGO_SETTINGS_MODULE")) {
          String v = PythonNames.unquote(a.value());
          if (v != null && byModule.containsKey(v)) {
            out.add(v);
          }
        }
      }
    }
    return out;
  }

  private boolean starImportsAny(ModuleFacts m, Set<String> modules) {
    return starChain(m.module(), new HashSet<>()).stream().anyMatch(modules::contains);
  }

  /** The module and every module it star-imports, transitively. */
  /** The module and every module it star-imports, transitively. */
  List<String> starChain(String module) {
    return starChain(module, new HashSet<>());
  }

  private List<String> starChain(String module, Set<String> seen) {
    List<String> out = new ArrayList<>();
    ModuleFacts m = byModule.get(module);
    if (m == null || !seen.add(module)) {
      return out;
    }
    for (ModuleFacts.ImportRef ref : m.imports()) {
      if ("*".equals(ref.name())) {
        String target = resolveImport.apply(module, ref);
        if (target != null) {
          out.addAll(starChain(target, seen));
        }
      }
    }
    out.add(module);
    return out;
  }
}
