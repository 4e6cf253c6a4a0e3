package dev.auditworkbench.app.gui;

import dev.auditworkbench.engine.model.DismissReason;
import dev.auditworkbench.views.common.DialogService;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Plain JavaFX dialogs owned by the main window. Messages are text, never stack traces. */
final class FxDialogService implements DialogService {
  private final Window owner;

  FxDialogService(Window owner) {
    this.owner = owner;
  }

  @Override
  public void showError(String title, String message) {
    show(Alert.AlertType.ERROR, title, message);
  }

  @Override
  public void showInformation(String title, String message) {
    show(Alert.AlertType.INFORMATION, title, message);
  }

  private void show(Alert.AlertType type, String title, String message) {
    Alert alert = build(type, title, message);
    alert.initOwner(owner);
    alert.show();
  }

  /**
   * A dialog sized to its text: the first lines as a wrapping summary (never cut to "...: no"), the
   * whole message in a details area, open at once when there is more than the summary holds.
   */
  static Alert build(Alert.AlertType type, String title, String message) {
    Alert alert = new Alert(type);
    alert.setTitle(title);
    alert.setHeaderText(title);
    List<String> lines = message.lines().toList();
    String summary =
        lines.size() <= SUMMARY_LINES
            ? message
            : String.join("\n", lines.subList(0, SUMMARY_LINES)) + "\n(see the details)";
    javafx.scene.control.Label text = new javafx.scene.control.Label(summary);
    text.setId("dialog-text");
    text.setWrapText(true);
    text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    text.setMaxWidth(680);
    alert.getDialogPane().setContent(text);
    if (lines.size() > SUMMARY_LINES) {
      TextArea details = new TextArea(message);
      details.setId("dialog-details");
      details.setEditable(false);
      details.setWrapText(true);
      details.setPrefRowCount(Math.min(16, lines.size() + 1));
      alert.getDialogPane().setExpandableContent(details);
      alert.getDialogPane().setExpanded(true);
    }
    alert.getDialogPane().setPrefWidth(720);
    alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    alert.setResizable(true);
    return alert;
  }

  /** Lines of a message shown above its details. */
  static final int SUMMARY_LINES = 4;

  @Override
  public void showKeys(String title, List<String[]> rows) {
    javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
    grid.setId("dialog-keys");
    grid.setHgap(18);
    grid.setVgap(4);
    int r = 0;
    for (String[] row : rows) {
      if (row[0].isEmpty()) {
        javafx.scene.control.Label heading = new javafx.scene.control.Label(row[1]);
        heading.getStyleClass().add("bold");
        grid.add(heading, 0, r++, 2, 1);
        continue;
      }
      javafx.scene.control.Label keys = new javafx.scene.control.Label(row[0]);
      keys.getStyleClass().add("monospace");
      keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      grid.addRow(r++, keys, new javafx.scene.control.Label(row[1]));
    }
    javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(grid);
    scroll.setFitToWidth(true);
    scroll.setPrefViewportHeight(Math.min(520, 24 * rows.size()));
    Alert alert = new Alert(Alert.AlertType.INFORMATION);
    alert.initOwner(owner);
    alert.setTitle(title);
    alert.setHeaderText(title);
    alert.getDialogPane().setContent(scroll);
    alert.getDialogPane().setPrefWidth(640);
    alert.setResizable(true);
    alert.show();
  }

  @Override
  public List<Path> chooseFilesToImport() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Import scans, logs or traces");
    List<File> files = chooser.showOpenMultipleDialog(owner);
    return files == null ? List.of() : files.stream().map(File::toPath).toList();
  }

  @Override
  public Optional<Path> chooseProjectToOpen() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open audit");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Audit projects", "*.audit"));
    File file = chooser.showOpenDialog(owner);
    return Optional.ofNullable(file).map(File::toPath);
  }

  @Override
  public Optional<Path> chooseExportFile(String title, String extension, String suggestedName) {
    FileChooser chooser = chooser(title, extension);
    chooser.setInitialFileName(suggestedName);
    File file = chooser.showSaveDialog(owner);
    return Optional.ofNullable(file).map(File::toPath);
  }

  @Override
  public Optional<Path> chooseFileToOpen(String title, String extension) {
    File file = chooser(title, extension).showOpenDialog(owner);
    return Optional.ofNullable(file).map(File::toPath);
  }

  /** A file chooser titled {@code title} that shows files ending in {@code .extension}. */
  private static FileChooser chooser(String title, String extension) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser
        .getExtensionFilters()
        .add(new FileChooser.ExtensionFilter(extension.toUpperCase(Locale.ROOT), "*." + extension));
    return chooser;
  }

  @Override
  public Optional<Integer> choose(String title, String message, List<String> options) {
    Alert alert = build(Alert.AlertType.CONFIRMATION, title, message);
    List<javafx.scene.control.ButtonType> buttons = new java.util.ArrayList<>();
    for (String o : options) {
      buttons.add(new javafx.scene.control.ButtonType(o));
    }
    buttons.add(javafx.scene.control.ButtonType.CANCEL);
    alert.getButtonTypes().setAll(buttons);
    return alert.showAndWait().map(buttons::indexOf).filter(i -> i >= 0 && i < options.size());
  }

  @Override
  public Optional<DismissReason> chooseDismissReason(int count) {
    var reasons = List.of(DismissReason.values());
    ChoiceDialog<DismissReason> dialog = new ChoiceDialog<>(reasons.get(0), reasons);
    dialog.initOwner(owner);
    dialog.setTitle("Dismiss");
    dialog.setHeaderText(
        "Why "
            + (count == 1 ? "is this finding" : "are these " + count + " findings")
            + " dismissed?");
    dialog.setContentText("Reason:");
    return dialog.showAndWait();
  }

  @Override
  public Optional<String> askText(String title, String question) {
    javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog();
    dialog.initOwner(owner);
    dialog.setTitle(title);
    dialog.setHeaderText(question);
    return dialog.showAndWait().map(String::strip).filter(t -> !t.isEmpty());
  }
}
