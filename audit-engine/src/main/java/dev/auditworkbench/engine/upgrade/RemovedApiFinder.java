package dev.auditworkbench.engine.upgrade;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.upgrade.Removals.Kind;
import dev.auditworkbench.engine.upgrade.Removals.Removal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds every use of what a {@link Removals} table lists, in the parsed modules and the template
 * files. Names are resolved through each module's imports: "models.NullBooleanField(...)" after
 * "from django.db import models" is django.db.models.NullBooleanField. An import of a removed name
 * is one use, and so is each call of it through the name the import binds (unless the import
 * renames it: "ugettext as _" is rewritten once, at the import). Migration files are left out for
 * the names Django keeps for historical migrations. Relative imports are the project's own and
 * never match.
 */
public final class RemovedApiFinder {
  private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][\\w.]*");
  private static final Pattern MIGRATION = Pattern.compile("(^|/)migrations/[^/]+\\.py$");

  private final List<Removal> table;

  public RemovedApiFinder(List<Removal> table) {
    this.table = table;
  }

  /** Every use, ordered by file and line. */
  public List<ApiUse> find(List<ModuleFacts> modules, DjangoInventory inventory, Path repo) {
    Set<String> settingsModules = new HashSet<>(inventory.settingsModules());
    List<ApiUse> out = new ArrayList<>();
    Set<String> assignedSettings = new HashSet<>();
    for (ModuleFacts m : modules) {
      boolean migration = MIGRATION.matcher(m.path()).find();
      boolean settings = settingsModules.contains(m.module()) || isSettingsPath(m.path());
      if (settings) {
        m.assignments().forEach(a -> assignedSettings.add(a.target()));
      }
      Module module = new Module(m);
      for (Removal r : table) {
        if (migration && r.keptForMigrations()) {
          continue;
        }
        module.uses(r, settings, out);
      }
    }
    for (Removal r : table) {
      if (r.kind() == Kind.SETTING_UNSET
          && !settingsModules.isEmpty()
          && r.patterns().stream().noneMatch(assignedSettings::contains)) {
        String first = inventory.settingsModules().get(0);
        modules.stream()
            .filter(m -> first.equals(m.module()))
            .findFirst()
            .ifPresent(
                m -> out.add(new ApiUse(r.id(), m.path(), 1, r.patterns().get(0) + " not set")));
      }
    }
    for (String template : inventory.templates()) {
      templates(repo, template, out);
    }
    out.sort(Comparator.comparing(ApiUse::path).thenComparingInt(ApiUse::line));
    return out;
  }

  /** Django-upgrade's heuristic: "settings" as a whole word in the module's path. */
  static boolean isSettingsPath(String path) {
    return path.matches("(.*/)?settings(/.*|_[^/]*|\\.py)");
  }

  private void templates(Path repo, String path, List<ApiUse> out) {
    List<Removal> rows = table.stream().filter(r -> r.kind() == Kind.TEMPLATE).toList();
    String text;
    try {
      text = new String(Files.readAllBytes(repo.resolve(path)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return;
    }
    String[] lines = text.split("\n", -1);
    for (Removal r : rows) {
      Pattern p = Pattern.compile(r.patterns().get(0));
      for (int i = 0; i < lines.length; i++) {
        Matcher m = p.matcher(lines[i]);
        if (m.find()) {
          out.add(new ApiUse(r.id(), path, i + 1, clip(lines[i].strip())));
        }
      }
    }
  }

  private static String clip(String text) {
    return text.length() <= 160 ? text : text.substring(0, 157) + "...";
  }

  /** One module: the names its imports bind, resolved to dotted paths. */
  private static final class Module {
    private final ModuleFacts facts;
    private final Map<String, String> bound = new HashMap<>();
    private final Set<String> renamed = new HashSet<>();

    Module(ModuleFacts facts) {
      this.facts = facts;
      for (ModuleFacts.ImportRef i : facts.imports()) {
        if (i.level() > 0) {
          continue;
        }
        String full = i.name() == null ? i.module() : i.module() + "." + i.name();
        if (i.name() == null && i.alias() == null) {
          String top =
              i.module().contains(".")
                  ? i.module().substring(0, i.module().indexOf('.'))
                  : i.module();
          bound.put(top, top);
        } else {
          bound.put(i.boundName(), full);
        }
        if (i.alias() != null) {
          renamed.add(i.boundName());
        }
      }
    }

    /** The dotted path an expression names through the imports, or null. */
    String resolve(String expression) {
      String e = expression.strip();
      if (e.startsWith("@")) {
        e = e.substring(1);
      }
      if (e.endsWith(")") && e.indexOf('(') > 0) {
        e = e.substring(0, e.indexOf('(')); // a decorator's arguments
      }
      if (!DOTTED.matcher(e).matches()) {
        return null;
      }
      int dot = e.indexOf('.');
      String head = dot < 0 ? e : e.substring(0, dot);
      String base = bound.get(head);
      if (base == null) {
        return null;
      }
      return dot < 0 ? base : base + e.substring(dot);
    }

    void uses(Removal r, boolean settings, List<ApiUse> out) {
      switch (r.kind()) {
        case IMPORT -> imports(r, out);
        case METHOD -> methods(r, out);
        case CALL_WITHOUT, CALL_KEYWORD -> calls(r, out);
        case SETTING, SETTING_VALUE, SETTING_TEXT -> {
          if (settings) {
            settings(r, out);
          }
        }
        case META -> meta(r, out);
        case CLASS_ATTR -> classAttributes(r, out);
        case MODULE_ATTR -> {
          for (ModuleFacts.Assignment a : facts.assignments()) {
            if (r.patterns().contains(a.target())) {
              out.add(use(r, a.line(), a.target() + " = " + a.value()));
            }
          }
        }
        default -> {}
      }
    }

    private ApiUse use(Removal r, int line, String text) {
      return new ApiUse(r.id(), facts.path(), line, clip(text.replaceAll("\\s+", " ")));
    }

    private static boolean matches(String dotted, List<String> patterns) {
      for (String p : patterns) {
        if (dotted.equals(p) || dotted.startsWith(p + ".")) {
          return true;
        }
      }
      return false;
    }

    private void imports(Removal r, List<ApiUse> out) {
      Set<String> matchedNames = new HashSet<>();
      Set<Integer> lines = new LinkedHashSet<>();
      for (ModuleFacts.ImportRef i : facts.imports()) {
        if (i.level() > 0) {
          continue;
        }
        String full = i.name() == null ? i.module() : i.module() + "." + i.name();
        if (matches(full, r.patterns())) {
          matchedNames.add(i.boundName());
          if (lines.add(i.line())) {
            out.add(
                use(
                    r,
                    i.line(),
                    (i.name() == null
                            ? "import " + i.module()
                            : "from " + i.module() + " import " + i.name())
                        + (i.alias() != null ? " as " + i.alias() : "")));
          }
        }
      }
      Set<String> seen = new HashSet<>();
      for (ModuleFacts.CallRef c : facts.calls()) {
        List<String> names = new ArrayList<>();
        names.add(c.callee());
        names.addAll(c.args());
        for (String name : names) {
          String dotted = resolve(name);
          if (dotted == null || !matches(dotted, r.patterns())) {
            continue;
          }
          if (renamedImport(name, matchedNames)) {
            continue;
          }
          if (seen.add(c.line() + ":" + name)) {
            out.add(use(r, c.line(), c.callee() + "(" + String.join(", ", c.args()) + ")"));
          }
        }
      }
      for (ModuleFacts.FunctionDef f : facts.functions()) {
        for (String d : f.decorators()) {
          String dotted = resolve(d);
          if (dotted != null
              && matches(dotted, r.patterns())
              && !renamedImport(d.replaceFirst("^@", ""), matchedNames)) {
            out.add(use(r, f.line(), "@" + d.replaceFirst("^@", "") + " def " + f.name()));
          }
        }
      }
      for (ModuleFacts.ClassDef k : facts.classes()) {
        for (String b : k.bases()) {
          String dotted = resolve(b);
          if (dotted != null && matches(dotted, r.patterns()) && !renamedImport(b, matchedNames)) {
            out.add(use(r, k.line(), "class " + k.name() + "(" + b + ")"));
          }
        }
      }
    }

    /**
     * Whether a use goes through a name the matching import renamed ("ugettext as _"): rewriting
     * the import is the whole change.
     */
    private boolean renamedImport(String expression, Set<String> matchedNames) {
      String head = expression.strip().split("[.(]", 2)[0];
      return matchedNames.contains(head) && renamed.contains(head);
    }

    private void methods(Removal r, List<ApiUse> out) {
      for (String p : r.patterns()) {
        int paren = p.indexOf('(');
        String name = paren < 0 ? p : p.substring(0, paren);
        Pattern firstArg =
            paren < 0 ? null : Pattern.compile(p.substring(paren + 1, p.length() - 1));
        for (ModuleFacts.CallRef c : facts.calls()) {
          if (c.callee().endsWith("." + name)
              && (firstArg == null
                  || !c.args().isEmpty() && firstArg.matcher(c.args().get(0).strip()).find())) {
            out.add(use(r, c.line(), c.callee() + "(" + String.join(", ", c.args()) + ")"));
          }
        }
        for (ModuleFacts.FunctionDef f : facts.functions()) {
          for (String d : f.decorators()) {
            String bare = d.replaceFirst("^@", "").split("\\(", 2)[0];
            if (bare.endsWith("." + name)) {
              out.add(use(r, f.line(), "@" + bare + " def " + f.name()));
            }
          }
        }
      }
    }

    private void calls(Removal r, List<ApiUse> out) {
      for (String p : r.patterns()) {
        String[] parts = p.split("/");
        String dotted = parts[0];
        String keyword = parts[1];
        int positional = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
        for (ModuleFacts.CallRef c : facts.calls()) {
          if (!dotted.equals(resolve(c.callee()))) {
            continue;
          }
          boolean splat =
              c.args().stream().anyMatch(a -> a.strip().startsWith("*"))
                  || c.kwargs().keySet().stream().anyMatch(k -> k.startsWith("*"));
          boolean hit =
              r.kind() == Kind.CALL_KEYWORD
                  ? c.kwargs().containsKey(keyword)
                  : !splat
                      && c.args().size() < positional
                      && (keyword.equals("-")
                          ? c.kwargs().isEmpty()
                          : !c.kwargs().containsKey(keyword));
          if (hit) {
            out.add(use(r, c.line(), c.callee() + "(" + String.join(", ", c.args()) + ")"));
          }
        }
      }
    }

    private void settings(Removal r, List<ApiUse> out) {
      for (ModuleFacts.Assignment a : facts.assignments()) {
        for (String p : r.patterns()) {
          boolean hit =
              switch (r.kind()) {
                case SETTING -> a.target().equals(p);
                case SETTING_VALUE -> {
                  String[] nv = p.split("~", 2);
                  yield a.target().equals(nv[0])
                      && Pattern.compile(nv[1]).matcher(a.value()).find();
                }
                default -> a.value().contains("'" + p + "'") || a.value().contains("\"" + p + "\"");
              };
          if (hit) {
            out.add(use(r, a.line(), a.target() + " = " + a.value()));
          }
        }
      }
    }

    private void meta(Removal r, List<ApiUse> out) {
      for (ModuleFacts.ClassDef k : facts.classes()) {
        for (String p : r.patterns()) {
          String value = k.meta().get(p);
          if (value != null) {
            out.add(use(r, k.line(), k.name() + ".Meta." + p + " = " + value));
          }
        }
      }
    }

    private void classAttributes(Removal r, List<ApiUse> out) {
      for (ModuleFacts.ClassDef k : facts.classes()) {
        for (String p : r.patterns()) {
          String[] nv = p.split("~", 2);
          String value = k.attributes().get(nv[0]);
          if (value != null && Pattern.compile(nv[1]).matcher(value.strip()).find()) {
            out.add(use(r, k.line(), k.name() + "." + nv[0] + " = " + value));
          }
        }
      }
    }
  }
}
