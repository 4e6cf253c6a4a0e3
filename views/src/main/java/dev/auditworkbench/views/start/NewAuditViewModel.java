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
