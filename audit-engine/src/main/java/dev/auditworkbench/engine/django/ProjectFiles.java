package dev.auditworkbench.engine.django;

import dev.auditworkbench.engine.repo.RepoFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of the Django inventory read from file paths alone: templates, migrations, management
 * commands. One concern of {@link InventoryBuilder}.
 */
final class ProjectFiles {
  private static final Pattern MIGRATION =
      Pattern.compile("(.*/)?([^/]+)/migrations/(\\d{4}[^/]*)\\.py");
  private static final Pattern COMMAND =
      Pattern.compile("(.*/)?management/commands/([^/_][^/]*)\\.py");

  private ProjectFiles() {}

  /** Template files (html, txt, xml, jinja2) under a templates folder. */
  static List<String> templates(List<RepoFile> files) {
    return files.stream()
        .map(RepoFile::path)
        .filter(
            p ->
                (p.startsWith("templates/") || p.contains("/templates/"))
                    && (p.endsWith(".html")
                        || p.endsWith(".txt")
                        || p.endsWith(".xml")
                        || p.endsWith(".jinja2")))
        .toList();
  }

  /** Migration names by app label. */
  static Map<String, List<String>> migrations(List<RepoFile> files) {
    Map<String, List<String>> out = new TreeMap<>();
    for (RepoFile f : files) {
      Matcher m = MIGRATION.matcher(f.path());
      if (m.matches()) {
        out.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(m.group(3));
      }
    }
    return out;
  }

  /** Management commands, by their file under management/commands. */
  static List<DjangoInventory.Named> commands(List<RepoFile> files) {
    List<DjangoInventory.Named> out = new ArrayList<>();
    for (RepoFile f : files) {
      Matcher m = COMMAND.matcher(f.path());
      if (m.matches()) {
        out.add(new DjangoInventory.Named(m.group(2), f.path(), 1, "management command"));
      }
    }
    return out;
  }
}
