package dev.auditworkbench.engine.upgrade;

import dev.auditworkbench.engine.model.VersionSpec;
import dev.auditworkbench.engine.repo.RepoFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Python versions a repository names, and the one the client runs: a runtime pin (Dockerfile
 * base image, runtime.txt, .python-version, .tool-versions) first, the oldest CI version (GitHub
 * workflows, .travis.yml, .gitlab-ci.yml, tox.ini) next, the declared minimum (requires-python,
 * python_requires, Poetry's python) last. The oldest of the strongest kind wins: that is the one
 * the upgrade has to move.
 */
public final class PythonVersions {
  private static final Pattern VERSION =
      Pattern.compile("(?<![\\d.])(3\\.\\d{1,2}|2\\.7)(?![\\d])");
  private static final Pattern DOCKER_FROM =
      Pattern.compile("(?i)^\\s*FROM\\s+(?:--\\S+\\s+)?\\S*python:(\\d+\\.\\d+)");
  private static final Pattern GITLAB_IMAGE =
      Pattern.compile("image:\\s*['\"]?\\S*python:(\\d+\\.\\d+)");
  private static final Pattern CI_VERSION =
      Pattern.compile("^\\s*-?\\s*(?:python-version|python)\\s*:\\s*(.+)$");
  private static final Pattern TOX_ENV = Pattern.compile("\\bpy(3)(\\d{1,2})\\b");
  private static final Pattern REQUIRES =
      Pattern.compile(
          "(?:requires-python|python_requires)\\s*[=:]\\s*['\"]?\\s*[~>=^]*\\s*(\\d+\\.\\d+)");
  private static final Pattern POETRY =
      Pattern.compile("^\\s*python\\s*=\\s*['\"][~>=^]*\\s*(\\d+\\.\\d+)");
  private static final Pattern CLASSIFIER =
      Pattern.compile("Programming Language :: Python :: (3\\.\\d{1,2})['\"]?\\s*,?\\s*$");
  private static final long MAX_BYTES = 256 * 1024;

  private PythonVersions() {}

  /** Every pin found, in file order. */
  public static List<PythonPin> find(Path repo, List<RepoFile> files) {
    List<PythonPin> out = new ArrayList<>();
    for (RepoFile f : files) {
      String name = f.name();
      String path = f.path();
      if (f.size() > MAX_BYTES || path.contains("node_modules/")) {
        continue;
      }
      boolean docker =
          name.startsWith("Dockerfile")
              || name.endsWith(".Dockerfile")
              || name.equals("Containerfile");
      boolean runtime =
          name.equals("runtime.txt")
              || name.equals(".python-version")
              || name.equals(".tool-versions");
      boolean workflow =
          path.startsWith(".github/workflows/")
              && (name.endsWith(".yml") || name.endsWith(".yaml"));
      boolean travis = name.equals(".travis.yml");
      boolean gitlab = name.equals(".gitlab-ci.yml");
      boolean tox = name.equals("tox.ini");
      boolean declared =
          name.equals("pyproject.toml") || name.equals("setup.py") || name.equals("setup.cfg");
      if (!(docker || runtime || workflow || travis || gitlab || tox || declared)) {
        continue;
      }
      List<String> lines;
      try {
        lines =
            new String(Files.readAllBytes(repo.resolve(path)), StandardCharsets.UTF_8)
                .lines()
                .toList();
      } catch (IOException e) {
        continue;
      }
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        String t = line.strip();
        if (t.startsWith("#")) {
          continue;
        }
        if (docker) {
          add(out, DOCKER_FROM.matcher(line), "runtime", path, i, t);
        } else if (runtime) {
          if (!name.equals(".tool-versions") || t.startsWith("python")) {
            Matcher m = VERSION.matcher(t);
            if (m.find()) {
              out.add(new PythonPin(m.group(1), "runtime", path, i + 1, t));
            }
          }
        } else if (workflow || travis) {
          Matcher m = CI_VERSION.matcher(line);
          if (m.find()) {
            Matcher v = VERSION.matcher(m.group(1));
            while (v.find()) {
              out.add(new PythonPin(v.group(1), "ci", path, i + 1, t));
            }
          }
          if (workflow) {
            add(out, GITLAB_IMAGE.matcher(line), "ci", path, i, t);
          }
        } else if (gitlab) {
          add(out, GITLAB_IMAGE.matcher(line), "ci", path, i, t);
        } else if (tox) {
          if (t.startsWith("envlist") || t.startsWith("py3") || t.startsWith("basepython")) {
            Matcher m = TOX_ENV.matcher(t);
            while (m.find()) {
              out.add(new PythonPin(m.group(1) + "." + m.group(2), "ci", path, i + 1, t));
            }
            Matcher v = VERSION.matcher(t.replaceAll("py3\\d+", ""));
            if (t.startsWith("basepython") && v.find()) {
              out.add(new PythonPin(v.group(1), "ci", path, i + 1, t));
            }
          }
        } else {
          add(out, REQUIRES.matcher(line), "declared", path, i, t);
          add(out, CLASSIFIER.matcher(line), "declared", path, i, t);
          if (name.equals("pyproject.toml")) {
            add(out, POETRY.matcher(line), "declared", path, i, t);
          }
        }
      }
    }
    return out;
  }

  private static void add(
      List<PythonPin> out, Matcher m, String source, String path, int index, String text) {
    if (m.find()) {
      out.add(
          new PythonPin(
              m.group(1),
              source,
              path,
              index + 1,
              text.length() > 120 ? text.substring(0, 117) + "..." : text));
    }
  }

  /**
   * The version the client runs: the oldest of the strongest kind of pin. A CI or declared pin in a
   * subfolder (contrib/agent/tox.ini) speaks for a component, so the project's own (at the root, or
   * a GitHub workflow) come first.
   */
  public static Optional<PythonPin> running(List<PythonPin> pins) {
    for (String source : List.of("runtime", "ci", "declared")) {
      for (boolean own : List.of(true, false)) {
        Optional<PythonPin> oldest =
            pins.stream()
                .filter(p -> p.source().equals(source))
                .filter(p -> source.equals("runtime") || ownPin(p) == own)
                .min(Comparator.comparing(PythonPin::version, VersionSpec::compare));
        if (oldest.isPresent()) {
          return oldest;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean ownPin(PythonPin p) {
    return !p.path().contains("/") || p.path().startsWith(".github/workflows/");
  }
}
