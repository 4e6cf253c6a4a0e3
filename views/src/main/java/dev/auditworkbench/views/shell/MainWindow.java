package dev.auditworkbench.views.shell;

import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.views.board.BoardView;
import dev.auditworkbench.views.common.Css;
import dev.auditworkbench.views.findings.FindingsView;
import dev.auditworkbench.views.matrix.MatrixView;
import dev.auditworkbench.views.overview.OverviewView;
import dev.auditworkbench.views.queries.QueriesView;
import dev.auditworkbench.views.report.ReportView;
import dev.auditworkbench.views.seams.SeamsView;
import dev.auditworkbench.views.upgrade.UpgradeView;
import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The project window: menu, sidebar of pages, the page, and a status bar with progress and cancel.
 */
public final class MainWindow extends BorderPane {
  /** The pages of the sidebar, in order. */
  public enum Page {
    OVERVIEW("Overview", WorkbenchAction.SHOW_OVERVIEW, Feather.HOME),
    FINDINGS("Findings", WorkbenchAction.SHOW_FINDINGS, Feather.LIST),
    BOARD("Board", WorkbenchAction.SHOW_BOARD, Feather.COLUMNS),
    MATRIX("Matrix", WorkbenchAction.SHOW_MATRIX, Feather.GRID),
    SEAMS("Seams", WorkbenchAction.SHOW_SEAMS, Feather.GIT_MERGE),
    QUERIES("Queries", WorkbenchAction.SHOW_QUERIES, Feather.DATABASE),
    UPGRADE("Upgrade", WorkbenchAction.SHOW_UPGRADE, Feather.TRENDING_UP),
    PROGRESS("Progress", WorkbenchAction.SHOW_PROGRESS, Feather.ACTIVITY),
    REPORT("Report", WorkbenchAction.SHOW_REPORT, Feather.FILE_TEXT);

    private final String label;
    private final WorkbenchAction action;
    private final Ikon icon;

    Page(String label, WorkbenchAction action, Ikon icon) {
      this.label = label;
      this.action = action;
      this.icon = icon;
    }

