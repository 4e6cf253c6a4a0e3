package dev.auditworkbench.engine.deps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.auditworkbench.engine.repo.RepoFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Declared Python dependencies of a repository: requirements files (with -r and -c includes),
 * pyproject.toml (PEP 621 and Poetry), Pipfile and Pipfile.lock, poetry.lock, setup.cfg and
 * setup.py's install_requires. Files it cannot read are skipped; each requirement keeps its file
 * and line.
 */
public final class DependencyReader {
  private static final Pattern PEP508 =
      Pattern.compile(
          "^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(\\[[^\\]]*\\])?\\s*(\\(?\\s*[<>=!~][^;#]*?)?\\s*\\)?\\s*(;.*)?$");
  private static final Pattern EXACT = Pattern.compile("^===?\\s*([0-9][\\w.+!-]*)$");
  private static final Pattern INSTALL_REQUIRES =
      Pattern.compile("(?s)install_requires\\s*=\\s*\\[(.*?)\\]");
  private static final Pattern QUOTED = Pattern.compile("['\"]([^'\"]+)['\"]");

  private final Path repo;
  private final List<Requirement> out = new ArrayList<>();
  private final Set<String> visited = new HashSet<>();

  private DependencyReader(Path repo) {
    this.repo = repo;
  }

  public static List<Requirement> read(Path repo, List<RepoFile> files) {
    DependencyReader r = new DependencyReader(repo);
    for (RepoFile f : files) {
      String name = f.name();
      if (name.endsWith(".txt")
          && (name.contains("requirements")
              || name.startsWith("constraints")
              || f.path().startsWith("requirements/"))) {
        r.requirementsFile(
            f.path(), name.startsWith("constraints") ? "constraints" : "requirements");
      } else if (name.equals("pyproject.toml")) {
        r.pyproject(f.path());
      } else if (name.equals("Pipfile")) {
        r.pipfile(f.path());
      } else if (name.equals("Pipfile.lock")) {
        r.pipfileLock(f.path());
      } else if (name.equals("poetry.lock")) {
        r.poetryLock(f.path());
      } else if (name.equals("setup.cfg") || name.equals("setup.py")) {
        r.setup(f.path());
      }
    }
    return r.out;
  }

  private List<String> lines(String path) {
    try {
      return Files.readAllLines(repo.resolve(path), StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
  }

  private void requirementsFile(String path, String source) {
    if (!visited.add(path)) {
      return;
    }
    List<String> lines = lines(path);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).replaceAll("(^|\\s)#.*$", "").strip();
      if (line.isEmpty()) {
        continue;
      }
      Matcher include =
          Pattern.compile("^(-r|--requirement|-c|--constraint)\\s*=?\\s*(\\S+)").matcher(line);
      if (include.find()) {
        String target =
            Path.of(path)
                .resolveSibling(include.group(2))
                .normalize()
                .toString()
                .replace('\\', '/');
        requirementsFile(
            target,
            include.group(1).startsWith("-c") || include.group(1).startsWith("--c")
                ? "constraints"
                : source);
        continue;
      }
      if (line.startsWith("-")) {
        Matcher egg = Pattern.compile("#egg=([\\w.-]+)").matcher(lines.get(i));
        if (egg.find()) {
          out.add(
              new Requirement(
                  Requirement.canonical(egg.group(1)),
                  lines.get(i).strip(),
                  null,
                  path,
                  i + 1,
                  source));
        }
        continue;
      }
      add(line, path, i + 1, source);
    }
  }

  private void add(String pep508, String path, int line, String source) {
    Matcher m = PEP508.matcher(pep508);
    if (!m.matches()) {
      return;
    }
    String spec =
        m.group(3) == null ? "" : m.group(3).replace(" ", "").replace("(", "").replace(")", "");
    Matcher exact = EXACT.matcher(spec);
    out.add(
        new Requirement(
            Requirement.canonical(m.group(1)),
            spec,
            exact.matches() ? exact.group(1) : null,
            path,
            line,
            source));
  }

