package dev.auditworkbench.engine.django.rules;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.OwaspTop10;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.spi.RawFinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Multi-tenant data reachable across tenants: a model with a tenant foreign key (its own or an
 * abstract base's) whose default manager is replaced by one that does not derive from a
 * tenant-filtering manager (a manager class whose name or ancestry says Tenant). In a SaaS monolith
 * this is the classic data leak: one customer's rows in another's screens and exports. In views, a
 * query through a manager that does not filter by tenant (an explicit {@code all_tenants} style
 * manager, or the default one of such a model) with no tenant filter in the same call chain ({@code
 * tenant=}, {@code tenant_id=}, {@code tenant__...}, {@code for_tenant(...)}) is reported where it
 * is written. Known limits: managers that filter by tenant without "Tenant" in their class names
 * are taken as unfiltered (false positive); a filter applied to the queryset on a later line is not
 * followed (false positive), and code outside views (tasks, commands) is not judged.
 */
final class TenancyRule implements Rule {
  @Override
  public String id() {
    return "tenancy";
  }

  @Override
  public String description() {
    return "Tenant-scoped models whose default manager does not filter by tenant; view queries through an unscoped"
        + " manager without a tenant filter";
  }

  /**
   * Whether the project is multi-tenant by evidence: a tenant foreign key on at least a quarter of
   * its concrete models (and at least three), or a tenant-filtering manager or tenant middleware of
   * its own. A project with a tenant field on two models is not a SaaS whose every query must be
   * scoped.
   */
  static boolean multiTenant(RepoAnalysis a) {
    List<DjangoInventory.Model> concrete =
        a.inventory().models().stream().filter(m -> !m.abstractModel()).toList();
    long tenantModels = concrete.stream().filter(m -> tenantField(m).isPresent()).count();
    if (tenantModels >= 3 && tenantModels * 4 >= concrete.size()) {
      return true;
    }
    return a.modules().stream()
        .flatMap(m -> m.classes().stream())
        .anyMatch(
            c ->
                c.name().contains("Tenant")
                    && (c.name().endsWith("Middleware")
                        || c.name().endsWith("Manager") && !c.name().startsWith("Un")));
  }

  @Override
  public void check(RepoAnalysis a, Consumer<RawFinding> out) {
    if (!multiTenant(a)) {
      return;
    }
    Map<String, ModuleFacts.ClassDef> classesByName = new HashMap<>();
    Map<String, ModuleFacts> moduleOf = new HashMap<>();
    for (ModuleFacts m : a.modules()) {
      for (ModuleFacts.ClassDef c : m.classes()) {
        classesByName.putIfAbsent(c.name(), c);
        moduleOf.putIfAbsent(c.name(), m);
      }
    }
    for (DjangoInventory.Model model : a.inventory().models()) {
      if (model.abstractModel() || tenantField(model).isEmpty()) {
        continue;
      }
      for (String manager : model.managers()) {
        if (!manager.startsWith("objects = ")) {
          continue;
        }
        String cls = manager.substring("objects = ".length()).replaceAll("\\(.*$", "");
        String simple = cls.substring(cls.lastIndexOf('.') + 1);
        if (tenantAware(simple, classesByName, new HashSet<>())) {
          continue;
        }
        int line =
            managerLine(
                moduleOf.get(model.qualname().substring(model.qualname().lastIndexOf('.') + 1)),
                model);
        out.accept(
            RawFinding.builder("tenancy.unscoped-manager")
                .nativeRuleId("unscoped-manager")
                .title(
                    "Tenant data leak: "
                        + model.qualname()
                        + ".objects ("
                        + simple
                        + ") does not filter by tenant")
                .description(
                    model.qualname()
                        + " belongs to a tenant ("
                        + tenantField(model).get().name()
                        + " -> "
                        + tenantField(model).get().target()
                        + ") but its default manager "
                        + simple
                        + " does not derive from a tenant-filtering manager, so "
                        + simpleName(model)
                        + ".objects.all()"
                        + " returns every tenant's rows. Derive the manager from the tenant manager (or filter in"
                        + " get_queryset) and audit the views that use it.")
                .category(Category.SECURITY)
                .severity(Severity.HIGH)
                .confidence(Confidence.MEDIUM)
                .path(model.path())
                .lines(line, line)
                .symbol(model.qualname())
                .evidence(Evidence.Kind.CODE, manager)
                .cwe(639)
                .owasp(OwaspTop10.A01.id())
                .defaultEffort(Effort.hours(8))
                .build());
      }
    }
    viewQueries(a, classesByName, out);
  }

  /**
   * A manager method called on a model: Model.manager.method (every manager method but create
   * starts a query).
   */
  private static final Pattern QUERY = Pattern.compile("^(\\w+)\\.(\\w+)\\.(\\w+)$");

  private static final Set<String> NOT_QUERIES = Set.of("create", "bulk_create", "none", "model");
  private static final Pattern TENANT_FILTER =
      Pattern.compile("\\btenant(_id)?(__\\w+)?\\s*=|for_tenant\\(");

  /**
   * The project's own scoping methods: methods of its querysets and managers whose code filters by
   * tenant, user, owner or organisation ({@code .restrict(user, action)}, {@code .for_user(u)},
   * {@code .visible_to(u)}). A query through one of them is scoped, whatever it is called.
   */
  private static Set<String> scopingMethods(RepoAnalysis a) {
    Set<String> out = new HashSet<>(Set.of("for_tenant"));
    Pattern filters =
        Pattern.compile(
            "(?s)\\.(filter|exclude)\\([^)]*\\b(tenant|user|owner|organi[sz]ation|team|member|"
                + "account|customer|company)\\w*\\s*=|get_objects_for_user|\\.restrict\\(");
    for (ModuleFacts m : a.modules()) {
      for (ModuleFacts.FunctionDef f : m.functions()) {
        if (f.className() == null || f.isClosure() || f.params().size() < 2) {
          continue; // a method taking who is asking: self plus a user, tenant or action
        }
        ModuleFacts.ClassDef cls =
            m.classes().stream()
                .filter(c -> c.qualname().equals(f.className()))
                .findFirst()
                .orElse(null);
        if (cls == null
            || cls.bases().stream()
                .noneMatch(b -> b.contains("QuerySet") || b.contains("Manager"))) {
          continue;
        }
        try {
          List<String> lines =
              Files.readAllLines(a.repo().resolve(m.path()), StandardCharsets.UTF_8);
          String body =
              String.join(
                  "\n",
                  lines.subList(
                      Math.min(lines.size(), f.line()), Math.min(lines.size(), f.endLine())));
          if (filters.matcher(body).find()) {
            out.add(f.name());
          }
        } catch (IOException | RuntimeException e) {
          // an unreadable file scopes nothing
        }
      }
    }
    return out;
  }

  private static boolean scopedByProjectMethod(String written, Set<String> methods) {
    for (String method : methods) {
      if (written.contains("." + method + "(")) {
        return true;
      }
    }
    return false;
  }

  private static void viewQueries(
      RepoAnalysis a, Map<String, ModuleFacts.ClassDef> classes, Consumer<RawFinding> out) {
    Set<String> scopingMethods = scopingMethods(a);
    Map<String, Set<String>> unscoped = new HashMap<>();
    for (DjangoInventory.Model model : a.inventory().models()) {
      if (model.abstractModel() || tenantField(model).isEmpty()) {
        continue;
      }
      Map<String, String> managers = managersOf(simpleName(model), classes, new HashSet<>());
      Set<String> leaky = new HashSet<>();
      managers.putIfAbsent("objects", "Manager");
      managers.forEach(
          (name, cls) -> {
            if (!tenantAware(cls, classes, new HashSet<>())) {
              leaky.add(name);
            }
          });
      if (!leaky.isEmpty()) {
        unscoped.put(simpleName(model), leaky);
      }
    }
    Map<String, Set<String>> viewsByPath = new HashMap<>();
    for (DjangoInventory.View v : a.inventory().views()) {
      viewsByPath
          .computeIfAbsent(v.path(), k -> new HashSet<>())
          .add(v.qualname().substring(v.qualname().lastIndexOf('.') + 1));
    }
    for (ModuleFacts m : a.modules()) {
      Set<String> views = viewsByPath.get(m.path());
      if (views == null) {
        continue;
      }
      Map<Integer, String> chainAt = new HashMap<>();
      for (ModuleFacts.CallRef c : m.calls()) {
        chainAt.merge(
            c.line(),
            c.callee() + "(" + String.join(",", c.args()) + "," + c.kwargs() + ")",
            (x, y) -> x + " " + y);
      }
      Set<Integer> reported = new HashSet<>();
      for (ModuleFacts.CallRef c : m.calls()) {
        Matcher q = QUERY.matcher(c.callee());
        if (!q.matches() || c.enclosingFunction() == null) {
          continue;
        }
        String function = c.enclosingFunction();
        String owner =
            function.contains(".") ? function.substring(0, function.indexOf('.')) : function;
        Set<String> leaky = unscoped.get(q.group(1));
        if (!views.contains(owner)
            || leaky == null
            || !leaky.contains(q.group(2))
            || NOT_QUERIES.contains(q.group(3))) {
          continue;
        }
        String written = chainAt.getOrDefault(c.line(), "");
        if (TENANT_FILTER.matcher(written).find()
            || scopedByProjectMethod(written, scopingMethods)
            || c.kwargs().keySet().stream().anyMatch(k -> k.matches("tenant(_id)?(__\\w+)?"))
            || !reported.add(c.line())) {
          continue;
        }
        String query =
            q.group(1)
                + "."
                + q.group(2)
                + "."
                + q.group(3)
                + "("
                + String.join(", ", c.args())
                + (c.args().isEmpty() || c.kwargs().isEmpty() ? "" : ", ")
                + String.join(
                    ", ",
                    c.kwargs().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .toList())
                + ")";
        out.accept(
            RawFinding.builder("tenancy.unscoped-query")
                .nativeRuleId("unscoped-query")
                .title(
                    "Tenant data leak in a view: "
                        + q.group(1)
                        + "."
                        + q.group(2)
                        + " without a tenant filter in "
                        + function)
                .description(
                    "The view "
                        + function
                        + " ("
                        + m.path()
                        + ":"
                        + c.line()
                        + ") queries "
                        + q.group(1)
                        + ", which belongs"
                        + " to a tenant, through the manager "
                        + q.group(2)
                        + " that does not filter by tenant, and adds no tenant"
                        + " filter itself: any tenant's user who can reach the view can read or change another tenant's rows."
                        + (q.group(2).equals("objects")
                            ? " Fixing "
                                + q.group(1)
                                + "'s default manager (tenancy.unscoped-manager)"
                                + " fixes this query too."
                            : " Use the tenant-filtering manager, or filter by request.tenant."))
                .category(Category.SECURITY)
                .severity(Severity.HIGH)
                .confidence(Confidence.MEDIUM)
                .path(m.path())
                .lines(c.line(), c.line())
                .symbol(m.module() + "." + function)
                .evidence(Evidence.Kind.CODE, query)
                .cwe(639)
                .owasp(OwaspTop10.A01.id())
                .defaultEffort(Effort.hours(2))
                .build());
      }
    }
  }

  /**
   * Manager attribute name to manager class (simple name), through the class and its bases;
   * subclasses win.
   */
  private static Map<String, String> managersOf(
      String cls, Map<String, ModuleFacts.ClassDef> classes, Set<String> seen) {
    Map<String, String> out = new HashMap<>();
    ModuleFacts.ClassDef c = classes.get(cls);
    if (c == null || !seen.add(cls)) {
      return out;
    }
    for (ModuleFacts.FieldDef f : c.fields()) {
      String callee = f.callee();
      String simple = callee.substring(callee.lastIndexOf('.') + 1);
      if (simple.endsWith("Manager")
          || callee.endsWith("as_manager")
          || callee.contains("from_queryset")) {
        out.put(
            f.name(),
            callee.endsWith("as_manager")
                ? callee
                    .substring(0, callee.length() - ".as_manager".length())
                    .replaceAll("^.*\\.", "")
                : simple);
      }
    }
    for (String base : c.bases()) {
      String b = base.replaceAll("\\(.*$", "");
      managersOf(b.substring(b.lastIndexOf('.') + 1), classes, seen).forEach(out::putIfAbsent);
    }
    return out;
  }

  private static Optional<DjangoInventory.Field> tenantField(DjangoInventory.Model model) {
    return model.fields().stream()
        .filter(f -> f.isRelation() && (f.name().equals("tenant") || f.target().endsWith("Tenant")))
        .findFirst();
  }

  /** A manager is tenant-aware when its class, or a class it derives from, is named for tenants. */
  private static boolean tenantAware(
      String name, Map<String, ModuleFacts.ClassDef> classes, Set<String> seen) {
    if (name.contains("Tenant")) {
      return true;
    }
    if (!seen.add(name)) {
      return false;
    }
    ModuleFacts.ClassDef c = classes.get(name);
    if (c == null) {
      return false;
    }
    for (String base : c.bases()) {
      String simple = base.replaceAll("\\(.*$", "");
      simple = simple.substring(simple.lastIndexOf('.') + 1);
      if (tenantAware(simple, classes, seen)) {
        return true;
      }
    }
    return false;
  }

  private static int managerLine(ModuleFacts module, DjangoInventory.Model model) {
    if (module == null) {
      return model.line();
    }
    String simple = simpleName(model);
    return module.classes().stream()
        .filter(c -> c.name().equals(simple))
        .findFirst()
        .flatMap(c -> c.fields().stream().filter(f -> f.name().equals("objects")).findFirst())
        .map(ModuleFacts.FieldDef::line)
        .orElse(model.line());
  }

  private static String simpleName(DjangoInventory.Model model) {
    return model.qualname().substring(model.qualname().lastIndexOf('.') + 1);
  }
}