    /** The action that shows the page (its Ctrl+digit follows the sidebar's order). */
    public WorkbenchAction action() {
      return action;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /**
   * What the File menu does outside this project (the app provides them): a new audit, another
   * project, the recent ones.
   */
  public record FileActions(
      Runnable newAudit,
      Runnable open,
      java.util.function.Supplier<List<dev.auditworkbench.views.start.RecentProject>> recent,
      java.util.function.Consumer<java.nio.file.Path> openRecent) {}

  private final MainViewModel model;
  private FileActions fileActions;
  private final Menu openRecent = new Menu("Open recent");
  private final Map<Page, Node> pages = new EnumMap<>(Page.class);
  private final ListView<Page> sidebar = new ListView<>();
  private final StackPane content = new StackPane();
  private final Runnable onClose;
  private final Runnable onQuit;
  private final Runnable onToggleTheme;

  public MainWindow(MainViewModel model, Runnable onClose, Runnable onQuit) {
    this(model, onClose, onQuit, () -> {});
  }

  public MainWindow(
      MainViewModel model, Runnable onClose, Runnable onQuit, Runnable onToggleTheme) {
    this.model = model;
    this.onClose = onClose;
    this.onQuit = onQuit;
    this.onToggleTheme = onToggleTheme;
    setId("main-window");
    setTop(new VBox(createMenuBar(), createToolBar()));
    setLeft(createSidebar());
    setCenter(content);
    setBottom(createStatusBar());
    enableFileDrop();
    model.onProjectChanged(this::refreshShownPage);
    sidebar.getSelectionModel().select(Page.OVERVIEW);
    model.reloadAll();
  }

  /**
   * A page, built the first time it is needed: a project opens on its overview without building the
   * other eight (their view models load in the background all the same).
   */
  private Node page(Page page) {
    return pages.computeIfAbsent(page, this::build);
  }

  private Node build(Page page) {
    switch (page) {
      case OVERVIEW:
        // The overview grows with the codebase's highlights; it scrolls rather than squeeze the
        // imports.
        ScrollPane overview = new ScrollPane(new OverviewView(model.overview()));
        overview.setFitToWidth(true);
        overview.setFitToHeight(true);
        return overview;
      case FINDINGS:
        return new FindingsView(model.findings(), model.board(), model.dialogs());
      case BOARD:
        return new BoardView(
            model.board(), model.findings(), model.dialogs(), model.findings().searchProperty());
      case MATRIX:
        return matrixView();
      case SEAMS:
        return new SeamsView(model.seams(), model.dialogs());
      case QUERIES:
        return new QueriesView(model.queries());
      case UPGRADE:
        return new UpgradeView(model.upgrade(), model.dialogs());
      case PROGRESS:
        return new dev.auditworkbench.views.progress.ProgressView(
            model.progress(), this::newRoundAndImport);
      case REPORT:
        return new ReportView(model.report(), model.dialogs());
      default:
        throw new IllegalArgumentException(page.name());
    }
  }

  private MatrixView matrixView() {
    MatrixView matrixView = new MatrixView(model.matrix());
    matrixView.setFilter(
        () -> {
          var anyStatus = model.findings().query().anyStatus();
          var text = model.findings().textMatch();
          return f -> anyStatus.matchesExceptText(f) && text.test(f);
        });
    matrixView.setFilterNotice(
        new dev.auditworkbench.views.findings.FilterNotice(
            model.findings(), model.findings().filtersAnyStatusProperty(), "matrix-filters"));
    // The matrix redraws when a filter changes, clearing included.
    model.findings().filtersAnyStatusProperty().addListener((o, a, b) -> matrixView.refresh());
    matrixView.setOnOpen(
        w -> {
          show(Page.FINDINGS);
          findingsView().reveal(w.findings().get(0).fingerprint());
        });
    model.findings().shown().addListener((ListChangeListener<Finding>) c -> matrixView.refresh());
    return matrixView;
  }

  private FindingsView findingsView() {
    return (FindingsView) page(Page.FINDINGS);
  }

  private ReportView reportView() {
    return (ReportView) page(Page.REPORT);
  }

  /** The app's File actions (new, open, recent); without them those items do nothing. */
  public void setFileActions(FileActions actions) {
    this.fileActions = actions;
  }

  private void withFileActions(java.util.function.Consumer<FileActions> action) {
    if (fileActions != null) {
      action.accept(fileActions);
    }
  }

  private void fillRecent() {
    openRecent.getItems().clear();
    if (fileActions != null) {
      for (var r : fileActions.recent().get()) {
        MenuItem item = new MenuItem(r.title() + "  (" + r.file() + ")");
        item.setOnAction(e -> fileActions.openRecent().accept(r.file()));
        openRecent.getItems().add(item);
      }
    }
    openRecent.setDisable(openRecent.getItems().isEmpty());
  }

  private MenuBar createMenuBar() {
    Menu file = new Menu("File");
    openRecent.setId("action-open-recent");
    file.setOnShowing(e -> fillRecent());
    file.getItems()
        .addAll(
            item(WorkbenchAction.NEW_AUDIT, () -> withFileActions(a -> a.newAudit().run())),
            item(WorkbenchAction.OPEN, () -> withFileActions(a -> a.open().run())),
            openRecent,
            new javafx.scene.control.SeparatorMenuItem(),
            item(WorkbenchAction.IMPORT, this::chooseAndImport),
            item(WorkbenchAction.NEW_ROUND, this::newRoundAndImport),
            item(WorkbenchAction.RESCAN, model::rescan),
            item(WorkbenchAction.RELOAD, model::reloadAll),
            item(
                WorkbenchAction.EXPORT_REPORT,
                () -> {
                  show(Page.REPORT);
                  reportView().exportPdf();
                }),
            new javafx.scene.control.SeparatorMenuItem(),
            item(
                WorkbenchAction.EXPORT_TRIAGE,
                () ->
                    model
                        .dialogs()
                        .chooseExportFile("Export triage", "json", "triage.json")
                        .ifPresent(model::exportTriage)),
            item(
                WorkbenchAction.IMPORT_TRIAGE,
                () ->
                    model
                        .dialogs()
                        .chooseFileToOpen("Import another auditor's triage", "json")
                        .ifPresent(model::importTriage)),
            new javafx.scene.control.SeparatorMenuItem(),
            item(WorkbenchAction.CLOSE_PROJECT, onClose),
            item(WorkbenchAction.QUIT, onQuit));
    Menu edit = new Menu("Edit");
    edit.getItems().addAll(undoItem(WorkbenchAction.UNDO), undoItem(WorkbenchAction.REDO));
    Menu view = new Menu("View");
    for (Page page : Page.values()) {
      view.getItems().add(item(page.action(), () -> show(page)));
    }
    view.getItems()
        .addAll(
            new SeparatorMenuItem(),
            item(WorkbenchAction.FIND, this::focusSearch),
            item(WorkbenchAction.TOGGLE_THEME, () -> onToggleTheme.run()));
    Menu help = new Menu("Help");
    help.getItems().add(item(WorkbenchAction.SHORTCUTS, this::showShortcuts));
    MenuBar bar = new MenuBar(file, edit, view, help);
    bar.setId("menu-bar");
    return bar;
  }

  private ToolBar createToolBar() {
    ToolBar bar =
        new ToolBar(
            toolButton(WorkbenchAction.IMPORT, Feather.UPLOAD, this::chooseAndImport),
            toolButton(WorkbenchAction.RESCAN, Feather.REFRESH_CW, model::rescan),
            new Separator(),
            undoButton(WorkbenchAction.UNDO, Feather.CORNER_UP_LEFT),
            undoButton(WorkbenchAction.REDO, Feather.CORNER_UP_RIGHT),
            new Separator());
    for (Page page : Page.values()) {
      // Icons only: the sidebar names the pages; the tooltip gives the name and Ctrl+digit.
      Button b = toolButton(page.action(), page.icon, () -> show(page));
      b.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
      bar.getItems().add(b);
    }
    bar.getItems()
        .addAll(
            new Separator(), toolButton(WorkbenchAction.TOGGLE_THEME, Feather.MOON, onToggleTheme));
    bar.setId("tool-bar");
    return bar;
  }

  /** Undo or Redo of the one triage history (board, findings table, matrix), naming the step. */
  private Button undoButton(WorkbenchAction action, Ikon icon) {
    var triage = model.triage();
    boolean undo = action == WorkbenchAction.UNDO;
    Button b = toolButton(action, icon, undo ? triage::undo : triage::redo);
    b.disableProperty().bind((undo ? triage.canUndoProperty() : triage.canRedoProperty()).not());
    b.getTooltip()
        .textProperty()
        .bind(
            (undo ? triage.undoLabelProperty() : triage.redoLabelProperty())
                .map(
                    l ->
                        l.isEmpty()
                            ? "Nothing to " + action.label().toLowerCase(Locale.ROOT)
                            : action.label() + " " + l + " (" + action.keysText() + ")"));
    return b;
  }

  private MenuItem undoItem(WorkbenchAction action) {
    var triage = model.triage();
    boolean undo = action == WorkbenchAction.UNDO;
    // Ctrl+Z in a text field undoes typing, not a triage step.
    MenuItem item =
        item(
            action,
            () -> {
              if (!(getScene() != null && getScene().getFocusOwner() instanceof TextInputControl)) {
                if (undo) {
                  triage.undo();
                } else {
                  triage.redo();
                }
              }
            });
    item.disableProperty().bind((undo ? triage.canUndoProperty() : triage.canRedoProperty()).not());
    item.textProperty()
        .bind(
            (undo ? triage.undoLabelProperty() : triage.redoLabelProperty())
                .map(l -> l.isEmpty() ? action.label() : action.label() + " " + l));
    return item;
  }

  private static Button toolButton(WorkbenchAction action, Ikon icon, Runnable run) {
    Button b = new Button(action.label().replace("...", ""), new FontIcon(icon));
    b.setId("tool-" + action.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    b.setTooltip(new Tooltip(action.label() + " (" + action.keysText() + ")"));
    b.setOnAction(e -> run.run());
    return b;
  }

  private static MenuItem item(WorkbenchAction action, Runnable run) {
    MenuItem item = new MenuItem(action.label());
    item.setId("action-" + action.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    item.setAccelerator(action.keys());
    item.setOnAction(e -> run.run());
    return item;
  }

  private Node createSidebar() {
    sidebar.setId("sidebar");
    sidebar.getStyleClass().add(Css.SIDEBAR);
    sidebar.getItems().setAll(Page.values());
    sidebar.setPrefWidth(170);
    sidebar
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, page) -> {
              if (page != null) {
                content.getChildren().setAll(page(page));
                refreshShownPage();
              }
            });
    return sidebar;
  }

  /**
   * The matrix and the report preview are recomputed when shown and only if the project changed
   * since (every triage edit, import and scan makes them stale): cycling through the pages
   * recomputes nothing.
   */
  private void refreshShownPage() {
    Page page = sidebar.getSelectionModel().getSelectedItem();
    if (page == Page.REPORT) {
      model.report().reloadIfStale();
    } else if (page == Page.MATRIX) {
      model.matrix().reloadIfStale();
    }
  }

  private Node createStatusBar() {
    Label project = new Label(model.statusText());
    project.setId("status-project");
    model
        .overview()
        .snapshotProperty()
        .addListener(
            (o, a, snapshot) -> {
              if (snapshot != null) {
                project.setText(model.statusText(snapshot));
              }
            });
    project.getStyleClass().add(Css.MUTED);
    project.setTooltip(new javafx.scene.control.Tooltip(model.statusPaths()));
    project.setMinWidth(0); // gives way to the task's message and Cancel
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Label message = new Label();
    message.setId("status-message");
    ProgressBar progress = new ProgressBar();
    progress.setId("status-progress");
    progress.setPrefWidth(180);
    Button cancel = new Button("Cancel");
    cancel.setId("status-cancel");
    message.setMinWidth(Region.USE_PREF_SIZE);
    cancel.setMinWidth(Region.USE_PREF_SIZE);
    HBox bar = new HBox(8, project, spacer, message, progress, cancel);
    bar.getStyleClass().add(Css.STATUS_BAR);
    bar.setAlignment(Pos.CENTER_LEFT);

    var current = model.background().currentProperty();
    var busy = current.isNotNull();
    for (Node n : List.of(message, progress, cancel)) {
      n.visibleProperty().bind(busy);
      n.managedProperty().bind(busy);
    }
    current.addListener(
        (o, old, task) -> {
          message.textProperty().unbind();
          progress.progressProperty().unbind();
          if (task != null) {
            message.textProperty().bind(task.messageProperty());
            progress.progressProperty().bind(task.progressProperty());
          }
        });
    cancel.setOnAction(
        e -> {
          Task<?> task = current.get();
          if (task != null) {
            task.cancel();
          }
        });
    cancel
        .disableProperty()
        .bind(Bindings.createBooleanBinding(() -> current.get() == null, current));
    return bar;
  }

  private void enableFileDrop() {
    setOnDragOver(
        e -> {
          if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
          }
          e.consume();
        });
    setOnDragDropped(
        e -> {
          boolean ok = e.getDragboard().hasFiles();
          if (ok) {
            importFiles(e.getDragboard().getFiles().stream().map(File::toPath).toList());
          }
          e.setDropCompleted(ok);
          e.consume();
        });
  }

