package dev.auditworkbench.engine.django;

import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.repo.TestCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The models of the repository: classes whose bases reach django.db.models.Model, with their fields
 * (own and inherited), table, indexes and managers.
 */
final class ModelInventory {
  static final String MODEL = "django.db.models.Model";
  private final Map<String, Boolean> modelCache = new HashMap<>();
  private final PythonNames py;

  ModelInventory(PythonNames py) {
    this.py = py;
  }

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
    String real = py.classAt(qualified).isPresent() ? qualified : py.canonical(qualified);
    Optional<ModuleFacts.ClassDef> cls = py.classAt(real);
    boolean result =
        KnownModelBases.contains(qualified)
            || KnownModelBases.contains(real)
            || isUserModelAlias(real)
            || cls.isPresent()
                && cls.get().bases().stream()
                    .anyMatch(
                        b -> isModel(py.qualify(PythonNames.moduleOfQualified(real), b), seen));
    modelCache.put(qualified, result);
    return result;
  }

  /** User = get_user_model(): the project's user model, a model whatever it is. */
  private boolean isUserModelAlias(String qualified) {
    int dot = qualified.lastIndexOf('.');
    ModuleFacts m = dot < 0 ? null : py.byModule().get(qualified.substring(0, dot));
    String var = dot < 0 ? null : qualified.substring(dot + 1);
    return m != null
        && m.assignments().stream()
            .anyMatch(
                a ->
                    a.target().equals(var)
                        && a.value().replaceAll("\\s", "").endsWith("get_user_model()"));
  }

  List<DjangoInventory.Model> models() {
    List<DjangoInventory.Model> out = new ArrayList<>();
    for (ModuleFacts m : py.byModule().values()) {
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
          String callee = py.qualify(m.module(), f.callee());
          if (callee.endsWith("Manager()")
              || callee.endsWith("Manager")
              || f.callee().endsWith("Manager")
              || callee.endsWith(".from_queryset")) {
            managers.add(f.name() + " = " + f.callee() + "()");
          }
        }
        String dbTable = PythonNames.unquote(c.meta().get("db_table"));
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
      String callee = py.qualify(module, f.callee());
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
        target = target == null ? null : PythonNames.unquoteOrSelf(target);
      }
      out.add(new DjangoInventory.Field(f.name(), type, target, f.line(), inherited, f.kwargs()));
    }
    return out;
  }

  private void inheritedFields(
      String module, ModuleFacts.ClassDef c, List<DjangoInventory.Field> into, Set<String> seen) {
    for (String base : c.bases()) {
      String q = py.qualify(module, base);
      if (!seen.add(q)) {
        continue;
      }
      py.classOf(q)
          .ifPresent(
              parent -> {
                String parentModule = PythonNames.moduleOfQualified(q);
                into.addAll(ownFields(parentModule, parent, true));
                inheritedFields(parentModule, parent, into, seen);
              });
    }
  }
}
