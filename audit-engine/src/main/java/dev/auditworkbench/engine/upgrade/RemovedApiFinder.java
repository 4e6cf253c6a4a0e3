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
import java.util.regex.Pattern;

/**
 * Finds every use of what the {@link Removals} tables list, in the parsed modules and the template
 * files. Names are resolved through each module's imports: "models.NullBooleanField(...)" after
 * "from django.db import models" is django.db.models.NullBooleanField. An import of a removed name
 * is one use, and so is each call of it through the name the import binds (unless the import
 * renames it: "ugettext as _" is rewritten once, at the import). Migration files are left out for
 * the names Django keeps for historical migrations. Relative imports are the project's own and
 * never match.
 *
 * <p>The table is indexed once (dotted names, method names, called names, compiled patterns), so
 * each module's imports, calls and assignments are read once whatever the number of rows.
 */
public final class RemovedApiFinder {
  private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][\\w.]*");
  private static final Pattern MIGRATION = Pattern.compile("(^|/)migrations/[^/]+\\.py$");

  /** A row's pattern with what it needs, read once from the table. */
  private record Rule(
      Removal removal, String name, Pattern regex, String keyword, int positional) {}

  private final Map<String, Integer> order = new HashMap<>();
  private final Map<String, List<Removal>> byImport = new HashMap<>();
  private final Map<String, List<Rule>> byMethod = new HashMap<>();
  private final Map<String, List<Rule>> byCall = new HashMap<>();
  private final List<Rule> settings = new ArrayList<>();
  private final List<Rule> meta = new ArrayList<>();
  private final List<Rule> classAttributes = new ArrayList<>();
  private final List<Rule> moduleAttributes = new ArrayList<>();
  private final List<Rule> templates = new ArrayList<>();
  private final List<Removal> unset = new ArrayList<>();

  public RemovedApiFinder(List<Removal> table) {
    for (Removal r : table) {
      order.putIfAbsent(r.id(), order.size());
      for (String p : r.patterns()) {
        switch (r.kind()) {
          case IMPORT -> byImport.computeIfAbsent(p, k -> new ArrayList<>()).add(r);
          case METHOD -> {
            int paren = p.indexOf('(');
            String name = paren < 0 ? p : p.substring(0, paren);
            Pattern firstArg =
                paren < 0 ? null : Pattern.compile(p.substring(paren + 1, p.length() - 1));
            byMethod
                .computeIfAbsent(name, k -> new ArrayList<>())
                .add(new Rule(r, name, firstArg, null, 0));
          }
          case CALL_WITHOUT, CALL_KEYWORD -> {
            String[] parts = p.split("/");
            byCall
                .computeIfAbsent(parts[0], k -> new ArrayList<>())
                .add(
                    new Rule(
                        r,
                        parts[0],
                        null,
                        parts[1],
                        parts.length > 2 ? Integer.parseInt(parts[2]) : 0));
          }
          case SETTING, SETTING_TEXT -> settings.add(new Rule(r, p, null, null, 0));
          case SETTING_VALUE, CLASS_ATTR -> {
            String[] nv = p.split("~", 2);
            Rule rule = new Rule(r, nv[0], Pattern.compile(nv[1]), null, 0);
            (r.kind() == Kind.SETTING_VALUE ? settings : classAttributes).add(rule);
          }
          case META -> meta.add(new Rule(r, p, null, null, 0));
          case MODULE_ATTR -> moduleAttributes.add(new Rule(r, p, null, null, 0));
          case TEMPLATE -> templates.add(new Rule(r, p, Pattern.compile(p), null, 0));
          case SETTING_UNSET -> {
            if (!unset.contains(r)) {
              unset.add(r);
            }
          }
          default -> throw new IllegalStateException("no finder for " + r.kind());
        }
      }
    }
  }

  /** Every use, ordered by file, line and the tables' order. */
  public List<ApiUse> find(List<ModuleFacts> modules, DjangoInventory inventory, Path repo) {
    Set<String> settingsModules = new HashSet<>(inventory.settingsModules());
    List<ApiUse> out = new ArrayList<>();
    Set<String> assignedSettings = new HashSet<>();
    for (ModuleFacts m : modules) {
      boolean settingsModule = settingsModules.contains(m.module()) || isSettingsPath(m.path());
      if (settingsModule) {
        m.assignments().forEach(a -> assignedSettings.add(a.target()));
      }
      new Module(m, MIGRATION.matcher(m.path()).find()).uses(settingsModule, out);
    }
    if (!settingsModules.isEmpty()) {
      String first = inventory.settingsModules().get(0);
      modules.stream()
          .filter(m -> first.equals(m.module()))
          .findFirst()
          .ifPresent(
              m -> {
                for (Removal r : unset) {
                  if (r.patterns().stream().noneMatch(assignedSettings::contains)) {
                    out.add(new ApiUse(r.id(), m.path(), 1, r.patterns().get(0) + " not set"));
                  }
                }
              });
    }
    if (!templates.isEmpty()) {
      for (String template : inventory.templates()) {
        templates(repo, template, out);
      }
    }
    out.sort(
        Comparator.comparing(ApiUse::path)
            .thenComparingInt(ApiUse::line)
            .thenComparingInt(u -> order.get(u.id())));
    return out;
  }

  /** Django-upgrade's heuristic: "settings" as a whole word in the module's path. */
  static boolean isSettingsPath(String path) {
    return path.matches("(.*/)?settings(/.*|_[^/]*|\\.py)");
  }

  private void templates(Path repo, String path, List<ApiUse> out) {
    String text;
    try {
      text = new String(Files.readAllBytes(repo.resolve(path)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return;
    }
    String[] lines = text.split("\n", -1);
    for (Rule rule : templates) {
      for (int i = 0; i < lines.length; i++) {
        if (rule.regex().matcher(lines[i]).find()) {
          out.add(new ApiUse(rule.removal().id(), path, i + 1, clip(lines[i].strip())));
        }
      }
    }
  }

  private static String clip(String text) {
    return text.length() <= 160 ? text : text.substring(0, 157) + "...";
  }

  /** The rows whose dotted name is {@code dotted} or one of its dotted prefixes. */
  private Set<Removal> imported(String dotted) {
    Set<Removal> out = new LinkedHashSet<>();
    for (int from = 0; ; ) {
      int dot = dotted.indexOf('.', from);
      List<Removal> rows = byImport.get(dot < 0 ? dotted : dotted.substring(0, dot));
      if (rows != null) {
        out.addAll(rows);
      }
      if (dot < 0) {
        return out;
      }
      from = dot + 1;
    }
  }

  /** One module: the names its imports bind, resolved to dotted paths. */
  private final class Module {
    private final ModuleFacts facts;
    private final boolean migration;
    private final Map<String, String> bound = new HashMap<>();
    private final Set<String> renamed = new HashSet<>();

    /** Per row, the names its matching imports bind here. */
    private final Map<Removal, Set<String>> importedAs = new HashMap<>();

    Module(ModuleFacts facts, boolean migration) {
      this.facts = facts;
      this.migration = migration;
      for (ModuleFacts.ImportRef i : facts.imports()) {
        if (i.level() > 0) {
          continue;
        }
        if (i.name() == null && i.alias() == null) {
          String top =
              i.module().contains(".")
                  ? i.module().substring(0, i.module().indexOf('.'))
                  : i.module();
          bound.put(top, top);
        } else {
          bound.put(i.boundName(), full(i));
        }
        if (i.alias() != null) {
          renamed.add(i.boundName());
        }
      }
    }

    private static String full(ModuleFacts.ImportRef i) {
      return i.name() == null ? i.module() : i.module() + "." + i.name();
    }

    /** Whether this file is left out for the row (a name Django keeps for migrations). */
    private boolean skip(Removal r) {
      return migration && r.keptForMigrations();
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

    void uses(boolean settingsModule, List<ApiUse> out) {
      imports(out);
      calls(out);
      decorators(out);
      bases(out);
      if (settingsModule) {
        settings(out);
      }
      classes(out);
      for (ModuleFacts.Assignment a : facts.assignments()) {
        for (Rule rule : moduleAttributes) {
          if (rule.name().equals(a.target()) && !skip(rule.removal())) {
            out.add(use(rule.removal(), a.line(), a.target() + " = " + a.value()));
          }
        }
      }
    }

    private ApiUse use(Removal r, int line, String text) {
      return new ApiUse(r.id(), facts.path(), line, clip(text.replaceAll("\\s+", " ")));
    }

    private void imports(List<ApiUse> out) {
      Set<String> lines = new HashSet<>();
      for (ModuleFacts.ImportRef i : facts.imports()) {
        if (i.level() > 0) {
          continue;
        }
        for (Removal r : imported(full(i))) {
          if (skip(r)) {
            continue;
          }
          importedAs.computeIfAbsent(r, k -> new HashSet<>()).add(i.boundName());
          if (lines.add(r.id() + ":" + i.line())) {
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
    }

    /**
     * Whether a use goes through a name the matching import renamed ("ugettext as _"): rewriting
     * the import is the whole change.
     */
    private boolean renamedImport(String expression, Removal r) {
      String head = expression.strip().split("[.(]", 2)[0];
      return renamed.contains(head) && importedAs.getOrDefault(r, Set.of()).contains(head);
    }

    /**
     * Removed names called or passed, removed methods called, calls missing or passing an argument.
     */
    private void calls(List<ApiUse> out) {
      Set<String> seen = new HashSet<>();
      for (ModuleFacts.CallRef c : facts.calls()) {
        String text = c.callee() + "(" + String.join(", ", c.args()) + ")";
        List<String> names = new ArrayList<>();
        names.add(c.callee());
        names.addAll(c.args());
        for (String name : names) {
          String dotted = resolve(name);
          if (dotted == null) {
            continue;
          }
          for (Removal r : imported(dotted)) {
            if (!skip(r)
                && !renamedImport(name, r)
                && seen.add(r.id() + ":" + c.line() + ":" + name)) {
              out.add(use(r, c.line(), text));
            }
          }
        }
        int dot = c.callee().lastIndexOf('.');
        if (dot >= 0) {
          for (Rule m : byMethod.getOrDefault(c.callee().substring(dot + 1), List.of())) {
            if (!skip(m.removal())
                && (m.regex() == null
                    || !c.args().isEmpty() && m.regex().matcher(c.args().get(0).strip()).find())) {
              out.add(use(m.removal(), c.line(), text));
            }
          }
        }
        if (!byCall.isEmpty()) {
          String callee = resolve(c.callee());
          for (Rule rule :
              callee == null ? List.<Rule>of() : byCall.getOrDefault(callee, List.of())) {
            if (!skip(rule.removal()) && missesOrPasses(rule, c)) {
              out.add(use(rule.removal(), c.line(), text));
            }
          }
        }
      }
    }

    private static boolean missesOrPasses(Rule rule, ModuleFacts.CallRef c) {
      if (rule.removal().kind() == Kind.CALL_KEYWORD) {
        return c.kwargs().containsKey(rule.keyword());
      }
      boolean splat =
          c.args().stream().anyMatch(a -> a.strip().startsWith("*"))
              || c.kwargs().keySet().stream().anyMatch(k -> k.startsWith("*"));
      return !splat
          && c.args().size() < rule.positional()
          && (rule.keyword().equals("-")
              ? c.kwargs().isEmpty()
              : !c.kwargs().containsKey(rule.keyword()));
    }

    /** Decorators that name a removed import ("@python_2_unicode_compatible") or method. */
    private void decorators(List<ApiUse> out) {
      for (ModuleFacts.FunctionDef f : facts.functions()) {
        for (String d : f.decorators()) {
          String written = d.replaceFirst("^@", "");
          String dotted = resolve(d);
          if (dotted != null) {
            for (Removal r : imported(dotted)) {
              if (!skip(r) && !renamedImport(written, r)) {
                out.add(use(r, f.line(), "@" + written + " def " + f.name()));
              }
            }
          }
          String bare = written.split("\\(", 2)[0];
          int dot = bare.lastIndexOf('.');
          if (dot >= 0) {
            for (Rule m : byMethod.getOrDefault(bare.substring(dot + 1), List.of())) {
              if (!skip(m.removal())) {
                out.add(use(m.removal(), f.line(), "@" + bare + " def " + f.name()));
              }
            }
          }
        }
      }
    }

    private void bases(List<ApiUse> out) {
      for (ModuleFacts.ClassDef k : facts.classes()) {
        for (String b : k.bases()) {
          String dotted = resolve(b);
          if (dotted == null) {
            continue;
          }
          for (Removal r : imported(dotted)) {
            if (!skip(r) && !renamedImport(b, r)) {
              out.add(use(r, k.line(), "class " + k.name() + "(" + b + ")"));
            }
          }
        }
      }
    }

    private void settings(List<ApiUse> out) {
      for (ModuleFacts.Assignment a : facts.assignments()) {
        for (Rule rule : settings) {
          String p = rule.name();
          boolean hit =
              switch (rule.removal().kind()) {
                case SETTING -> a.target().equals(p);
                case SETTING_VALUE ->
                    a.target().equals(p) && rule.regex().matcher(a.value()).find();
                default -> a.value().contains("'" + p + "'") || a.value().contains("\"" + p + "\"");
              };
          if (hit && !skip(rule.removal())) {
            out.add(use(rule.removal(), a.line(), a.target() + " = " + a.value()));
          }
        }
      }
    }

    /** Meta options and class attributes. */
    private void classes(List<ApiUse> out) {
      for (ModuleFacts.ClassDef k : facts.classes()) {
        for (Rule rule : meta) {
          String value = k.meta().get(rule.name());
          if (value != null && !skip(rule.removal())) {
            out.add(
                use(rule.removal(), k.line(), k.name() + ".Meta." + rule.name() + " = " + value));
          }
        }
        for (Rule rule : classAttributes) {
          String value = k.attributes().get(rule.name());
          if (value != null
              && !skip(rule.removal())
              && rule.regex().matcher(value.strip()).find()) {
            out.add(use(rule.removal(), k.line(), k.name() + "." + rule.name() + " = " + value));
          }
        }
      }
    }
  }
}
