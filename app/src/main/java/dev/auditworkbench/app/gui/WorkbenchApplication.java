package dev.auditworkbench.app.gui;

import dev.auditworkbench.app.AppLog;
import dev.auditworkbench.app.demo.DemoProject;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.views.common.BackgroundWork;
import dev.auditworkbench.views.common.Css;
import dev.auditworkbench.views.common.FxTasks;
import dev.auditworkbench.views.common.Theme;
import dev.auditworkbench.views.shell.MainViewModel;
import dev.auditworkbench.views.shell.MainWindow;
import dev.auditworkbench.views.start.NewAuditDialog;
import dev.auditworkbench.views.start.NewAuditViewModel;
import dev.auditworkbench.views.start.StartView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop app: the start screen, then one project window. */
public final class WorkbenchApplication extends Application {
  private static final String CSS = Css.STYLESHEET;

  private final BackgroundWork background = new BackgroundWork();
  private final RecentProjects recent = RecentProjects.forUser();
  private final WindowMemory windows = WindowMemory.forUser();
  private MainWindow window;
  private Stage stage;
  private AuditProject open;

  /** Starts the app; {@code project} (may be null) is opened at once. */
  public static void launchWith(Path project) {
    Application.launch(
        WorkbenchApplication.class,
        project == null ? new String[0] : new String[] {project.toString()});
  }

