package dev.auditworkbench.engine.scan;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.OwaspTop10;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.spi.RawFinding;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Multi-tenant data reachable across tenants: a model with a tenant foreign key (its own or an
 * abstract base's) whose default manager is replaced by one that does not derive from a
 * tenant-filtering manager (a manager class whose name or ancestry says Tenant). In a SaaS
 * monolith this is the classic data leak: one customer's rows in another's screens and exports.
 * Known limits: managers that filter by tenant without "Tenant" in their class names are taken as
 * unfiltered (false positive); filters written in each view are not checked here.
 */
final class TenancyRule implements Rule {
  @Override
  public String id() {
    return "tenancy";
  }

  @Override
  public String description() {
    return "Tenant-scoped models whose default manager does not filter by tenant";
  }

  @Override
  public void check(RepoAnalysis a, Consumer<RawFinding> out) {
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
        int line = managerLine(moduleOf.get(model.qualname().substring(model.qualname().lastIndexOf('.') + 1)), model);
        out.accept(RawFinding.builder("tenancy.unscoped-manager")
            .nativeRuleId("unscoped-manager")
            .title("Tenant data leak: " + model.qualname() + ".objects (" + simple + ") does not filter by tenant")
            .description(model.qualname() + " belongs to a tenant (" + tenantField(model).get().name() + " -> "
                + tenantField(model).get().target() + ") but its default manager " + simple
                + " does not derive from a tenant-filtering manager, so " + simpleName(model) + ".objects.all()"
                + " returns every tenant's rows. Derive the manager from the tenant manager (or filter in"
                + " get_queryset) and audit the views that use it.")
            .category(Category.SECURITY).severity(Severity.HIGH).confidence(Confidence.MEDIUM)
            .path(model.path()).lines(line, line)
            .symbol(model.qualname())
            .evidence(Evidence.Kind.CODE, manager)
            .cwe(639).owasp(OwaspTop10.A01.id())
            .defaultEffort(Effort.hours(8))
            .build());
      }
    }
  }

  private static Optional<DjangoInventory.Field> tenantField(DjangoInventory.Model model) {
    return model.fields().stream()
        .filter(f -> f.isRelation() && (f.name().equals("tenant") || f.target().endsWith("Tenant")))
        .findFirst();
  }

  /** A manager is tenant-aware when its class, or a class it derives from, is named for tenants. */
  private static boolean tenantAware(String name, Map<String, ModuleFacts.ClassDef> classes, Set<String> seen) {
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
    return module.classes().stream().filter(c -> c.name().equals(simple)).findFirst()
        .flatMap(c -> c.fields().stream().filter(f -> f.name().equals("objects")).findFirst())
        .map(ModuleFacts.FieldDef::line).orElse(model.line());
  }

  private static String simpleName(DjangoInventory.Model model) {
    return model.qualname().substring(model.qualname().lastIndexOf('.') + 1);
  }
}
