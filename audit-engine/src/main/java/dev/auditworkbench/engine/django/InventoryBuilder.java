package dev.auditworkbench.engine.django;

import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.repo.ModuleNames;
import dev.auditworkbench.engine.repo.RepoFile;
import dev.auditworkbench.engine.repo.SyntaxNode;
import dev.auditworkbench.engine.repo.TestCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link DjangoInventory} from every module's facts. Names are resolved the way Python
 * would: a base class or callee "models.Model" is looked up through the module's imports ("from
 * django.db import models" makes it django.db.models.Model), and in-repo classes are followed
 * through their own bases, so models derived through abstract bases, mixins and aliases are found.
 */
public final class InventoryBuilder {
  static final String MODEL = "django.db.models.Model";
  private static final Set<String> SKIP_DECORATORS =
      Set.of(
          "unittest.skip",
          "skip",
          "unittest.skipIf",
          "skipIf",
          "unittest.skipUnless",
          "skipUnless",
          "pytest.mark.skip",
          "pytest.mark.skipif",
          "mark.skip",
          "mark.skipif");

  private static final Pattern STRING_LITERAL =
      Pattern.compile("[rRuU]?(\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*')");
  private final Map<String, ModuleFacts> byModule = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> importedNames = new HashMap<>();
  private final ModuleNames names;
  private final List<RepoFile> files;
  private final Map<String, Boolean> modelCache = new HashMap<>();
  private final SettingsModules settings;

  public InventoryBuilder(List<ModuleFacts> modules, ModuleNames names, List<RepoFile> files) {
    this.names = names;
    this.files = files;
    for (ModuleFacts m : modules) {
      if (m.module() != null) {
        byModule.put(m.module(), m);
        importedNames.put(m.module(), localNames(m));
      }
    }
    settings = new SettingsModules(byModule, this::resolveImport);
  }

  /** Local name to the dotted name it stands for, from the module's imports. */
  private static Map<String, String> localNames(ModuleFacts m) {
    Map<String, String> out = new HashMap<>();
    for (ModuleFacts.ImportRef ref : m.imports()) {
      if (ref.level() > 0) {
        continue; // resolved below through ModuleNames when needed
      }
      if (ref.name() == null) {
        out.put(
            ref.boundName(),
            ref.alias() != null ? ref.module() : ModuleNames.topLevel(ref.module()));
      } else if (!ref.name().equals("*")) {
        out.put(ref.boundName(), ref.module() + "." + ref.name());
      }
    }
    return out;
  }

  /** The dotted name an expression such as "models.Model" stands for in a module. */
  String qualify(String module, String expr) {
    String e = expr.strip();
    if (e.endsWith("]")
        && e.indexOf('[') > 0) { // a subscripted generic base: ModelViewSet[Workflow]
      e = e.substring(0, e.indexOf('['));
    }
    int dot = e.indexOf('.');
    String head = dot < 0 ? e : e.substring(0, dot);
    String rest = dot < 0 ? "" : e.substring(dot);
    ModuleFacts facts = byModule.get(module);
    Map<String, String> local = importedNames.getOrDefault(module, Map.of());
    if (local.containsKey(head)) {
      return local.get(head) + rest;
    }
    if (facts != null) {
      for (ModuleFacts.ImportRef ref : facts.imports()) {
        if (ref.level() > 0 && ref.name() != null && head.equals(ref.boundName())) {
          String target =
              names.resolve(
                  module,
                  new ModuleFacts.ImportRef(ref.module(), ref.level(), null, null, ref.line()));
          return (target == null ? "" : target + ".") + ref.name() + rest;
        }
      }
      boolean definedHere =
          facts.classes().stream().anyMatch(c -> c.qualname().equals(head))
              || facts.functions().stream()
                  .anyMatch(f -> f.className() == null && f.name().equals(head))
              || facts.assignments().stream().anyMatch(a -> a.target().equals(head));
      if (definedHere) {
        return module + "." + head + rest;
      }
      String starred = throughStarImports(facts, head, new HashSet<>());
      if (starred != null) {
        return starred + rest;
      }
    }
    return e;
  }

