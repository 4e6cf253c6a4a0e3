package dev.auditworkbench.views.start;

import dev.auditworkbench.views.common.Css;
import dev.auditworkbench.views.common.Texts;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The first screen: recent projects, open an audit, open the demo. */
public final class StartView extends VBox {

  /** What the start screen can ask the app to do. */
  public interface Actions {
    void openProject(Path file);

    void chooseProject();

    void newAudit();

    /** Null when the demo is not bundled with this build. */
    Runnable openDemo();
  }

  public StartView(
      List<RecentProject> recent, Actions actions, ReadOnlyObjectProperty<Task<?>> running) {
    setId("start-view");
    getStyleClass().add(Css.START);
    setSpacing(16);
    setAlignment(Pos.TOP_CENTER);
    Label title = new Label("Audit Workbench");
    title.getStyleClass().add("title-1");
    Label subtitle =
        new Label("Audit a legacy Django monolith: scan, import, triage, report. Offline.");
    subtitle.getStyleClass().add(Css.MUTED);

    Button open = new Button("Open audit...");
    open.setId("start-open");
    open.setDefaultButton(true);
    open.setOnAction(e -> actions.chooseProject());
    Button create = new Button("New audit from a repository...");
    create.setId("start-new");
    create.setOnAction(e -> actions.newAudit());
    HBox buttons = new HBox(12, create, open);
    buttons.setAlignment(Pos.CENTER);
    if (actions.openDemo() != null) {
      Button demo = new Button("Open demo project");
      demo.setId("start-demo");
      demo.setOnAction(e -> actions.openDemo().run());
      buttons.getChildren().add(demo);
    }

    Label recentTitle = new Label("Recent projects");
    recentTitle.getStyleClass().add(Css.PAGE_TITLE);
    ListView<RecentProject> recentList = new ListView<>();
    recentList.setId("start-recent");
    recentList.getItems().setAll(recent);
    recentList.setPlaceholder(new Label("No recent projects."));
    recentList.setMaxWidth(640);
    recentList.setCellFactory(v -> new RecentCell());
    recentList.setOnMouseClicked(
        e -> {
          RecentProject p = recentList.getSelectionModel().getSelectedItem();
          if (e.getClickCount() == 2 && p != null) {
            actions.openProject(p.file());
          }
        });
    recentList.setOnKeyPressed(
        e -> {
          RecentProject p = recentList.getSelectionModel().getSelectedItem();
          if (e.getCode() == KeyCode.ENTER && p != null) {
            actions.openProject(p.file());
          }
        });
    Label message = new Label();
    message.setId("start-message");
    ProgressBar progress = new ProgressBar();
    progress.setPrefWidth(320);
    HBox busy = new HBox(12, progress, message);
    busy.setAlignment(Pos.CENTER);
    busy.visibleProperty().bind(running.isNotNull());
    buttons.disableProperty().bind(running.isNotNull());
    running.addListener(
        (o, old, task) -> {
          message.textProperty().unbind();
          progress.progressProperty().unbind();
          if (task != null) {
            message.textProperty().bind(task.messageProperty());
            progress.progressProperty().bind(task.progressProperty());
          }
        });
    getChildren().addAll(title, subtitle, buttons, busy, recentTitle, recentList);
    if (!recent.isEmpty()) {
      recentList.getSelectionModel().select(0); // the last project, ready for Enter in the list
    }
  }

  /** What the project is, in bold; where its file is and when it was last opened, below. */
  private static final class RecentCell extends ListCell<RecentProject> {
    private final Label heading = new Label();
    private final Label where = new Label();
    private final VBox box = new VBox(2, heading, where);

    RecentCell() {
      heading.getStyleClass().add(Css.BOLD);
      where.getStyleClass().add(Css.MUTED);
    }

    @Override
    protected void updateItem(RecentProject item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setGraphic(null);
        return;
      }
      heading.setText(item.heading());
      where.setText(
          item.file()
              + (item.openedAt() == null
                  ? ""
                  : "  \u00b7  opened " + Texts.minute(item.openedAt())));
      setGraphic(box);
    }
  }
}
