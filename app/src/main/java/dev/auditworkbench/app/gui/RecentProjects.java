package dev.auditworkbench.app.gui;

import dev.auditworkbench.views.start.RecentProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * The last few projects opened, kept in the user's preferences: each one's file, title and when it
 * was opened ("recent.N", "recent.N.title", "recent.N.opened"; entries written before titles were
 * kept have only the file).
 */
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

  /** Recent projects whose file still exists, most recent first. */
  List<RecentProject> list() {
    List<RecentProject> out = new ArrayList<>();
    for (int i = 0; i < MAX; i++) {
      String p = prefs.get(KEY + i, null);
      if (p != null && Files.isRegularFile(Path.of(p))) {
        long opened = prefs.getLong(KEY + i + ".opened", 0);
        out.add(
            new RecentProject(
                Path.of(p),
                prefs.get(KEY + i + ".title", ""),
                opened == 0 ? null : Instant.ofEpochMilli(opened)));
      }
    }
    return out;
  }

  void add(Path project, String title, Instant openedAt) {
    Path abs = project.toAbsolutePath().normalize();
    List<RecentProject> list = new ArrayList<>(list());
    list.removeIf(r -> r.file().equals(abs));
    list.add(0, new RecentProject(abs, title, openedAt));
    for (int i = 0; i < MAX; i++) {
      if (i < list.size()) {
        RecentProject r = list.get(i);
        prefs.put(KEY + i, r.file().toString());
        prefs.put(KEY + i + ".title", r.title());
        if (r.openedAt() == null) {
          prefs.remove(KEY + i + ".opened");
        } else {
          prefs.putLong(KEY + i + ".opened", r.openedAt().toEpochMilli());
        }
      } else {
        prefs.remove(KEY + i);
        prefs.remove(KEY + i + ".title");
        prefs.remove(KEY + i + ".opened");
      }
    }
  }

  /** "Acme Pay · Q4 audit" from a project's client and engagement (either may be empty). */
  static String title(String client, String engagement) {
    return client.isBlank()
        ? engagement
        : engagement.isBlank() ? client : client + " \u00b7 " + engagement;
  }
}