  private int lineOf(String path, String needle) {
    List<String> lines = lines(path);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(needle)) {
        return i + 1;
      }
    }
    return 0;
  }

  private void pyproject(String path) {
    JsonNode toml = toml(path);
    for (JsonNode dep : toml.path("project").path("dependencies")) {
      String d = dep.asText();
      add(d, path, lineOf(path, d), "pyproject");
    }
    toml.path("tool")
        .path("poetry")
        .path("dependencies")
        .fields()
        .forEachRemaining(
            e -> {
              if (!e.getKey().equals("python")) {
                String spec =
                    e.getValue().isTextual()
                        ? e.getValue().asText()
                        : e.getValue().path("version").asText("");
                addPoetry(e.getKey(), spec, path, "pyproject");
              }
            });
  }

  private void addPoetry(String name, String spec, String path, String source) {
    String s = spec.strip();
    String pinned = s.matches("[0-9][\\w.+!-]*") ? s : s.startsWith("==") ? s.substring(2) : null;
    out.add(
        new Requirement(Requirement.canonical(name), s, pinned, path, lineOf(path, name), source));
  }

  private void pipfile(String path) {
    JsonNode toml = toml(path);
    for (String section : List.of("packages", "dev-packages")) {
      toml.path(section)
          .fields()
          .forEachRemaining(
              e -> {
                String spec =
                    e.getValue().isTextual()
                        ? e.getValue().asText()
                        : e.getValue().path("version").asText("");
                String s = spec.equals("*") ? "" : spec;
                Matcher exact = EXACT.matcher(s);
                out.add(
                    new Requirement(
                        Requirement.canonical(e.getKey()),
                        s,
                        exact.matches() ? exact.group(1) : null,
                        path,
                        lineOf(path, e.getKey()),
                        "pipfile"));
              });
    }
  }

  private void pipfileLock(String path) {
    try {
      JsonNode lock = new ObjectMapper().readTree(repo.resolve(path).toFile());
      for (String section : List.of("default", "develop")) {
        lock.path(section)
            .fields()
            .forEachRemaining(
                e -> {
                  String v = e.getValue().path("version").asText("").replaceFirst("^==", "");
                  out.add(
                      new Requirement(
                          Requirement.canonical(e.getKey()),
                          "==" + v,
                          v.isEmpty() ? null : v,
                          path,
                          lineOf(path, "\"" + e.getKey() + "\""),
                          "lock"));
                });
      }
    } catch (IOException e) {
      // unreadable lock: the Pipfile still says what is wanted
    }
  }

  private void poetryLock(String path) {
    for (JsonNode p : toml(path).path("package")) {
      String name = p.path("name").asText("");
      String v = p.path("version").asText("");
      out.add(
          new Requirement(
              Requirement.canonical(name),
              "==" + v,
              v.isEmpty() ? null : v,
              path,
              lineOf(path, "name = \"" + name + "\""),
              "lock"));
    }
  }

  private void setup(String path) {
    String text = String.join("\n", lines(path));
    if (path.endsWith(".py")) {
      Matcher m = INSTALL_REQUIRES.matcher(text);
      if (m.find()) {
        Matcher q = QUOTED.matcher(m.group(1));
        while (q.find()) {
          add(q.group(1), path, lineOf(path, q.group(1)), "setup");
        }
      }
      return;
    }
    Matcher block =
        Pattern.compile("(?m)^install_requires\\s*=\\s*\\n((?:[ \\t]+\\S.*\\n?)+)").matcher(text);
    if (block.find()) {
      for (String req : block.group(1).split("\n")) {
        if (!req.isBlank()) {
          add(req.strip(), path, lineOf(path, req.strip()), "setup");
        }
      }
    }
  }

  private JsonNode toml(String path) {
    try {
      return new TomlMapper().readTree(repo.resolve(path).toFile());
    } catch (IOException | RuntimeException e) {
      return MissingNode.getInstance();
    }
  }
}
