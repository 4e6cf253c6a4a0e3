package dev.auditworkbench.engine.django;

import dev.auditworkbench.engine.repo.ModuleFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Views (functions taking a request, classes the routes name) and DRF serializers. */
final class ViewInventory {
  private final PythonNames py;
  private final Map<String, Boolean> serializerCache = new HashMap<>();

  ViewInventory(PythonNames py) {
    this.py = py;
  }

  List<DjangoInventory.View> views(List<DjangoInventory.Route> routes) {
    Map<String, DjangoInventory.View> out = new TreeMap<>();
    for (ModuleFacts m : py.byModule().values()) {
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
      ModuleFacts m = py.byModule().get(r.view().substring(0, dot));
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
  List<DjangoInventory.Named> serializers() {
    List<DjangoInventory.Named> out = new ArrayList<>();
    for (ModuleFacts m : py.byModule().values()) {
      for (ModuleFacts.ClassDef c : m.classes()) {
        if (c.qualname().contains(".")
            || !isSerializer(m.module() + "." + c.name(), new HashSet<>())) {
          continue;
        }
        List<String> detail = new ArrayList<>();
        String model = c.meta().get("model");
        if (model != null) {
          detail.add("model " + py.qualify(m.module(), model));
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
    Optional<ModuleFacts.ClassDef> cls = py.classOf(qualified);
    boolean result =
        cls.isPresent()
            && cls.get().bases().stream()
                .anyMatch(
                    b ->
                        isSerializer(
                            py.qualify(PythonNames.moduleOfQualified(qualified), b), seen));
    serializerCache.put(qualified, result);
    return result;
  }
}
