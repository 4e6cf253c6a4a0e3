package dev.auditworkbench.engine.django;

import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.repo.ModuleNames;
import dev.auditworkbench.engine.repo.RepoFile;
import dev.auditworkbench.engine.repo.SyntaxNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link DjangoInventory} from every module's facts. Names are resolved the way Python
 * would: a base class or callee "models.Model" is looked up through the module's imports
 * ("from django.db import models" makes it django.db.models.Model), and in-repo classes are
 * followed through their own bases, so models derived through abstract bases, mixins and aliases
 * are found.
 */
public final class InventoryBuilder {
  static final String MODEL = "django.db.models.Model";
  private static final Pattern MIGRATION = Pattern.compile("(.*/)?([^/]+)/migrations/(\\d{4}[^/]*)\\.py");
  private static final Pattern COMMAND = Pattern.compile("(.*/)?management/commands/([^/_][^/]*)\\.py");
  private static final Set<String> ROUTE_FUNCTIONS = Set.of("path", "re_path", "url");
  private static final Set<String> SKIP_DECORATORS =
      Set.of("unittest.skip", "skip", "unittest.skipIf", "skipIf", "unittest.skipUnless", "skipUnless",
          "pytest.mark.skip", "pytest.mark.skipif", "mark.skip", "mark.skipif");

  private final Map<String, ModuleFacts> byModule = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> importedNames = new HashMap<>();
  private final ModuleNames names;
  private final List<RepoFile> files;
  private final Map<String, Boolean> modelCache = new HashMap<>();

  public InventoryBuilder(List<ModuleFacts> modules, ModuleNames names, List<RepoFile> files) {
    this.names = names;
    this.files = files;
    for (ModuleFacts m : modules) {
      if (m.module() != null) {
        byModule.put(m.module(), m);
        importedNames.put(m.module(), localNames(m));
      }
    }
  }

  /** Local name to the dotted name it stands for, from the module's imports. */
  private static Map<String, String> localNames(ModuleFacts m) {
    Map<String, String> out = new HashMap<>();
    for (ModuleFacts.ImportRef ref : m.imports()) {
      if (ref.level() > 0) {
        continue; // resolved below through ModuleNames when needed
      }
      if (ref.name() == null) {
        out.put(ref.boundName(), ref.alias() != null ? ref.module() : ModuleNames.topLevel(ref.module()));
      } else if (!ref.name().equals("*")) {
        out.put(ref.boundName(), ref.module() + "." + ref.name());
      }
    }
    return out;
  }

