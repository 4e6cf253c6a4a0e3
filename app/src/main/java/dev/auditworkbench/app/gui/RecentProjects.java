package dev.auditworkbench.app.gui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The last few projects opened, kept in the user's preferences. */
final class RecentProjects {
  private static final int MAX = 8;
  private static final String KEY = "recent.";

  private final Preferences prefs;

  RecentProjects(Preferences prefs) {
    this.prefs = prefs;
  }

  static RecentProjects forUser() {
    return new RecentProjects(Preferences.userRoot().node("dev/auditworkbench"));
  }

  /** Recent projects that still exist, most recent first. */
  List<Path> list() {
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < MAX; i++) {
      String p = prefs.get(KEY + i, null);
      if (p != null && Files.isRegularFile(Path.of(p))) {
        out.add(Path.of(p));
      }
    }
    return out;
  }

  void add(Path project) {
    Path abs = project.toAbsolutePath().normalize();
    List<Path> list = new ArrayList<>(list());
    list.remove(abs);
    list.add(0, abs);
    for (int i = 0; i < MAX; i++) {
      if (i < list.size()) {
        prefs.put(KEY + i, list.get(i).toString());
      } else {
        prefs.remove(KEY + i);
      }
    }
  }
}
