package dev.auditworkbench.app.gui;

import dev.auditworkbench.app.AppLog;
import dev.auditworkbench.app.demo.DemoProject;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.views.common.BackgroundWork;
import dev.auditworkbench.views.common.Css;
import dev.auditworkbench.views.common.FxTasks;
import dev.auditworkbench.views.common.Theme;
import dev.auditworkbench.views.overview.OverviewViewModel;
import dev.auditworkbench.views.shell.MainViewModel;
import dev.auditworkbench.views.shell.MainWindow;
import dev.auditworkbench.views.start.NewAuditDialog;
import dev.auditworkbench.views.start.NewAuditViewModel;
import dev.auditworkbench.views.start.StartView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
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

  /**
   * A project given on the command line, being read while JavaFX starts (both take about a second
   * on a cold JVM; on two cores they overlap).
   */
  private static volatile Preopened preopened;

  private record Preopened(Path file, CompletableFuture<AuditProject> project) {}

  /** Starts the app; {@code project} (may be null) is opened at once. */
  public static void launchWith(Path project) {
    if (project != null) {
      CompletableFuture<AuditProject> reading = new CompletableFuture<>();
      Thread reader =
          new Thread(
              () -> {
                try {
                  reading.complete(AuditProject.open(project));
                } catch (Exception | Error e) {
                  reading.completeExceptionally(e);
                }
              },
              "project-reader");
      reader.setDaemon(true);
      reader.start();
      preopened = new Preopened(project, reading);
    }
    Application.launch(
        WorkbenchApplication.class,
        project == null ? new String[0] : new String[] {project.toString()});
  }

  @Override
  public void start(Stage primary) {
    StartupMarks.mark("javafx started");
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
      // Not the start screen: building it would hold up the project's window. It follows if the
      // project cannot be opened.
      Path file = Path.of(args.get(0));
      Label opening = new Label("Opening " + file.getFileName() + "...");
      opening.getStyleClass().add(Css.MUTED);
      setRoot(new StackPane(opening));
      openProject(file);
    }
    stage.show();
    if (args.isEmpty()) {
      reportStartupIfAsked(); // with a project: once its overview shows its figures (showProject)
    }
  }

  /**
   * For the cold-start benchmark: with -Dworkbench.startupReport=FILE, write the milliseconds from
   * JVM start to the first shown, laid-out window (or, when a project was given, to its window laid
   * out with the overview's figures) into FILE, with the steps on the way, and quit.
   */
  private void reportStartupIfAsked() {
    if (!StartupMarks.asked()) {
      return;
    }
    // After the next layout pass, the one that lays out what is on show now.
    Scene scene = stage.getScene();
    Runnable[] once = new Runnable[1];
    once[0] =
        () -> {
          scene.removePostLayoutPulseListener(once[0]);
          StartupMarks.mark("laid out");
          Platform.runLater(
              () -> {
                StartupMarks.write();
                Platform.exit();
              });
        };
    scene.addPostLayoutPulseListener(once[0]);
    Platform.requestNextPulse();
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
    Task<Opened> task =
        FxTasks.task(
            "Opening " + file.getFileName(),
            l -> {
              AuditProject project = readProject(file);
              StartupMarks.mark("project read");
              try {
                return new Opened(project, OverviewViewModel.summarise(project));
              } catch (RuntimeException e) {
                project.close();
                throw e;
              }
            });
    task.setOnSucceeded(e -> showProject(task.getValue()));
    task.setOnFailed(
        e -> {
          if (window == null && !(stage.getScene().getRoot() instanceof StartView)) {
            showStart(); // the app was started with this project
          }
          new FxDialogService(stage)
              .showError("Cannot open project", task.getException().getMessage());
        });
    background.submit(task);
  }

  /** A project just opened and its overview, read together off the FX thread. */
  private record Opened(AuditProject project, OverviewViewModel.Snapshot overview) {}

  /** The project, from the read begun before JavaFX started if it was this file. */
  private static AuditProject readProject(Path file) throws Exception {
    Preopened early = preopened;
    preopened = null;
    if (early == null || !early.file().equals(file)) {
      return AuditProject.open(file);
    }
    try {
      return early.project().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw (Error) e.getCause();
    }
  }

  private void showProject(Opened opened) {
    StartupMarks.mark("project shown");
    AuditProject store = opened.project();
    closeProject();
    open = store;
    recent.add(
        store.file(),
        RecentProjects.title(store.info().client(), store.info().engagement()),
        Instant.now());
    StartupMarks.mark("recent noted");
    FxDialogService dialogs = new FxDialogService(stage);
    var importers = ImporterRegistry.load();
    StartupMarks.mark("importers loaded");
    MainViewModel model = new MainViewModel(store, store.imports(importers), background, dialogs);
    model.overview().show(opened.overview()); // the window's first frame shows the figures
    StartupMarks.mark("view models made");
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
    StartupMarks.mark("window built");
    if (StartupMarks.asked()) {
      StartupMarks.mark("overview figures set");
      reportStartupIfAsked();
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