  /**
   * "from .tokens import *" re-exports: the module that really defines {@code name}, honouring
   * __all__.
   */
  private String throughStarImports(ModuleFacts facts, String name, Set<String> seen) {
    if (!seen.add(facts.module()) || seen.size() > 20) {
      return null;
    }
    for (ModuleFacts.ImportRef ref : facts.imports()) {
      if (!"*".equals(ref.name())) {
        continue;
      }
      String target = resolveImport(facts.module(), ref);
      ModuleFacts t = target == null ? null : byModule.get(target);
      if (t == null || !exports(t, name)) {
        continue;
      }
      boolean defined =
          t.classes().stream().anyMatch(c -> c.qualname().equals(name))
              || t.functions().stream()
                  .anyMatch(f -> f.className() == null && f.name().equals(name))
              || t.assignments().stream().anyMatch(a -> a.target().equals(name));
      if (defined) {
        return target + "." + name;
      }
      Map<String, String> local = importedNames.getOrDefault(target, Map.of());
      if (local.containsKey(name)) {
        return local.get(name);
      }
      String deeper = throughStarImports(t, name, seen);
      if (deeper != null) {
        return deeper;
      }
    }
    return null;
  }

  /**
   * Whether "from m import *" brings {@code name}: listed in __all__, or public when there is none.
   */
  private static boolean exports(ModuleFacts m, String name) {
    for (ModuleFacts.Assignment a : m.assignments()) {
      if (a.target().equals("__all__")) {
        return a.value().contains("'" + name + "'") || a.value().contains("\"" + name + "\"");
      }
    }
    return !name.startsWith("_");
  }

  public DjangoInventory build() {
    List<DjangoInventory.Model> models = models();
    List<DjangoInventory.Route> routes = routes();
    return new DjangoInventory(
        apps(),
        models,
        views(routes),
        routes,
        ProjectFiles.templates(files),
        ProjectFiles.migrations(files),
        ProjectFiles.commands(files),
        decorated(
            Set.of("shared_task", "celery.shared_task", "app.task", "task", "celery_app.task"),
            "task"),
        receivers(),
        tests(),
        settings.modules(),
        serializers());
  }

  // -- models ---------------------------------------------------------------

  /** A class "module.Class" is a model when a base chain reaches django.db.models.Model. */
  boolean isModel(String qualified, Set<String> seen) {
    if (qualified.equals(MODEL)) {
      return true;
    }
    Boolean cached = modelCache.get(qualified);
    if (cached != null) {
      return cached;
    }
    if (!seen.add(qualified)) {
      return false;
    }
    String real = classAt(qualified).isPresent() ? qualified : canonical(qualified);
    Optional<ModuleFacts.ClassDef> cls = classAt(real);
    boolean result =
        KnownModelBases.contains(qualified)
            || KnownModelBases.contains(real)
            || isUserModelAlias(real)
            || cls.isPresent()
                && cls.get().bases().stream()
                    .anyMatch(b -> isModel(qualify(moduleOfQualified(real), b), seen));
    modelCache.put(qualified, result);
    return result;
  }

  Optional<ModuleFacts.ClassDef> classOf(String qualified) {
    Optional<ModuleFacts.ClassDef> direct = classAt(qualified);
    if (direct.isPresent()) {
      return direct;
    }
    String real = canonical(qualified);
    return real.equals(qualified) ? Optional.empty() : classAt(real);
  }

  /** User = get_user_model(): the project's user model, a model whatever it is. */
  private boolean isUserModelAlias(String qualified) {
    int dot = qualified.lastIndexOf('.');
    ModuleFacts m = dot < 0 ? null : byModule.get(qualified.substring(0, dot));
    String var = dot < 0 ? null : qualified.substring(dot + 1);
    return m != null
        && m.assignments().stream()
            .anyMatch(
                a ->
                    a.target().equals(var)
                        && a.value().replaceAll("\\s", "").endsWith("get_user_model()"));
  }

