package dev.auditworkbench.engine.repo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Python module names of the repo's files, and resolution of imports to them. The import root is
 * the folder of manage.py when there is one (Django runs from there), else "src" when the code
 * lives under it, else the repository root.
 */
public final class ModuleNames {
  private final String prefix;
  private final Map<String, String> moduleToPath = new HashMap<>();
  private final Map<String, String> pathToModule = new HashMap<>();
  private final Set<String> packages = new TreeSet<>();

  private final Map<String, String> folders = new HashMap<>();

  public ModuleNames(List<RepoFile> files) {
    this.prefix = importRoot(files);
    // A src/ layout (src/ holds packages but is not one) is a root of its own beside the main one.
    boolean srcLayout =
        !prefix.equals("src/")
            && files.stream().noneMatch(f -> f.path().equals("src/__init__.py"))
            && files.stream()
                .anyMatch(
                    f ->
                        f.path().startsWith("src/")
                            && f.path().endsWith("/__init__.py")
                            && f.path().chars().filter(ch -> ch == '/').count() == 2);
    for (RepoFile f : files) {
      String root = srcLayout && f.path().startsWith("src/") ? "src/" : prefix;
      if (!f.isPython() || !f.path().startsWith(root)) {
        continue;
      }
      String rel = f.path().substring(root.length());
      String module = rel.substring(0, rel.length() - 3).replace('/', '.');
      if (module.endsWith(".__init__")) {
        module = module.substring(0, module.length() - 9);
        packages.add(module);
      } else if (module.equals("__init__")) {
        continue;
      }
      if (module.contains("-") || module.contains(" ")) {
        continue; // not importable
      }
      moduleToPath.put(module, f.path());
      pathToModule.put(f.path(), module);
      String dir = f.path().substring(0, f.path().lastIndexOf('/') + 1);
      for (int dot = module.lastIndexOf('.'); dot > 0; dot = module.lastIndexOf('.', dot - 1)) {
        folders.putIfAbsent(module.substring(0, dot), dir);
        dir = dir.substring(0, dir.lastIndexOf('/', dir.length() - 2) + 1);
      }
    }
  }

  /**
   * Whether {@code module} is a package, with an __init__.py or as a namespace package (PEP 420: a
   * folder of modules without one, which Django also installs as an app).
   */
  public boolean isPackageOrNamespace(String module) {
    return packages.contains(module) || folders.containsKey(module);
  }

  /** The folder of a package or namespace package ("readthedocs/notifications/"), or null. */
  public String folderOf(String module) {
    return folders.get(module);
  }

  private static String importRoot(List<RepoFile> files) {
    String best = null;
    for (RepoFile f : files) {
      if (f.name().equals("manage.py") && (best == null || f.path().length() < best.length())) {
        best = f.path();
      }
    }
    if (best != null) {
      return best.substring(0, best.length() - "manage.py".length());
    }
    boolean src = files.stream().anyMatch(f -> f.path().startsWith("src/") && f.isPython());
    boolean top = files.stream().anyMatch(f -> !f.path().contains("/") && f.isPython());
    return src && !top ? "src/" : "";
  }

  /** The module of a file, or null when it is not importable from the import root. */
  public String moduleOf(String path) {
    return pathToModule.get(path);
  }

  public String pathOf(String module) {
    return moduleToPath.get(module);
  }

  public boolean isPackage(String module) {
    return packages.contains(module);
  }

  public boolean exists(String module) {
    return moduleToPath.containsKey(module);
  }

  /**
   * The in-repo module an import reaches: "from a.b import c" reaches a.b.c when that is a module,
   * else a.b; "import a.b.c" reaches the longest existing prefix. Relative imports are resolved
   * against the importing module's package. Null when it leaves the repository.
   */
  public String resolve(String fromModule, ModuleFacts.ImportRef ref) {
    String base = ref.module();
    if (ref.level() > 0) {
      String pkg = isPackage(fromModule) ? fromModule : parent(fromModule);
      for (int i = 1; i < ref.level() && pkg != null; i++) {
        pkg = parent(pkg);
      }
      if (pkg == null) {
        return null;
      }
      base = base.isEmpty() ? pkg : (pkg.isEmpty() ? base : pkg + "." + base);
    }
    if (ref.name() != null && !ref.name().equals("*")) {
      String candidate = base.isEmpty() ? ref.name() : base + "." + ref.name();
      if (exists(candidate)) {
        return candidate;
      }
    }
    for (String m = base; m != null && !m.isEmpty(); m = parent(m)) {
      if (exists(m)) {
        return m;
      }
    }
    return null;
  }

  private static String parent(String module) {
    int dot = module.lastIndexOf('.');
    return dot < 0 ? (module.isEmpty() ? null : "") : module.substring(0, dot);
  }

  /** The top-level name of an import that leaves the repository ("django" of "django.db"). */
  public static String topLevel(String module) {
    int dot = module.indexOf('.');
    return dot < 0 ? module : module.substring(0, dot);
  }
}
