package dev.auditworkbench.engine.django;

import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.repo.ModuleNames;
import dev.auditworkbench.engine.repo.SyntaxNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a settings module ends up defining: its own module-level assignments applied over those of
 * every module it star-imports ("from .base import *"), in order, as Python would. Each value keeps
 * the file and line where it was last assigned.
 */
public final class EffectiveSettings {
  /** A setting's final assignment. */
  public record Setting(String name, String value, SyntaxNode node, String path, int line) {
    public boolean isLiteralTrue() {
      return value.strip().equals("True");
    }

    public boolean isLiteralFalse() {
      return value.strip().equals("False")
          || value.strip().equals("None")
          || value.strip().equals("0");
    }

    /** A plain string literal's value, or empty when the value is computed (env reads, calls). */
    public Optional<String> stringLiteral() {
      return Optional.ofNullable(PythonNames.unquote(value));
    }
  }

  private final String module;
  private final String path;
  private final Map<String, Setting> settings;

  private EffectiveSettings(String module, String path, Map<String, Setting> settings) {
    this.module = module;
    this.path = path;
    this.settings = settings;
  }

  public static EffectiveSettings of(
      String module, Map<String, ModuleFacts> byModule, ModuleNames names) {
    Map<String, Setting> out = new LinkedHashMap<>();
    apply(module, byModule, names, out, new HashSet<>());
    ModuleFacts m = byModule.get(module);
    return new EffectiveSettings(module, m == null ? null : m.path(), out);
  }

  private static void apply(
      String module,
      Map<String, ModuleFacts> byModule,
      ModuleNames names,
      Map<String, Setting> out,
      Set<String> seen) {
    ModuleFacts m = byModule.get(module);
    if (m == null || !seen.add(module)) {
      return;
    }
    // Star imports come first in a settings module; assignments after them override.
    List<ModuleFacts.ImportRef> stars = new ArrayList<>();
    for (ModuleFacts.ImportRef ref : m.imports()) {
      if ("*".equals(ref.name())) {
        stars.add(ref);
      }
    }
    for (ModuleFacts.ImportRef star : stars) {
      String target =
          names.resolve(
              module,
              new ModuleFacts.ImportRef(star.module(), star.level(), null, null, star.line()));
      if (target != null) {
        apply(target, byModule, names, out, seen);
      }
    }
    for (ModuleFacts.Assignment a : m.assignments()) {
      String name = a.target();
      if (name.endsWith("+")) {
        name = name.substring(0, name.length() - 1);
      }
      if (name.matches("[A-Z][A-Z0-9_]*")) {
        out.put(name, new Setting(name, a.value(), a.valueNode(), m.path(), a.line()));
      } else if (name.matches("[A-Z][A-Z0-9_]*\\[.*")) {
        // DATABASES["default"]["PASSWORD"] = ... : keep under its full target
        out.put(name, new Setting(name, a.value(), a.valueNode(), m.path(), a.line()));
      }
    }
  }

  public String module() {
    return module;
  }

  public String path() {
    return path;
  }

  public Optional<Setting> get(String name) {
    return Optional.ofNullable(settings.get(name));
  }

  public Map<String, Setting> all() {
    return settings;
  }

  /**
   * A development or test settings module by its name (dev, local, test, ci...): never judged as
   * deployed.
   */
  public boolean isDevelopment() {
    String last = module.substring(module.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return last.startsWith("dev")
        || last.startsWith("local")
        || last.startsWith("test")
        || last.equals("ci")
        || last.contains("test")
        || last.startsWith("docker")
        || last.equals("debug");
  }

  /** The value of a string literal as written, or null. */
  public static String literal(String text) {
    return PythonNames.unquote(text);
  }

  /** A module meant for deployment: named prod, production, live, staging or deploy. */
  public boolean isDeployment() {
    String last = module.substring(module.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return last.startsWith("prod")
        || last.contains("production")
        || last.equals("live")
        || last.startsWith("staging")
        || last.startsWith("deploy");
  }
}
