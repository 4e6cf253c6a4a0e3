package dev.auditworkbench.app.gui;

import dev.auditworkbench.views.common.Theme;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.prefs.Preferences;

/** The user's theme, and per project where its window was, how big, and which page it showed. */
final class WindowMemory {
  /** A window's place and page. */
  record State(double x, double y, double width, double height, boolean maximized, String page) {}

  private final Preferences prefs;

  WindowMemory(Preferences prefs) {
    this.prefs = prefs;
  }

  static WindowMemory forUser() {
    return new WindowMemory(Preferences.userRoot().node("dev/auditworkbench/windows"));
  }

  Theme theme() {
    try {
      return Theme.valueOf(prefs.get("theme", Theme.LIGHT.name()));
    } catch (IllegalArgumentException e) {
      return Theme.LIGHT;
    }
  }

  void theme(Theme theme) {
    prefs.put("theme", theme.name());
  }

  /** Preference keys are limited in length: a project is keyed by a UUID of its path. */
  private static String key(Path project) {
    return UUID.nameUUIDFromBytes(
            project.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  Optional<State> of(Path project) {
    String v = prefs.get(key(project), null);
    if (v == null) {
      return Optional.empty();
    }
    String[] p = v.split(";", -1);
    try {
      return Optional.of(
          new State(
              Double.parseDouble(p[0]),
              Double.parseDouble(p[1]),
              Double.parseDouble(p[2]),
              Double.parseDouble(p[3]),
              Boolean.parseBoolean(p[4]),
              p[5]));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  void save(Path project, State s) {
    prefs.put(
        key(project),
        s.x()
            + ";"
            + s.y()
            + ";"
            + s.width()
            + ";"
            + s.height()
            + ";"
            + s.maximized()
            + ";"
            + s.page());
  }
}
