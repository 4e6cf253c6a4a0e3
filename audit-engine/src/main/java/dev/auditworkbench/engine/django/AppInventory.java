package dev.auditworkbench.engine.django;

import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.repo.SyntaxNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The installed apps: INSTALLED_APPS of every settings module and settings class, local or
 * third-party.
 */
final class AppInventory {
  private final PythonNames py;
  private final SettingsModules settings;

  AppInventory(PythonNames py, SettingsModules settings) {
    this.py = py;
    this.settings = settings;
  }

  /**
   * The installed apps of every settings module, INSTALLED_APPS read through list and tuple
   * literals, concatenation, +=, .append()/.extend(), variables of the module, imported or
   * star-imported, and splats.
   */
  List<DjangoInventory.App> apps() {
    Map<String, DjangoInventory.App> out = new LinkedHashMap<>();
    for (String s : settings.modules()) {
      for (String chainModule : settings.starChain(s)) {
        ModuleFacts m = py.byModule().get(chainModule);
        List<String> installed = new ArrayList<>(stringList(m, "INSTALLED_APPS", 0));
        if (m != null) {
          for (ModuleFacts.ClassDef c : m.classes()) {
            classApps(m, c, installed, new HashSet<>());
          }
        }
        for (String name : installed) {
          String module =
              name.contains(".apps.") ? name.substring(0, name.indexOf(".apps.")) : name;
          boolean local =
              py.byModule().containsKey(module) || py.moduleNames().isPackageOrNamespace(module);
          String path =
              !local
                  ? null
                  : py.moduleNames().pathOf(module) != null
                      ? py.moduleNames().pathOf(module)
                      : py.moduleNames().folderOf(module);
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
      Matcher lit = PythonNames.STRING_LITERAL.matcher(attribute);
      while (lit.find()) {
        String v = PythonNames.unquote(lit.group());
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
                  String v = item.type().equals("string") ? PythonNames.unquote(item.text()) : null;
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
      String q = py.qualify(m.module(), base);
      String real = py.classAt(q).isPresent() ? q : py.canonical(q);
      Optional<ModuleFacts.ClassDef> parent = py.classAt(real);
      if (parent.isPresent()) {
        classApps(py.byModule().get(PythonNames.moduleOfQualified(real)), parent.get(), out, seen);
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
        String v = PythonNames.unquote(e.text());
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
        String q = py.qualify(m.module(), e.text());
        int dot = q.lastIndexOf('.');
        ModuleFacts other = dot < 0 ? null : py.byModule().get(q.substring(0, dot));
        if (other != null && other != m) {
          out.addAll(stringList(other, q.substring(dot + 1), depth + 1));
        }
      }
      default -> {
        // a call or a comprehension: not read statically
      }
    }
  }
}