  private Optional<ModuleFacts.ClassDef> classAt(String qualified) {
    int dot = qualified.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    ModuleFacts m = byModule.get(qualified.substring(0, dot));
    String simple = qualified.substring(dot + 1);
    return m == null
        ? Optional.empty()
        : m.classes().stream().filter(c -> c.qualname().equals(simple)).findFirst();
  }

  /**
   * A name followed through the modules that re-export it ("from .abstract_config import
   * AbstractChangeConfig" in a package's __init__): where it is really defined.
   */
  String canonical(String qualified) {
    String q = qualified;
    for (int hop = 0; hop < 6; hop++) {
      int dot = q.lastIndexOf('.');
      ModuleFacts where = dot < 0 ? null : byModule.get(q.substring(0, dot));
      if (where == null) {
        return q;
      }
      String again = qualify(where.module(), q.substring(dot + 1));
      if (again.equals(q) || again.equals(q.substring(dot + 1))) {
        return q;
      }
      q = again;
    }
    return q;
  }

  private static String moduleOfQualified(String qualified) {
    return qualified.substring(0, qualified.lastIndexOf('.'));
  }

  private List<DjangoInventory.Model> models() {
    List<DjangoInventory.Model> out = new ArrayList<>();
    for (ModuleFacts m : byModule.values()) {
      if (TestCode.isTest(m.path())) {
        continue; // models made for tests are not the application's
      }
      for (ModuleFacts.ClassDef c : m.classes()) {
        if (c.qualname().contains(".")) {
          continue;
        }
        String q = m.module() + "." + c.name();
        if (!isModel(q, new HashSet<>())) {
          continue;
        }
        boolean abstractModel = "True".equals(c.meta().get("abstract"));
        List<DjangoInventory.Field> fields = new ArrayList<>(ownFields(m.module(), c, false));
        inheritedFields(m.module(), c, fields, new HashSet<>());
        List<String> managers = new ArrayList<>();
        for (ModuleFacts.FieldDef f : c.fields()) {
          String callee = qualify(m.module(), f.callee());
          if (callee.endsWith("Manager()")
              || callee.endsWith("Manager")
              || f.callee().endsWith("Manager")
              || callee.endsWith(".from_queryset")) {
            managers.add(f.name() + " = " + f.callee() + "()");
          }
        }
        String dbTable = unquote(c.meta().get("db_table"));
        if (dbTable == null) {
          dbTable = appLabel(m.module()) + "_" + c.name().toLowerCase(Locale.ROOT);
        }
        List<String> indexes = new ArrayList<>();
        Optional.ofNullable(c.meta().get("indexes")).ifPresent(indexes::add);
        Optional.ofNullable(c.meta().get("index_together"))
            .ifPresent(v -> indexes.add("index_together = " + v));
        Optional.ofNullable(c.meta().get("unique_together"))
            .ifPresent(v -> indexes.add("unique_together = " + v));
        out.add(
            new DjangoInventory.Model(
                q, m.path(), c.line(), dbTable, abstractModel, fields, indexes, managers));
      }
    }
    return out;
  }

  /** The app label Django derives: the last package of the module before "models". */
  static String appLabel(String module) {
    String[] parts = module.split("\\.");
    int i = parts.length - 1;
    if (parts[i].equals("models") && i > 0) {
      i--;
    } else if (i > 0 && parts[i - 1].equals("models")) {
      i -= 2;
    }
    return parts[Math.max(0, i)];
  }

