package dev.auditworkbench.engine.django;

import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.repo.ModuleNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Names resolved the way Python would, over every module of the repository: a base class or callee
 * "models.Model" is looked up through the module's imports ("from django.db import models" makes it
 * django.db.models.Model), relative imports and star re-exports are followed, and in-repo classes
 * are followed through their own bases. The inventories of each concern (models, URLs, views, apps,
 * tasks, tests) ask it; it knows nothing of Django.
 */
final class PythonNames {
  static final Pattern STRING_LITERAL =
      Pattern.compile("[rRuU]?(\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*')");
  private final Map<String, ModuleFacts> byModule = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> importedNames = new HashMap<>();
  private final ModuleNames names;

  PythonNames(List<ModuleFacts> modules, ModuleNames names) {
    this.names = names;
    for (ModuleFacts m : modules) {
      if (m.module() != null) {
        byModule.put(m.module(), m);
        importedNames.put(m.module(), localNames(m));
      }
    }
  }

  /** Every module with a dotted name, by that name (in the order given). */
  Map<String, ModuleFacts> byModule() {
    return byModule;
  }

  /** The module a dotted name stands for, or null. */
  ModuleFacts module(String dotted) {
    return byModule.get(dotted);
  }

  /** Where modules and packages are (files, folders, namespace packages). */
  ModuleNames moduleNames() {
    return names;
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

  Optional<ModuleFacts.ClassDef> classOf(String qualified) {
    Optional<ModuleFacts.ClassDef> direct = classAt(qualified);
    if (direct.isPresent()) {
      return direct;
    }
    String real = canonical(qualified);
    return real.equals(qualified) ? Optional.empty() : classAt(real);
  }

  Optional<ModuleFacts.ClassDef> classAt(String qualified) {
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

  static String moduleOfQualified(String qualified) {
    return qualified.substring(0, qualified.lastIndexOf('.'));
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

  static String unquoteOrSelf(String s) {
    String u = unquote(s);
    return u != null ? u : s;
  }
}
