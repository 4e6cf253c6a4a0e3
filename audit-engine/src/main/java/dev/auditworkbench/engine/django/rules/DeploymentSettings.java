package dev.auditworkbench.engine.django.rules;

import dev.auditworkbench.engine.django.EffectiveSettings;
import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.repo.TestCode;
import dev.auditworkbench.engine.rules.RepoAnalysis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings modules a production server runs with, as the settings rules judge them: those named
 * for deployment (prod, production, live, staging), those a wsgi.py, asgi.py or Celery app sets as
 * DJANGO_SETTINGS_MODULE, or the only one there is; never a development or test module, nor a
 * served module that a deployment module star-imports as its base. Each is read with its "from
 * .base import *" chain.
 */
final class DeploymentSettings {
  private DeploymentSettings() {}

  static List<EffectiveSettings> judged(RepoAnalysis a) {
    Map<String, ModuleFacts> byModule = new HashMap<>();
    a.modules()
        .forEach(
            m -> {
              if (m.module() != null) {
                byModule.put(m.module(), m);
              }
            });
    List<String> settingsModules = a.inventory().settingsModules();
    Set<String> served = served(byModule);
    List<EffectiveSettings> judged = new ArrayList<>();
    for (String module : settingsModules) {
      EffectiveSettings s = EffectiveSettings.of(module, byModule, a.names());
      String path = byModule.containsKey(module) ? byModule.get(module).path() : null;
      boolean test = TestCode.isTest(path) || s.isDevelopment();
      if (!test && (s.isDeployment() || served.contains(module) || settingsModules.size() == 1)) {
        judged.add(s);
      }
    }
    // A module served by default whose settings a deployment module all builds on (wsgi.py names
    // "ralph.settings", a star import of base.py; prod.py star-imports base.py too) is that
    // module's base, not a deployment of its own.
    List<Set<String>> deployed = new ArrayList<>();
    for (EffectiveSettings s : judged) {
      if (s.isDeployment()) {
        deployed.add(sources(s));
      }
    }
    judged.removeIf(
        s -> !s.isDeployment() && deployed.stream().anyMatch(d -> d.containsAll(sources(s))));
    return judged;
  }

  /** The files a module's settings come from. */
  private static Set<String> sources(EffectiveSettings s) {
    Set<String> out = new HashSet<>();
    s.all().values().forEach(v -> out.add(v.path()));
    return out;
  }

  /**
   * Settings modules a server starts with: the DJANGO_SETTINGS_MODULE that wsgi.py, asgi.py or a
   * Celery app sets (manage.py's is for development and is not counted on its own).
   */
  private static Set<String> served(Map<String, ModuleFacts> byModule) {
    Set<String> out = new HashSet<>();
    for (ModuleFacts m : byModule.values()) {
      String file = m.path() == null ? "" : m.path().substring(m.path().lastIndexOf('/') + 1);
      if (!file.equals("wsgi.py") && !file.equals("asgi.py") && !file.startsWith("celery")) {
        continue;
      }
      for (ModuleFacts.CallRef c : m.calls()) {
        if (c.args().size() >= 2 && c.args().get(0).contains("DJANGO_SETTINGS_MODULE")) {
          String v = EffectiveSettings.literal(c.args().get(1));
          if (v != null) {
            out.add(v);
          }
        }
      }
    }
    return out;
  }
}