  private List<DjangoInventory.Field> ownFields(
      String module, ModuleFacts.ClassDef c, boolean inherited) {
    List<DjangoInventory.Field> out = new ArrayList<>();
    for (ModuleFacts.FieldDef f : c.fields()) {
      String callee = qualify(module, f.callee());
      if (!callee.startsWith("django.db.models.")
          && !callee.startsWith("django.contrib.postgres.fields.")) {
        continue;
      }
      String type = callee.substring(callee.lastIndexOf('.') + 1);
      if (!type.endsWith("Field") && !type.equals("ForeignKey")) {
        continue;
      }
      String target = null;
      if (type.equals("ForeignKey")
          || type.equals("OneToOneField")
          || type.equals("ManyToManyField")) {
        target =
            f.kwargs().containsKey("to")
                ? f.kwargs().get("to")
                : f.args().isEmpty() ? null : f.args().get(0);
        target = target == null ? null : unquoteOrSelf(target);
      }
      out.add(new DjangoInventory.Field(f.name(), type, target, f.line(), inherited, f.kwargs()));
    }
    return out;
  }

  private void inheritedFields(
      String module, ModuleFacts.ClassDef c, List<DjangoInventory.Field> into, Set<String> seen) {
    for (String base : c.bases()) {
      String q = qualify(module, base);
      if (!seen.add(q)) {
        continue;
      }
      classOf(q)
          .ifPresent(
              parent -> {
                String parentModule = moduleOfQualified(q);
                into.addAll(ownFields(parentModule, parent, true));
                inheritedFields(parentModule, parent, into, seen);
              });
    }
  }

  // -- URLs -------------------------------------------------------------------

  private List<DjangoInventory.Route> routes() {
    String root = rootUrlconf();
    if (root != null && byModule.containsKey(root)) {
      return new UrlPatterns(this, byModule).from(root);
    }
    List<DjangoInventory.Route> out = new ArrayList<>();
    for (String m : byModule.keySet()) {
      if (m.equals("urls")
          || (m.endsWith(".urls") && m.chars().filter(ch -> ch == '.').count() == 1)) {
        out.addAll(new UrlPatterns(this, byModule).from(m));
      }
    }
    return out;
  }

  private String rootUrlconf() {
    for (String s : settings.modules()) {
      for (ModuleFacts.Assignment a : byModule.get(s).assignments()) {
        if (a.target().equals("ROOT_URLCONF")) {
          String v = unquote(a.value());
          if (v != null && byModule.containsKey(v)) {
            return v;
          }
        }
      }
    }
    for (String s :
        settings.modules()) { // settings written as classes (django-configurations, readthedocs)
      for (ModuleFacts.ClassDef c : byModule.get(s).classes()) {
        String v = unquote(c.attributes().getOrDefault("ROOT_URLCONF", ""));
        if (v != null && byModule.containsKey(v)) {
          return v;
        }
      }
    }
    for (ModuleFacts m :
        byModule.values()) { // settings that are not in a settings module (settings.dist.py)
      for (ModuleFacts.Assignment a : m.assignments()) {
        if (a.target().equals("ROOT_URLCONF")) {
          String v = unquote(a.value());
          if (v != null && byModule.containsKey(v)) {
            return v;
          }
        }
      }
    }
    return null;
  }

  /** The module a relative or absolute import names (null when it is not in the repository). */
  String resolveImport(String module, ModuleFacts.ImportRef ref) {
    String target = ref.level() > 0 ? names.resolve(module, ref) : ref.module();
    return target != null && byModule.containsKey(target) ? target : null;
  }

  /**
   * Whether a class of the repository has, along its bases, one whose written name satisfies {@code
   * test}.
   */
  boolean classBasesReach(String qualified, Predicate<String> test) {
    return classBasesReach(qualified, test, new HashSet<>());
  }