  @Override
  public void start(Stage primary) {
    windows.theme().apply();
    stage = primary;
    // Nothing fails silently: work nobody else handles, and anything thrown on any thread, is shown
    // and logged.
    background.onUnhandledFailure((title, e) -> reportFailure(title, e));
    background.onHandledFailure(AppLog::error);
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> {
          AppLog.error("uncaught on " + thread.getName(), e);
          Platform.runLater(() -> reportFailure("Unexpected error", e));
        });
    stage.setTitle("Audit Workbench");
    fitOnScreen(1360, 860);
    List<String> args = getParameters().getUnnamed();
    if (args.isEmpty()) {
      showStart();
    } else {
      showStart();
      openProject(Path.of(args.get(0)));
    }
    stage.show();
    if (args.isEmpty()) {
      reportStartupIfAsked(); // with a project: once its overview shows its figures (showProject)
    }
  }

  /**
   * For the cold-start benchmark: with -Dworkbench.startupReport=FILE, write the milliseconds from
   * JVM start to the first shown, laid-out window (or, when a project was given, to its overview
   * showing the project's figures) into FILE and quit.
   */
  private void reportStartupIfAsked() {
    String report = System.getProperty("workbench.startupReport");
    if (report == null) {
      return;
    }
    Platform.runLater(
        () -> {
          long millis =
              System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
          try {
            Files.writeString(Path.of(report), String.valueOf(millis));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          Platform.exit();
        });
  }

  private void setRoot(Parent root) {
    if (stage.getScene() == null) {
      Scene scene = new Scene(root);
      scene.getStylesheets().add(CSS);
      stage.setScene(scene);
    } else {
      stage.getScene().setRoot(root);
    }
  }

  private void showStart() {
    stage.setTitle("Audit Workbench");
    setRoot(
        new StartView(
            recent.list(),
            new StartView.Actions() {
              @Override
              public void openProject(Path file) {
                WorkbenchApplication.this.openProject(file);
              }

              @Override
              public void chooseProject() {
                new FxDialogService(stage)
                    .chooseProjectToOpen()
                    .ifPresent(WorkbenchApplication.this::openProject);
              }

              @Override
              public void newAudit() {
                WorkbenchApplication.this.newAudit();
              }

              @Override
              public Runnable openDemo() {
                return WorkbenchApplication.this::openDemo;
              }
            },
            background.currentProperty()));
  }

  private void newAudit() {
    new NewAuditDialog(stage, new NewAuditViewModel(), NewAuditDialog.fileChooser())
        .showAndWait()
        .ifPresent(
            request -> {
              Task<Path> task =
                  FxTasks.task(
                      "Creating " + request.project().getFileName(),
                      l -> {
                        AuditCreator.create(request, l);
                        return request.project();
                      });
              task.setOnSucceeded(e -> openProject(task.getValue()));
              task.setOnFailed(
                  e ->
                      new FxDialogService(stage)
                          .showError("Cannot create the audit", task.getException().getMessage()));
              background.submit(task);
            });
  }

  /**
   * Creates the demo audit at its usual place (replacing an earlier one nobody triaged) and opens
   * it.
   */
  private void openDemo() {
    Path target = DemoProject.defaultLocation();
    Task<Path> task =
        FxTasks.task(
            "Creating the demo project",
            l -> {
              try {
                return DemoProject.create(target, DemoProject.Replace.UNLESS_TRIAGED, l).project();
              } catch (DemoProject.HasTriage kept) {
                return kept
                    .file(); // the auditor's triage is worth more than a fresh demo: open it as it
                // is
              }
            });
    task.setOnSucceeded(e -> openProject(task.getValue()));
    task.setOnFailed(
        e ->
            new FxDialogService(stage)
                .showError("Cannot create the demo", task.getException().getMessage()));
    background.submit(task);
  }

  /**
   * Sizes the window to nine tenths of the screen's usable area but at least {@code width} x {@code
   * height} (a 1920x1080 screen gets 1728x972, not a 1360x860 island), never more than that area (a
   * 1366x768 laptop gets all of it), and centres it: no part of it opens off-screen.
   */
  private void fitOnScreen(double width, double height) {
    javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
    stage.setWidth(Math.min(Math.max(width, 0.9 * screen.getWidth()), screen.getWidth()));
    stage.setHeight(Math.min(Math.max(height, 0.9 * screen.getHeight()), screen.getHeight()));
    stage.setX(screen.getMinX() + (screen.getWidth() - stage.getWidth()) / 2);
    stage.setY(screen.getMinY() + (screen.getHeight() - stage.getHeight()) / 2);
  }

  /**
   * A remembered place that is off the screens now (another monitor, a smaller screen) is fitted
   * back.
   */
  private void keepOnScreen() {
    var screens =
        javafx.stage.Screen.getScreensForRectangle(
            stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    javafx.geometry.Rectangle2D screen =
        (screens.isEmpty() ? javafx.stage.Screen.getPrimary() : screens.get(0)).getVisualBounds();
    if (!screen.contains(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())) {
      fitOnScreen(stage.getWidth(), stage.getHeight());
    }
  }

  /** Logs a failure with its stack trace and shows it, with where the log is, in a dialog. */
  private void reportFailure(String title, Throwable e) {
    AppLog.error(title, e);
    if (stage == null) {
      return;
    }
    String message =
        e == null
            ? "unknown error"
            : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    new FxDialogService(stage)
        .showError(title + " failed", message + "\n\nDetails are in the log: " + AppLog.folder());
  }

  /** Opens a project off the FX thread; a bad file gets a dialog and the start screen stays. */
  void openProject(Path file) {
    Task<AuditProject> task =
        FxTasks.task("Opening " + file.getFileName(), l -> AuditProject.open(file));
    task.setOnSucceeded(e -> showProject(task.getValue()));
    task.setOnFailed(
        e ->
            new FxDialogService(stage)
                .showError("Cannot open project", task.getException().getMessage()));
    background.submit(task);
  }

  private void showProject(AuditProject store) {
    closeProject();
    open = store;
    recent.add(
        store.file(),
        RecentProjects.title(store.info().client(), store.info().engagement()),
        Instant.now());
    FxDialogService dialogs = new FxDialogService(stage);
    MainViewModel model =
        new MainViewModel(store, store.imports(ImporterRegistry.load()), background, dialogs);
    stage.setTitle(model.title() + " - Audit Workbench");
    window =
        new MainWindow(
            model,
            () -> {
              closeProject();
              showStart();
            },
            Platform::exit,
            this::toggleTheme);
    window.setFileActions(
        new MainWindow.FileActions(
            this::newAudit,
            () -> dialogs.chooseProjectToOpen().ifPresent(this::openProject),
            recent::list,
            this::openProject));
    setRoot(window);
    if (System.getProperty("workbench.startupReport") != null) {
      model
          .overview()
          .snapshotProperty()
          .addListener(
              (o, a, snapshot) -> {
                if (snapshot != null) {
                  reportStartupIfAsked();
                }
              });
    }
    windows
        .of(store.file())
        .ifPresent(
            s -> {
              stage.setX(s.x());
              stage.setY(s.y());
              stage.setWidth(s.width());
              stage.setHeight(s.height());
              stage.setMaximized(s.maximized());
              if (!s.maximized()) {
                keepOnScreen();
              }
              try {
                window.show(MainWindow.Page.valueOf(s.page()));
              } catch (IllegalArgumentException ignored) {
                // a page this version no longer has
              }
            });
  }

  private void toggleTheme() {
    Theme next = windows.theme().other();
    next.apply();
    windows.theme(next);
  }

  private void rememberWindow() {
    if (open != null && window != null) {
      windows.save(
          open.file(),
          new WindowMemory.State(
              stage.getX(),
              stage.getY(),
              stage.getWidth(),
              stage.getHeight(),
              stage.isMaximized(),
              window.page().name()));
    }
  }

  private void closeProject() {
    rememberWindow();
    if (open != null) {
      AuditProject closing = open;
      open = null;
      background.submit(
          FxTasks.task(
              "Closing project",
              l -> {
                closing.close();
                return null;
              }));
    }
  }

  @Override
  public void stop() {
    closeProject();
    background.shutdownAndWait();
  }
}
