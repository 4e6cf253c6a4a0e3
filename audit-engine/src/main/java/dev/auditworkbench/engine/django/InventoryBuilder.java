package dev.auditworkbench.engine.django;

import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.repo.ModuleNames;
import dev.auditworkbench.engine.repo.RepoFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link DjangoInventory} from every module's facts, one concern per class: names resolved
 * as Python would ({@link PythonNames}), then models ({@link ModelInventory}), URL routes (here,
 * through {@link UrlPatterns}), views and serializers ({@link ViewInventory}), installed apps
 * ({@link AppInventory}), settings modules ({@link SettingsModules}), tasks and signal receivers
 * ({@link TaskInventory}), tests ({@link TestInventory}) and what the file tree alone says ({@link
 * ProjectFiles}).
 */
public final class InventoryBuilder {
  private final PythonNames py;
  private final List<RepoFile> files;
  private final SettingsModules settings;

  public InventoryBuilder(List<ModuleFacts> modules, ModuleNames names, List<RepoFile> files) {
    this.py = new PythonNames(modules, names);
    this.files = files;
    settings = new SettingsModules(py.byModule(), py::resolveImport);
  }

  public DjangoInventory build() {
    List<DjangoInventory.Model> models = new ModelInventory(py).models();
    List<DjangoInventory.Route> routes = routes();
    ViewInventory views = new ViewInventory(py);
    TaskInventory tasks = new TaskInventory(py);
    return new DjangoInventory(
        new AppInventory(py, settings).apps(),
        models,
        views.views(routes),
        routes,
        ProjectFiles.templates(files),
        ProjectFiles.migrations(files),
        ProjectFiles.commands(files),
        tasks.decorated(
            Set.of("shared_task", "celery.shared_task", "app.task", "task", "celery_app.task"),
            "task"),
        tasks.receivers(),
        new TestInventory(py).tests(),
        settings.modules(),
        views.serializers());
  }

  /** The project's URL routes: from ROOT_URLCONF, or every top-level urls module without one. */
  private List<DjangoInventory.Route> routes() {
    Map<String, ModuleFacts> byModule = py.byModule();
    String root = rootUrlconf();
    if (root != null && byModule.containsKey(root)) {
      return new UrlPatterns(py, byModule).from(root);
    }
    List<DjangoInventory.Route> out = new ArrayList<>();
    for (String m : byModule.keySet()) {
      if (m.equals("urls")
          || (m.endsWith(".urls") && m.chars().filter(ch -> ch == '.').count() == 1)) {
        out.addAll(new UrlPatterns(py, byModule).from(m));
      }
    }
    return out;
  }

  private String rootUrlconf() {
    Map<String, ModuleFacts> byModule = py.byModule();
    for (String s : settings.modules()) {
      for (ModuleFacts.Assignment a : byModule.get(s).assignments()) {
        if (a.target().equals("ROOT_URLCONF")) {
          String v = PythonNames.unquote(a.value());
          if (v != null && byModule.containsKey(v)) {
            return v;
          }
        }
      }
    }
    for (String s :
        settings.modules()) { // settings written as classes (django-configurations, readthedocs)
      for (ModuleFacts.ClassDef c : byModule.get(s).classes()) {
        String v = PythonNames.unquote(c.attributes().getOrDefault("ROOT_URLCONF", ""));
        if (v != null && byModule.containsKey(v)) {
          return v;
        }
      }
    }
    for (ModuleFacts m :
        byModule.values()) { // settings that are not in a settings module (settings.dist.py)
      for (ModuleFacts.Assignment a : m.assignments()) {
        if (a.target().equals("ROOT_URLCONF")) {
          String v = PythonNames.unquote(a.value());
          if (v != null && byModule.containsKey(v)) {
            return v;
          }
        }
      }
    }
    return null;
  }
}