  private boolean classBasesReach(String qualified, Predicate<String> test, Set<String> seen) {
    if (!seen.add(qualified)) {
      return false;
    }
    String real = classAt(qualified).isPresent() ? qualified : canonical(qualified);
    Optional<ModuleFacts.ClassDef> cls = classAt(real);
    if (cls.isEmpty()) {
      return false;
    }
    String module = moduleOfQualified(real);
    for (String base : cls.get().bases()) {
      String q = qualify(module, base);
      if (test.test(base) || test.test(q) || classBasesReach(q, test, seen)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The {@code @action} methods of a viewset class, its own and those of its bases in the
   * repository.
   */
  List<ModuleFacts.FunctionDef> actionsOf(String viewset) {
    List<ModuleFacts.FunctionDef> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    collectActions(viewset, out, names, new HashSet<>());
    return out;
  }

  private void collectActions(
      String qualified, List<ModuleFacts.FunctionDef> out, Set<String> names, Set<String> seen) {
    if (!seen.add(qualified)) {
      return;
    }
    String real = classAt(qualified).isPresent() ? qualified : canonical(qualified);
    Optional<ModuleFacts.ClassDef> cls = classAt(real);
    if (cls.isEmpty()) {
      return;
    }
    String module = moduleOfQualified(real);
    ModuleFacts m = byModule.get(module);
    for (ModuleFacts.FunctionDef f : m.functions()) {
      if (cls.get().qualname().equals(f.className())
          && names.add(f.name())
          && f.decorators().stream()
              .anyMatch(
                  d -> d.startsWith("action(") || d.equals("action") || d.contains(".action("))) {
        out.add(f);
      }
    }
    for (String base : cls.get().bases()) {
      collectActions(qualify(module, base), out, names, seen);
    }
  }

  // -- views, apps, the rest ---------------------------------------------------------

  private List<DjangoInventory.View> views(List<DjangoInventory.Route> routes) {
    Map<String, DjangoInventory.View> out = new TreeMap<>();
    for (ModuleFacts m : byModule.values()) {
      boolean viewsModule =
          m.module().endsWith(".views")
              || m.module().equals("views")
              || m.module().contains(".views.");
      for (ModuleFacts.FunctionDef f : m.functions()) {
        if (f.className() == null
            && viewsModule
            && !f.params().isEmpty()
            && f.params().get(0).equals("request")) {
          out.put(
              m.module() + "." + f.name(),
              new DjangoInventory.View(
                  m.module() + "." + f.name(), m.path(), f.line(), "function"));
        }
      }
      for (ModuleFacts.ClassDef c : m.classes()) {
        // A class view derives from a view class; a mixin (its own name says so) is not a view,
        // whatever it mixes.
        Predicate<String> viewBase =
            b -> {
              String base = b.replaceAll("\\[.*", "");
              return base.endsWith("View") || base.endsWith("ViewSet") || base.endsWith("APIView");
            };
        boolean cbv = !c.name().endsWith("Mixin") && c.bases().stream().anyMatch(viewBase);
        if (cbv && !c.qualname().contains(".")) {
          out.put(
              m.module() + "." + c.name(),
              new DjangoInventory.View(m.module() + "." + c.name(), m.path(), c.line(), "class"));
        }
      }
    }
    for (DjangoInventory.Route r : routes) {
      int dot = r.view().lastIndexOf('.');
      if (dot < 0 || out.containsKey(r.view())) {
        continue;
      }
      ModuleFacts m = byModule.get(r.view().substring(0, dot));
      String simple = r.view().substring(dot + 1);
      if (m != null) {
        m.functions().stream()
            .filter(f -> f.className() == null && f.name().equals(simple))
            .findFirst()
            .ifPresent(
                f ->
                    out.put(
                        r.view(),
                        new DjangoInventory.View(r.view(), m.path(), f.line(), "function")));
        m.classes().stream()
            .filter(c -> c.qualname().equals(simple))
            .findFirst()
            .ifPresent(
                c ->
                    out.putIfAbsent(
                        r.view(), new DjangoInventory.View(r.view(), m.path(), c.line(), "class")));
      }
    }
    return new ArrayList<>(out.values());
  }

  /**
   * Django REST framework serializers: classes whose bases reach a DRF serializer (or any class
   * named ...Serializer through the repository's own bases), with the model of their Meta and the
   * fields that nest other serializers ("customer: CustomerSerializer").
   */
  private List<DjangoInventory.Named> serializers() {
    List<DjangoInventory.Named> out = new ArrayList<>();
    for (ModuleFacts m : byModule.values()) {
      for (ModuleFacts.ClassDef c : m.classes()) {
        if (c.qualname().contains(".")
            || !isSerializer(m.module() + "." + c.name(), new HashSet<>())) {
          continue;
        }
        List<String> detail = new ArrayList<>();
        String model = c.meta().get("model");
        if (model != null) {
          detail.add("model " + qualify(m.module(), model));
        }
        for (ModuleFacts.FieldDef f : c.fields()) {
          String simple = f.callee().substring(f.callee().lastIndexOf('.') + 1);
          if (simple.endsWith("Serializer") && !f.callee().startsWith("serializers.")) {
            detail.add(
                f.name()
                    + ": "
                    + simple
                    + ("True".equals(f.kwargs().get("many")) ? " (many)" : ""));
          }
        }
        out.add(
            new DjangoInventory.Named(
                m.module() + "." + c.name(), m.path(), c.line(), String.join("; ", detail)));
      }
    }
    out.sort(Comparator.comparing(DjangoInventory.Named::name));
    return out;
  }

  private final Map<String, Boolean> serializerCache = new HashMap<>();

  private boolean isSerializer(String qualified, Set<String> seen) {
    if (qualified.startsWith("rest_framework.serializers.")
        || qualified.startsWith("rest_framework_gis.serializers.")) {
      return qualified.endsWith("Serializer");
    }
    Boolean cached = serializerCache.get(qualified);
    if (cached != null) {
      return cached;
    }
    if (!seen.add(qualified)) {
      return false;
    }
    Optional<ModuleFacts.ClassDef> cls = classOf(qualified);
    boolean result =
        cls.isPresent()
            && cls.get().bases().stream()
                .anyMatch(b -> isSerializer(qualify(moduleOfQualified(qualified), b), seen));
    serializerCache.put(qualified, result);
    return result;
  }

  /**
   * The installed apps of every settings module, INSTALLED_APPS read through list and tuple
   * literals, concatenation, +=, .append()/.extend(), variables of the module, imported or
   * star-imported, and splats.
   */
  private List<DjangoInventory.App> apps() {
    Map<String, DjangoInventory.App> out = new LinkedHashMap<>();
    for (String s : settings.modules()) {
      for (String chainModule : settings.starChain(s)) {
        ModuleFacts m = byModule.get(chainModule);
        List<String> installed = new ArrayList<>(stringList(m, "INSTALLED_APPS", 0));
        if (m != null) {
          for (ModuleFacts.ClassDef c : m.classes()) {
            classApps(m, c, installed, new HashSet<>());
          }
        }
        for (String name : installed) {
          String module =
              name.contains(".apps.") ? name.substring(0, name.indexOf(".apps.")) : name;
          boolean local = byModule.containsKey(module) || names.isPackageOrNamespace(module);
          String path =
              !local
                  ? null
                  : names.pathOf(module) != null ? names.pathOf(module) : names.folderOf(module);
          String label = module.substring(module.lastIndexOf('.') + 1);
          out.putIfAbsent(module, new DjangoInventory.App(name, label, local, path));
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  /**
   * INSTALLED_APPS of a settings class (django-configurations, readthedocs' Settings classes) and
   * of the project classes it inherits from: a class attribute, or a method or property building
   * the list (its list literals and the strings it appends, extends or inserts).
   */
  private void classApps(
      ModuleFacts m, ModuleFacts.ClassDef c, List<String> out, Set<String> seen) {
    if (!seen.add(m.module() + "." + c.qualname()) || seen.size() > 12) {
      return;
    }
    String attribute = c.attributes().get("INSTALLED_APPS");
    if (attribute != null) {
      Matcher lit = STRING_LITERAL.matcher(attribute);
      while (lit.find()) {
        String v = unquote(lit.group());
        if (v != null) {
          out.add(v);
        }
      }
    }
    SyntaxNode method = m.builders().get(c.qualname() + ".INSTALLED_APPS");
    if (method != null) {
      method.walk(
          n -> {
            boolean listed = (n.type().equals("list") || n.type().equals("tuple"));
            boolean added =
                n.type().equals("call")
                    && n.child("function")
                        .map(f -> f.text().matches(".*\\.(append|extend|insert)"))
                        .orElse(false);
            if (listed || added) {
              SyntaxNode items = listed ? n : n.child("arguments").orElse(null);
              if (items != null) {
                for (SyntaxNode item : items.children()) {
                  String v = item.type().equals("string") ? unquote(item.text()) : null;
                  if (v != null) {
                    out.add(v);
                  }
                }
              }
            }
          });
    }
    for (String base :
        c.bases()) { // a subclass that changes other settings keeps its parents' apps
      String q = qualify(m.module(), base);
      String real = classAt(q).isPresent() ? q : canonical(q);
      Optional<ModuleFacts.ClassDef> parent = classAt(real);
      if (parent.isPresent()) {
        classApps(byModule.get(moduleOfQualified(real)), parent.get(), out, seen);
      }
    }
  }

  /**
   * The strings a module-level list variable ends up holding (every assignment and addition, in
   * order).
   */
  private List<String> stringList(ModuleFacts m, String var, int depth) {
    List<String> out = new ArrayList<>();
    if (m == null || depth > 8) {
      return out;
    }
    for (ModuleFacts.Assignment a : m.assignments()) {
      if (a.valueNode() == null) {
        continue;
      }
      if (a.target().equals(var) || a.target().equals(var + "+")) {
        strings(m, a.valueNode(), out, depth + 1);
      } else if (a.target().equals(var + "+append")) {
        strings(m, a.valueNode(), out, depth + 1);
      }
    }
    return out;
  }

  private void strings(ModuleFacts m, SyntaxNode e, List<String> out, int depth) {
    if (depth > 12) {
      return;
    }
    switch (e.type()) {
      case "string" -> {
        String v = unquote(e.text());
        if (v != null) {
          out.add(v);
        }
      }
      case "list",
          "tuple",
          "expression_list",
          "parenthesized_expression",
          "binary_operator",
          "list_splat",
          "set" ->
          e.children().forEach(c -> strings(m, c, out, depth + 1));
      case "identifier" -> {
        List<String> local = stringList(m, e.text(), depth + 1);
        if (!local.isEmpty()) {
          out.addAll(local);
          return;
        }
        String q = qualify(m.module(), e.text());
        int dot = q.lastIndexOf('.');
        ModuleFacts other = dot < 0 ? null : byModule.get(q.substring(0, dot));
        if (other != null && other != m) {
          out.addAll(stringList(other, q.substring(dot + 1), depth + 1));
        }
      }
      default -> {
        // a call or a comprehension: not read statically
      }
    }
  }

  private List<DjangoInventory.Named> decorated(Set<String> decorators, String detail) {
    List<DjangoInventory.Named> out = new ArrayList<>();
    for (ModuleFacts m : byModule.values()) {
      for (ModuleFacts.FunctionDef f : m.functions()) {
        for (String d : f.decorators()) {
          String bare = d.contains("(") ? d.substring(0, d.indexOf('(')) : d;
          if (decorators.contains(bare)) {
            out.add(
                new DjangoInventory.Named(
                    m.module() + "." + f.qualname(), m.path(), f.line(), detail));
          }
        }
      }
    }
    return out;
  }

  private List<DjangoInventory.Named> receivers() {
    List<DjangoInventory.Named> out = new ArrayList<>();
    for (ModuleFacts m : byModule.values()) {
      for (ModuleFacts.FunctionDef f : m.functions()) {
        for (String d : f.decorators()) {
          if (d.startsWith("receiver(") || d.startsWith("dispatch.receiver(")) {
            out.add(
                new DjangoInventory.Named(m.module() + "." + f.qualname(), m.path(), f.line(), d));
          }
        }
      }
      for (ModuleFacts.CallRef call : m.calls()) {
        if (call.callee().endsWith(".connect")
            && !call.args().isEmpty()
            && isSignal(
                m, call.callee().substring(0, call.callee().length() - ".connect".length()))) {
          out.add(
              new DjangoInventory.Named(
                  qualify(m.module(), call.args().get(0)), m.path(), call.line(), call.callee()));
        }
      }
    }
    return out;
  }

  /**
   * Whether {@code expr.connect(...)} connects to a Django signal: one of django.db.models.signals,
   * django.core.signals, django.test.signals or django.contrib.auth.signals, or a project's own
   * Signal() (sqlite3.connect, a socket or a Qt signal are not).
   */
  private boolean isSignal(ModuleFacts m, String expr) {
    String q = canonical(qualify(m.module(), expr));
    if (q.startsWith("django.") && q.contains("signals")) {
      return true;
    }
    int dot = q.lastIndexOf('.');
    ModuleFacts where = dot < 0 ? m : byModule.get(q.substring(0, dot));
    String var = dot < 0 ? q : q.substring(dot + 1);
    if (where == null) {
      return false;
    }
    return where.assignments().stream()
        .anyMatch(
            a ->
                a.target().equals(var)
                    && a.value().replaceAll("\\s", "").matches("(\\w+\\.)*Signal\\(.*"));
  }

  private List<DjangoInventory.Test> tests() {
    List<DjangoInventory.Test> out = new ArrayList<>();
    for (ModuleFacts m : byModule.values()) {
      String last = m.module().substring(m.module().lastIndexOf('.') + 1);
      boolean testModule =
          last.equals("tests")
              || last.startsWith("test_")
              || last.endsWith("_tests")
              || m.module().contains(".tests.");
      if (!testModule) {
        continue;
      }
      Map<String, String> classSkips = new HashMap<>();
      for (ModuleFacts.ClassDef c : m.classes()) {
        skipReason(c.decorators()).ifPresent(r -> classSkips.put(c.qualname(), r));
      }
      for (ModuleFacts.FunctionDef f : m.functions()) {
        if (!f.name().startsWith("test")) {
          continue;
        }
        String reason =
            skipReason(f.decorators())
                .orElse(f.className() == null ? null : classSkips.get(f.className()));
        out.add(
            new DjangoInventory.Test(m.module() + "." + f.qualname(), m.path(), f.line(), reason));
      }
    }
    return out;
  }

  private static Optional<String> skipReason(List<String> decorators) {
    for (String d : decorators) {
      String bare = d.contains("(") ? d.substring(0, d.indexOf('(')) : d;
      if (SKIP_DECORATORS.contains(bare)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  // -- literals ----------------------------------------------------------------------

  /** The value of a simple string literal ('x', "x", r'x'), or null when it is not one. */
  static String unquote(String literal) {
    if (literal == null) {
      return null;
    }
    String s = literal.strip();
    int i = 0;
    while (i < s.length() && Character.isLetter(s.charAt(i)) && i < 2) {
      i++;
    }
    String body = s.substring(i);
    if (body.length() >= 2
        && (body.startsWith("\"") && body.endsWith("\"")
            || body.startsWith("'") && body.endsWith("'"))) {
      return body.substring(1, body.length() - 1);
    }
    return null;
  }

  private static String unquoteOrSelf(String s) {
    String u = unquote(s);
    return u != null ? u : s;
  }
}
