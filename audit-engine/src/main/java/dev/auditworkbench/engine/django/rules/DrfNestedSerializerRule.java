package dev.auditworkbench.engine.django.rules;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.spi.RawFinding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * N+1 hints for Django REST framework: a view (viewset or generic API view) whose {@code
 * serializer_class} nests serializers for its model's relations ({@code customer =
 * CustomerSerializer()}, {@code lines = LineSerializer(many=True)}, or {@code source=} naming the
 * relation) while its {@code queryset} has no select_related (foreign keys, one-to-one) or
 * prefetch_related (many-to-many, reverse relations) for them: every object in a list response
 * costs one more query per nested relation. Known limits: {@code get_queryset()} overrides and
 * {@code get_serializer_class()} are not followed, nor nesting two levels deep; relations the
 * models do not declare (properties) are not judged.
 */
final class DrfNestedSerializerRule implements Rule {
  /** DRF views and mixins that serialise one object at most: no list, so no N+1. */
  private static final Set<String> SINGLE_OBJECT =
      Set.of(
          "CreateAPIView",
          "UpdateAPIView",
          "DestroyAPIView",
          "RetrieveAPIView",
          "RetrieveUpdateAPIView",
          "RetrieveDestroyAPIView",
          "RetrieveUpdateDestroyAPIView",
          "GenericAPIView",
          "GenericViewSet",
          "APIView",
          "ViewSet",
          "CreateModelMixin",
          "UpdateModelMixin",
          "DestroyModelMixin",
          "RetrieveModelMixin");

  /** A view whose every base is a known single-object DRF class and that defines no list method. */
  private static boolean neverLists(ModuleFacts.ClassDef v) {
    return !v.bases().isEmpty()
        && !v.methods().contains("list")
        && v.bases().stream()
            .map(b -> b.replaceAll("\\[.*", ""))
            .map(b -> b.substring(b.lastIndexOf('.') + 1))
            .allMatch(SINGLE_OBJECT::contains);
  }

  @Override
  public String id() {
    return "nplusone-drf";
  }

  @Override
  public String description() {
    return "DRF views whose serializer nests related serializers without select_related/prefetch_related on the queryset";
  }

  @Override
  public void check(RepoAnalysis a, Consumer<RawFinding> out) {
    DjangoInventory inv = a.inventory();
    if (inv.serializers().isEmpty()) {
      return;
    }
    Map<String, ModuleFacts.ClassDef> classes = new HashMap<>();
    Map<String, ModuleFacts> moduleOf = new HashMap<>();
    for (ModuleFacts m : a.modules()) {
      for (ModuleFacts.ClassDef c : m.classes()) {
        classes.put(m.module() + "." + c.qualname(), c);
        moduleOf.put(m.module() + "." + c.qualname(), m);
      }
    }
    Map<String, String> serializerBySimple = new HashMap<>();
    inv.serializers().forEach(s -> serializerBySimple.putIfAbsent(simple(s.name()), s.name()));
    Map<String, DjangoInventory.Model> models = new HashMap<>();
    inv.models().forEach(m -> models.putIfAbsent(simple(m.qualname()), m));
    for (DjangoInventory.View view : inv.views()) {
      ModuleFacts.ClassDef v = classes.get(view.qualname());
      if (v == null || v.attributes() == null) {
        continue;
      }
      String serializerExpr = v.attributes().get("serializer_class");
      String queryset = v.attributes().get("queryset");
      if (serializerExpr == null || queryset == null || neverLists(v)) {
        continue;
      }
      String serializer = serializerBySimple.get(simple(serializerExpr.strip()));
      ModuleFacts.ClassDef s = serializer == null ? null : classes.get(serializer);
      if (s == null || s.meta().get("model") == null) {
        continue;
      }
      DjangoInventory.Model model = models.get(simple(s.meta().get("model").strip()));
      if (model == null) {
        continue;
      }
      List<String> missing = new ArrayList<>();
      List<String> reads = new ArrayList<>();
      for (ModuleFacts.FieldDef f : s.fields()) {
        if (!serializerBySimple.containsKey(simple(f.callee()))) {
          continue;
        }
        String relation =
            Optional.ofNullable(f.kwargs().get("source"))
                .map(x -> x.replaceAll("['\"]", ""))
                .orElse(f.name());
        relation = relation.contains(".") ? relation.substring(0, relation.indexOf('.')) : relation;
        String need = need(model, relation, inv);
        if (need != null && !NPlusOneHints.covered(queryset, need)) {
          missing.add(need);
          reads.add(
              f.name()
                  + " ("
                  + simple(f.callee())
                  + ("True".equals(f.kwargs().get("many")) ? ", many" : "")
                  + ") through "
                  + simple(model.qualname())
                  + "."
                  + relation);
        }
      }
      if (missing.isEmpty()) {
        continue;
      }
      int line =
          v.fields().stream()
              .filter(f -> f.name().equals("queryset"))
              .findFirst()
              .map(ModuleFacts.FieldDef::line)
              .orElse(view.line());
      String names =
          String.join(", ", missing.stream().map(n -> n.substring(n.indexOf(':') + 1)).toList());
      out.accept(
          RawFinding.builder("nplusone.serializer")
              .nativeRuleId("drf-nested")
              .title(
                  "N+1 in "
                      + simple(view.qualname())
                      + ": "
                      + simple(serializer)
                      + " nests "
                      + names
                      + " without select_related/prefetch_related")
              .description(
                  "The view "
                      + view.qualname()
                      + " serialises each "
                      + simple(model.qualname())
                      + " of its queryset with "
                      + simple(serializer)
                      + ", which nests "
                      + String.join("; ", reads)
                      + ": a list response makes one more"
                      + " query per object and nested relation. "
                      + NPlusOneHints.advice(missing)
                      + " Confidence is medium until a trace shows the repeated query.")
              .category(Category.PERFORMANCE)
              .severity(Severity.MEDIUM)
              .confidence(Confidence.MEDIUM)
              .path(view.path())
              .lines(line, line)
              .symbol(view.qualname())
              .keyEvidence(view.qualname() + ":" + names)
              .evidence(
                  Evidence.Kind.CODE,
                  "queryset = "
                      + queryset.strip()
                      + "\nserializer_class = "
                      + serializerExpr.strip())
              .defaultImpact(Impact.of(3))
              .defaultEffort(Effort.hours(2))
              .build());
    }
  }

  /**
   * "select:customer" for a forward relation of the model, "prefetch:lines" for a many or reverse
   * one, else null.
   */
  private static String need(DjangoInventory.Model model, String relation, DjangoInventory inv) {
    for (DjangoInventory.Field f : model.fields()) {
      if (f.name().equals(relation) && f.isRelation()) {
        return f.type().contains("ManyToMany") ? "prefetch:" + relation : "select:" + relation;
      }
    }
    String simple = simple(model.qualname());
    for (DjangoInventory.Model other : inv.models()) {
      for (DjangoInventory.Field f : other.fields()) {
        if (!f.isRelation() || !simple(f.target()).equals(simple)) {
          continue;
        }
        String related = f.options().get("related_name");
        String reverse =
            related != null
                ? related.replaceAll("['\"]", "")
                : simple(other.qualname()).toLowerCase(Locale.ROOT) + "_set";
        if (reverse.equals(relation)) {
          return "prefetch:" + relation;
        }
      }
    }
    return null;
  }

  private static String simple(String dotted) {
    String d = dotted.replaceAll("\\(.*$", "");
    return d.substring(d.lastIndexOf('.') + 1);
  }
}