  /** Imports dropped or chosen files and folders. */
  public void importFiles(List<Path> dropped) {
    List<Path> files = ImportDropPolicy.filesToImport(dropped);
    if (files.isEmpty()) {
      model.dialogs().showError("Nothing to import", "The dropped items hold no files.");
      return;
    }
    model.importFiles(files);
  }

  /**
   * Opens a round of the engagement ("after sprint 2") and imports its captures into it; a rescan
   * (Ctrl+R) adds the code as it is now.
   */
  private void newRoundAndImport() {
    model
        .dialogs()
        .askText(
            "New round",
            "Name of the round (what is imported and scanned from now on is compared with the"
                + " baseline by 'workbench compare' and the report):")
        .ifPresent(
            name -> {
              var task = model.openRound(name);
              task.setOnSucceeded(
                  e -> {
                    model.progress().reload();
                    chooseAndImport();
                  });
            });
  }

  private void chooseAndImport() {
    List<Path> files = model.dialogs().chooseFilesToImport();
    if (!files.isEmpty()) {
      importFiles(files);
    }
  }

  /** The page shown now. */
  public Page page() {
    Page p = sidebar.getSelectionModel().getSelectedItem();
    return p == null ? Page.OVERVIEW : p;
  }

  public void show(Page page) {
    sidebar.getSelectionModel().select(page);
  }

  private void focusSearch() {
    show(Page.FINDINGS);
    findingsView().lookup("#findings-search").requestFocus();
  }

  /** Every shortcut, from the one action table and the board's keys, in aligned columns. */
  private void showShortcuts() {
    List<String[]> rows = new java.util.ArrayList<>();
    rows.add(new String[] {"", "Everywhere"});
    for (WorkbenchAction a : WorkbenchAction.values()) {
      rows.add(new String[] {a.keysText(), a.label()});
    }
    rows.add(new String[] {"", "On the board"});
    rows.addAll(dev.auditworkbench.views.board.BoardView.KEYS);
    model.dialogs().showKeys("Keyboard shortcuts", rows);
  }
}
