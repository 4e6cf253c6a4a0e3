package dev.auditworkbench.views.start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the new-audit wizard asks for, and whether it is complete. The project file defaults to
 * "&lt;repository name&gt;.audit" beside the repository; nothing here touches a node.
 */
public final class NewAuditViewModel {
  /** What the wizard produced. */
  public record Request(
      Path project,
      Path repo,
      String client,
      String engagement,
      String auditor,
      LocalDate start,
      LocalDate end) {}

  private final StringProperty client = new SimpleStringProperty("");
  private final StringProperty engagement = new SimpleStringProperty("");
  private final StringProperty auditor =
      new SimpleStringProperty(System.getProperty("user.name", ""));
  private final ObjectProperty<Path> repo = new SimpleObjectProperty<>();
  private final ObjectProperty<Path> project = new SimpleObjectProperty<>();
  private final ObjectProperty<LocalDate> start = new SimpleObjectProperty<>(LocalDate.now());
  private final ObjectProperty<LocalDate> end =
      new SimpleObjectProperty<>(LocalDate.now().plusDays(4));
  private final StringBinding problem;

  public NewAuditViewModel() {
    repo.addListener(
        (o, a, r) -> {
          if (r != null
              && (project.get() == null
                  || project.get().getParent().equals(a == null ? null : a.getParent()))) {
            project.set(r.toAbsolutePath().resolveSibling(r.getFileName() + ".audit"));
          }
        });
    problem = Bindings.createStringBinding(this::validate, client, repo, project, start, end);
    warning = Bindings.createStringBinding(() -> warnings(repo.get()), repo);
  }

  private final StringBinding warning;

  /**
   * What looks wrong with the chosen folder though the audit can still be created: no Python, no
   * git history, no Django settings ("" when it looks like a Django repository). A bounded look: at
   * most 20,000 entries, 6 folders deep.
   */
  static String warnings(Path dir) {
    if (dir == null || !Files.isDirectory(dir)) {
      return "";
    }
    boolean[] found = new boolean[2]; // python, settings
    try (var walk = Files.walk(dir, 6)) {
      walk.limit(20_000)
          .filter(p -> !p.toString().contains("/.git/") && !p.toString().contains("/node_modules/"))
          .forEach(
              p -> {
                String name = p.getFileName() == null ? "" : p.getFileName().toString();
                if (name.endsWith(".py")) {
                  found[0] = true;
                }
                if (name.equals("settings.py")
                    || name.equals("manage.py")
                    || (name.equals("settings") && Files.isDirectory(p))) {
                  found[1] = true;
                }
              });
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return "The folder cannot be read in full: " + e.getMessage();
    }
    java.util.List<String> out = new java.util.ArrayList<>();
    if (!found[0]) {
      out.add("No Python files in this folder: is it the client's Django repository?");
    } else if (!found[1]) {
      out.add("No Django settings (settings.py, a settings package or manage.py) found.");
    }
    if (!Files.exists(dir.resolve(".git"))) {
      out.add("No git history (.git): churn, hotspots and owners will be empty.");
    }
    return String.join("\n", out);
  }

  /** Warnings about the chosen folder (creation is still allowed), or "". */
  public StringBinding warningProperty() {
    return warning;
  }

  /** What is still wrong, or "" when the audit can be created. */
  private String validate() {
    if (client.get().isBlank()) {
      return "Name the client.";
    }
    if (repo.get() == null || !Files.isDirectory(repo.get())) {
      return "Choose the client's repository folder.";
    }
    if (project.get() == null) {
      return "Choose where to save the audit.";
    }
    if (Files.exists(project.get())) {
      return project.get().getFileName() + " already exists; choose another name.";
    }
    if (start.get() != null && end.get() != null && end.get().isBefore(start.get())) {
      return "The audit cannot end before it starts.";
    }
    return "";
  }

  public StringBinding problemProperty() {
    return problem;
  }

  public boolean isComplete() {
    return problem.get().isEmpty();
  }

  public Request request() {
    if (!isComplete()) {
      throw new IllegalStateException(problem.get());
    }
    return new Request(
        project.get(),
        repo.get(),
        client.get().strip(),
        engagement.get().strip(),
        auditor.get().strip(),
        start.get(),
        end.get());
  }

  public StringProperty clientProperty() {
    return client;
  }

  public StringProperty engagementProperty() {
    return engagement;
  }

  public StringProperty auditorProperty() {
    return auditor;
  }

  public ObjectProperty<Path> repoProperty() {
    return repo;
  }

  public ObjectProperty<Path> projectProperty() {
    return project;
  }

  public ObjectProperty<LocalDate> startProperty() {
    return start;
  }

  public ObjectProperty<LocalDate> endProperty() {
    return end;
  }
}