  /** The dotted name an expression such as "models.Model" stands for in a module. */
  String qualify(String module, String expr) {
    String e = expr.strip();
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
          String target = names.resolve(module, new ModuleFacts.ImportRef(ref.module(), ref.level(), null, null, ref.line()));
          return (target == null ? "" : target + ".") + ref.name() + rest;
        }
      }
      boolean definedHere = facts.classes().stream().anyMatch(c -> c.qualname().equals(head))
          || facts.functions().stream().anyMatch(f -> f.className() == null && f.name().equals(head));
      if (definedHere) {
        return module + "." + head + rest;
      }
    }
    return e;
  }

  public DjangoInventory build() {
    List<DjangoInventory.Model> models = models();
    List<DjangoInventory.Route> routes = routes();
    return new DjangoInventory(apps(), models, views(routes), routes, templates(), migrations(), commands(),
        decorated(Set.of("shared_task", "celery.shared_task", "app.task", "task", "celery_app.task"), "task"),
        receivers(), tests(), settingsModules(), serializers());
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
    Optional<ModuleFacts.ClassDef> cls = classOf(qualified);
    boolean result = cls.isPresent() && cls.get().bases().stream()
        .anyMatch(b -> isModel(qualify(moduleOfQualified(qualified), b), seen));
    modelCache.put(qualified, result);
    return result;
  }

  private Optional<ModuleFacts.ClassDef> classOf(String qualified) {
    int dot = qualified.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    ModuleFacts m = byModule.get(qualified.substring(0, dot));
    String simple = qualified.substring(dot + 1);
    return m == null ? Optional.empty() : m.classes().stream().filter(c -> c.qualname().equals(simple)).findFirst();
  }

  private static String moduleOfQualified(String qualified) {
    return qualified.substring(0, qualified.lastIndexOf('.'));
  }

  private List<DjangoInventory.Model> models() {
    List<DjangoInventory.Model> out = new ArrayList<>();
    for (ModuleFacts m : byModule.values()) {
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
          if (callee.endsWith("Manager()") || callee.endsWith("Manager") || f.callee().endsWith("Manager")
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
        Optional.ofNullable(c.meta().get("index_together")).ifPresent(v -> indexes.add("index_together = " + v));
        Optional.ofNullable(c.meta().get("unique_together")).ifPresent(v -> indexes.add("unique_together = " + v));
        out.add(new DjangoInventory.Model(q, m.path(), c.line(), dbTable, abstractModel, fields, indexes, managers));
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

  private List<DjangoInventory.Field> ownFields(String module, ModuleFacts.ClassDef c, boolean inherited) {
    List<DjangoInventory.Field> out = new ArrayList<>();
    for (ModuleFacts.FieldDef f : c.fields()) {
      String callee = qualify(module, f.callee());
      if (!callee.startsWith("django.db.models.") && !callee.startsWith("django.contrib.postgres.fields.")) {
        continue;
      }
      String type = callee.substring(callee.lastIndexOf('.') + 1);
      if (!type.endsWith("Field") && !type.equals("ForeignKey")) {
        continue;
      }
      String target = null;
      if (type.equals("ForeignKey") || type.equals("OneToOneField") || type.equals("ManyToManyField")) {
        target = f.kwargs().containsKey("to") ? f.kwargs().get("to") : f.args().isEmpty() ? null : f.args().get(0);
        target = target == null ? null : unquoteOrSelf(target);
      }
      out.add(new DjangoInventory.Field(f.name(), type, target, f.line(), inherited, f.kwargs()));
    }
    return out;
  }

  private void inheritedFields(String module, ModuleFacts.ClassDef c, List<DjangoInventory.Field> into, Set<String> seen) {
    for (String base : c.bases()) {
      String q = qualify(module, base);
      if (!seen.add(q)) {
        continue;
      }
      classOf(q).ifPresent(parent -> {
        String parentModule = moduleOfQualified(q);
        into.addAll(ownFields(parentModule, parent, true));
        inheritedFields(parentModule, parent, into, seen);
      });
    }
  }

  // -- URLs -------------------------------------------------------------------

  private List<DjangoInventory.Route> routes() {
    List<DjangoInventory.Route> out = new ArrayList<>();
    String root = rootUrlconf();
    if (root != null && byModule.containsKey(root)) {
      collectRoutes(root, "", out, new HashSet<>());
    } else {
      for (String m : byModule.keySet()) {
        if (m.equals("urls") || (m.endsWith(".urls") && m.chars().filter(ch -> ch == '.').count() == 1)) {
          collectRoutes(m, "", out, new HashSet<>());
        }
      }
    }
    return out;
  }

  private String rootUrlconf() {
    for (String s : settingsModules()) {
      for (ModuleFacts.Assignment a : byModule.get(s).assignments()) {
        if (a.target().equals("ROOT_URLCONF")) {
          return unquote(a.value());
        }
      }
    }
    return null;
  }

  private void collectRoutes(String module, String prefix, List<DjangoInventory.Route> out, Set<String> visiting) {
    ModuleFacts m = byModule.get(module);
    if (m == null || !visiting.add(module)) {
      return;
    }
    for (ModuleFacts.Assignment a : m.assignments()) {
      if (!a.target().equals("urlpatterns") && !a.target().equals("urlpatterns+")) {
        continue;
      }
      for (SyntaxNode element : listElements(a.valueNode())) {
        route(m, prefix, element, out, visiting);
      }
    }
    visiting.remove(module);
  }

  private static List<SyntaxNode> listElements(SyntaxNode value) {
    if (value == null) {
      return List.of();
    }
    if (value.type().equals("attribute")) { // router.urls
      return List.of(value);
    }
    if (value.type().equals("list") || value.type().equals("tuple")) {
      return value.children().stream().filter(c -> !c.type().equals("comment")).toList();
    }
    if (value.type().equals("binary_operator")) { // [..] + [..]
      List<SyntaxNode> out = new ArrayList<>();
      value.children().forEach(c -> out.addAll(listElements(c)));
      return out;
    }
    return List.of();
  }

  private void route(ModuleFacts m, String prefix, SyntaxNode element, List<DjangoInventory.Route> out, Set<String> visiting) {
    if (element.type().equals("attribute") && element.text().endsWith(".urls")) {
      routerRoutes(m, prefix, element.text().substring(0, element.text().length() - ".urls".length()), out);
      return;
    }
    if (!element.type().equals("call")) {
      return;
    }
    String fn = element.child("function").map(SyntaxNode::text).orElse("");
    String simple = fn.substring(fn.lastIndexOf('.') + 1);
    if (!ROUTE_FUNCTIONS.contains(simple)) {
      return;
    }
    List<SyntaxNode> args = element.child("arguments").map(a -> a.children().stream()
        .filter(c -> !c.type().equals("keyword_argument") && !c.type().equals("comment")).toList()).orElse(List.of());
    if (args.size() < 2) {
      return;
    }
    String pattern = prefix + routeText(unquote(args.get(0).text()), simple);
    SyntaxNode target = args.get(1);
    String name = element.child("arguments").flatMap(a -> a.children().stream()
        .filter(c -> c.type().equals("keyword_argument") && c.child("name").map(SyntaxNode::text).orElse("").equals("name"))
        .findFirst()).flatMap(k -> k.child("value")).map(v -> unquote(v.text())).orElse(null);
    if (target.type().equals("call") && target.child("function").map(SyntaxNode::text).orElse("").endsWith("include")) {
      SyntaxNode inc = target.child("arguments").flatMap(a -> a.children().stream().findFirst()).orElse(null);
      if (inc != null && inc.type().equals("string")) {
        collectRoutes(unquote(inc.text()), pattern, out, visiting);
        return;
      }
      if (inc != null && inc.text().endsWith(".urls")
          && routerRoutes(m, pattern, inc.text().substring(0, inc.text().length() - ".urls".length()), out)) {
        return;
      }
      if (inc != null) {
        String q = qualify(m.module(), inc.text());
        if (byModule.containsKey(q)) {
          collectRoutes(q, pattern, out, visiting);
          return;
        }
        out.add(new DjangoInventory.Route(pattern, q, name, m.path(), element.startLine(), "include"));
        return;
      }
    }
    String viewExpr = target.text();
    String kind = simple;
    if (target.type().equals("call") && viewExpr.endsWith(".as_view()") || viewExpr.contains(".as_view(")) {
      viewExpr = viewExpr.substring(0, viewExpr.indexOf(".as_view("));
      kind = simple + ":class";
    }
    out.add(new DjangoInventory.Route(pattern, qualify(m.module(), viewExpr), name, m.path(), element.startLine(), kind));
  }

  /**
   * The routes a Django REST framework router makes for its registered viewsets ({@code
   * router.register(r"invoices", InvoiceViewSet)}): a list route and a detail route each, as
   * {@code SimpleRouter} and {@code DefaultRouter} build them (DefaultRouter's API root and routes of
   * {@code @action} methods are not listed). The router may be defined in another module. Returns false
   * when {@code expr} is not a router.
   */
  private boolean routerRoutes(ModuleFacts m, String prefix, String expr, List<DjangoInventory.Route> out) {
    String q = qualify(m.module(), expr);
    int dot = q.lastIndexOf('.');
    ModuleFacts where = dot < 0 ? m : byModule.get(q.substring(0, dot));
    String name = dot < 0 ? q : q.substring(dot + 1);
    if (where == null || where.assignments().stream().noneMatch(a -> a.target().equals(name)
        && a.value().replaceAll("\\s", "").matches("(\\w+\\.)*\\w*Router\\(.*\\)"))) {
      return false;
    }
    for (ModuleFacts.CallRef c : where.calls()) {
      if (!c.callee().equals(name + ".register") || c.args().size() < 2 && !c.kwargs().containsKey("viewset")) {
        continue;
      }
      String registered = unquote(c.args().isEmpty() ? c.kwargs().get("prefix") : c.args().get(0));
      String viewset = c.args().size() >= 2 ? c.args().get(1) : c.kwargs().get("viewset");
      if (registered == null || viewset == null) {
        continue;
      }
      String basename = Optional.ofNullable(c.kwargs().get("basename")).map(InventoryBuilder::unquote)
          .orElse(registered.replaceAll("[^\\w]+", "-"));
      String view = qualify(where.module(), viewset);
      String base = prefix + (registered.isEmpty() ? "" : registered + "/");
      out.add(new DjangoInventory.Route(base, view, basename + "-list", where.path(), c.line(), "drf-router"));
      out.add(new DjangoInventory.Route(base + "<pk>/", view, basename + "-detail", where.path(), c.line(), "drf-router"));
    }
    return true;
  }

  /** re_path/url patterns lose their anchors when joined: "^invoices/$" reads "invoices/". */
  private static String routeText(String raw, String function) {
    if (raw == null) {
      return "";
    }
    if (function.equals("path")) {
      return raw;
    }
    String r = raw.startsWith("^") ? raw.substring(1) : raw;
    return r.endsWith("$") ? r.substring(0, r.length() - 1) : r;
  }

  // -- views, apps, the rest ---------------------------------------------------------

  private List<DjangoInventory.View> views(List<DjangoInventory.Route> routes) {
    Map<String, DjangoInventory.View> out = new TreeMap<>();
    for (ModuleFacts m : byModule.values()) {
      boolean viewsModule = m.module().endsWith(".views") || m.module().equals("views") || m.module().contains(".views.");
      for (ModuleFacts.FunctionDef f : m.functions()) {
        if (f.className() == null && viewsModule && !f.params().isEmpty() && f.params().get(0).equals("request")) {
          out.put(m.module() + "." + f.name(), new DjangoInventory.View(m.module() + "." + f.name(), m.path(), f.line(), "function"));
        }
      }
      for (ModuleFacts.ClassDef c : m.classes()) {
        boolean cbv = c.bases().stream().anyMatch(b -> b.endsWith("View") || b.endsWith("ViewSet") || b.endsWith("Mixin") && viewsModule);
        if (cbv && !c.qualname().contains(".")) {
          out.put(m.module() + "." + c.name(), new DjangoInventory.View(m.module() + "." + c.name(), m.path(), c.line(), "class"));
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
        m.functions().stream().filter(f -> f.className() == null && f.name().equals(simple)).findFirst()
            .ifPresent(f -> out.put(r.view(), new DjangoInventory.View(r.view(), m.path(), f.line(), "function")));
      }
    }
    return new ArrayList<>(out.values());
  }

  /**
   * Django REST framework serializers: classes whose bases reach a DRF serializer (or any class named
   * ...Serializer through the repository's own bases), with the model of their Meta and the fields
   * that nest other serializers ("customer: CustomerSerializer").
   */
  private List<DjangoInventory.Named> serializers() {
    List<DjangoInventory.Named> out = new ArrayList<>();
    for (ModuleFacts m : byModule.values()) {
      for (ModuleFacts.ClassDef c : m.classes()) {
        if (c.qualname().contains(".") || !isSerializer(m.module() + "." + c.name(), new HashSet<>())) {
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
            detail.add(f.name() + ": " + simple + ("True".equals(f.kwargs().get("many")) ? " (many)" : ""));
          }
        }
        out.add(new DjangoInventory.Named(m.module() + "." + c.name(), m.path(), c.line(), String.join("; ", detail)));
      }
    }
    out.sort(java.util.Comparator.comparing(DjangoInventory.Named::name));
    return out;
  }

  private final Map<String, Boolean> serializerCache = new HashMap<>();

  private boolean isSerializer(String qualified, Set<String> seen) {
    if (qualified.startsWith("rest_framework.serializers.") || qualified.startsWith("rest_framework_gis.serializers.")) {
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
    boolean result = cls.isPresent()
        && cls.get().bases().stream().anyMatch(b -> isSerializer(qualify(moduleOfQualified(qualified), b), seen));
    serializerCache.put(qualified, result);
    return result;
  }

  private List<String> settingsModules() {
    List<String> out = new ArrayList<>();
    for (ModuleFacts m : byModule.values()) {
      String mod = m.module();
      if (mod.endsWith(".settings") || mod.equals("settings") || mod.contains(".settings.")) {
        boolean hasSettings = m.assignments().stream().anyMatch(a -> a.target().equals("INSTALLED_APPS")
            || a.target().equals("DEBUG") || a.target().equals("ROOT_URLCONF") || a.target().equals("DATABASES"));
        if (hasSettings) {
          out.add(mod);
        }
      }
    }
    out.sort(null);
    return out;
  }

  private List<DjangoInventory.App> apps() {
    Map<String, DjangoInventory.App> out = new LinkedHashMap<>();
    for (String s : settingsModules()) {
      for (ModuleFacts.Assignment a : byModule.get(s).assignments()) {
        if (!a.target().equals("INSTALLED_APPS") && !a.target().equals("INSTALLED_APPS+")) {
          continue;
        }
        for (SyntaxNode e : listElements(a.valueNode())) {
          String name = unquote(e.text());
          if (name == null) {
            continue;
          }
          String module = name.contains(".apps.") ? name.substring(0, name.indexOf(".apps.")) : name;
          boolean local = byModule.containsKey(module) || names.isPackage(module);
          String path = local && names.pathOf(module) != null ? names.pathOf(module) : null;
          String label = module.substring(module.lastIndexOf('.') + 1);
          out.putIfAbsent(module, new DjangoInventory.App(name, label, local, path));
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  private List<String> templates() {
    return files.stream().map(RepoFile::path)
        .filter(p -> (p.startsWith("templates/") || p.contains("/templates/"))
            && (p.endsWith(".html") || p.endsWith(".txt") || p.endsWith(".xml") || p.endsWith(".jinja2")))
        .toList();
  }

  private Map<String, List<String>> migrations() {
    Map<String, List<String>> out = new TreeMap<>();
    for (RepoFile f : files) {
      Matcher m = MIGRATION.matcher(f.path());
      if (m.matches()) {
        out.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(m.group(3));
      }
    }
    return out;
  }

  private List<DjangoInventory.Named> commands() {
    List<DjangoInventory.Named> out = new ArrayList<>();
    for (RepoFile f : files) {
      Matcher m = COMMAND.matcher(f.path());
      if (m.matches()) {
        out.add(new DjangoInventory.Named(m.group(2), f.path(), 1, "management command"));
      }
    }
    return out;
  }

  private List<DjangoInventory.Named> decorated(Set<String> decorators, String detail) {
    List<DjangoInventory.Named> out = new ArrayList<>();
    for (ModuleFacts m : byModule.values()) {
      for (ModuleFacts.FunctionDef f : m.functions()) {
        for (String d : f.decorators()) {
          String bare = d.contains("(") ? d.substring(0, d.indexOf('(')) : d;
          if (decorators.contains(bare)) {
            out.add(new DjangoInventory.Named(m.module() + "." + f.qualname(), m.path(), f.line(), detail));
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
            out.add(new DjangoInventory.Named(m.module() + "." + f.qualname(), m.path(), f.line(), d));
          }
        }
      }
      for (ModuleFacts.CallRef call : m.calls()) {
        if (call.callee().endsWith(".connect") && !call.args().isEmpty()) {
          out.add(new DjangoInventory.Named(qualify(m.module(), call.args().get(0)), m.path(), call.line(), call.callee()));
        }
      }
    }
    return out;
  }

  private List<DjangoInventory.Test> tests() {
    List<DjangoInventory.Test> out = new ArrayList<>();
    for (ModuleFacts m : byModule.values()) {
      String last = m.module().substring(m.module().lastIndexOf('.') + 1);
      boolean testModule = last.equals("tests") || last.startsWith("test_") || last.endsWith("_tests")
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
        String reason = skipReason(f.decorators()).orElse(f.className() == null ? null : classSkips.get(f.className()));
        out.add(new DjangoInventory.Test(m.module() + "." + f.qualname(), m.path(), f.line(), reason));
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
    if (body.length() >= 2 && (body.startsWith("\"") && body.endsWith("\"") || body.startsWith("'") && body.endsWith("'"))) {
      return body.substring(1, body.length() - 1);
    }
    return null;
  }

  private static String unquoteOrSelf(String s) {
    String u = unquote(s);
    return u != null ? u : s;
  }
}
