package dev.auditworkbench.views.start;

import dev.auditworkbench.views.common.Css;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The new-audit wizard: who, what, when and which repository; the app then creates and scans it.
 */
public final class NewAuditDialog extends Dialog<NewAuditViewModel.Request> {

  /** How the dialog asks for folders and files (a real chooser, or a test's answer). */
  public interface Chooser {
    Optional<Path> folder(Window owner);

    Optional<Path> saveAs(Window owner, Path suggestion);
  }

  public NewAuditDialog(Window owner, NewAuditViewModel model, Chooser chooser) {
    initOwner(owner);
    setTitle("New audit");
    setHeaderText("New audit from a repository");
    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(8);
    grid.setId("new-audit-form");
    int row = 0;
    grid.addRow(row++, new Label("Client"), field("new-client", model.clientProperty()));
    grid.addRow(
        row++, new Label("Engagement"), field("new-engagement", model.engagementProperty()));
    grid.addRow(row++, new Label("Lead auditor"), field("new-auditor", model.auditorProperty()));
    DatePicker start = new DatePicker();
    start.setId("new-start");
    start.valueProperty().bindBidirectional(model.startProperty());
    DatePicker end = new DatePicker();
    end.setId("new-end");
    end.valueProperty().bindBidirectional(model.endProperty());
    grid.addRow(row++, new Label("Dates"), new HBox(8, start, new Label("to"), end));
    grid.addRow(
        row++,
        new Label("Repository"),
        pathRow("new-repo", model.repoProperty(), p -> chooser.folder(getOwner())));
    grid.addRow(
        row++,
        new Label("Save as"),
        pathRow("new-project", model.projectProperty(), p -> chooser.saveAs(getOwner(), p)));
    Label problem = new Label();
    problem.setId("new-problem");
    problem.getStyleClass().add(Css.MUTED);
    problem.textProperty().bind(model.problemProperty());
    grid.add(problem, 0, row, 2, 1);
    Label warning = new Label();
    warning.setId("new-warning");
    warning.setWrapText(true);
    warning.getStyleClass().add("warning-text");
    warning.textProperty().bind(model.warningProperty());
    grid.add(warning, 0, ++row, 2, 1);
    getDialogPane().setContent(grid);
    getDialogPane().setPrefWidth(640);
    ButtonType create = new ButtonType("Create and scan", ButtonType.OK.getButtonData());
    getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
    Node createButton = getDialogPane().lookupButton(create);
    createButton.setId("new-create");
    createButton
        .disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> !model.problemProperty().get().isEmpty(), model.problemProperty()));
    setResultConverter(b -> b == create ? model.request() : null);
  }

  private static TextField field(String id, StringProperty property) {
    TextField f = new TextField();
    f.setId(id);
    f.textProperty().bindBidirectional(property);
    GridPane.setHgrow(f, Priority.ALWAYS);
    return f;
  }

  private static HBox pathRow(
      String id, ObjectProperty<Path> property, Function<Path, Optional<Path>> choose) {
    TextField f = new TextField();
    f.setId(id);
    f.setEditable(false);
    f.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> property.get() == null ? "" : property.get().toString(), property));
    HBox.setHgrow(f, Priority.ALWAYS);
    Button browse = new Button("Choose...");
    browse.setId(id + "-choose");
    browse.setOnAction(e -> choose.apply(property.get()).ifPresent(property::set));
    return new HBox(8, f, browse);
  }

  /** The real choosers. */
  public static Chooser fileChooser() {
    return new Chooser() {
      @Override
      public Optional<Path> folder(Window owner) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("The client's repository");
        File f = c.showDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
      }

      @Override
      public Optional<Path> saveAs(Window owner, Path suggestion) {
        FileChooser c = new FileChooser();
        c.setTitle("Save the audit as");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Audit projects", "*.audit"));
        if (suggestion != null) {
          c.setInitialDirectory(suggestion.getParent().toFile());
          c.setInitialFileName(suggestion.getFileName().toString());
        }
        File f = c.showSaveDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
      }
    };
  }
}
