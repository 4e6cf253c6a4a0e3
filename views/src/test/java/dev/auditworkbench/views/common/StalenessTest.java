package dev.auditworkbench.views.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.testing.TestProjects;
import dev.auditworkbench.views.matrix.MatrixViewModel;
import dev.auditworkbench.views.report.ReportViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The matrix and the report preview are recomputed on a page visit only when the project changed
 * since: cycling through the pages plans nothing and renders nothing.
 */
class StalenessTest {
  @TempDir Path dir;
  private AuditProject project;
  private BackgroundWork background;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void project() throws Exception {
    ProjectStore store = TestProjects.withFindings(dir, Clock.systemUTC(), 3, new long[3]);
    project = AuditProject.of(store, Clock.systemUTC());
    background = new BackgroundWork();
  }

  @AfterEach
  void close() {
    background.shutdownAndWait();
    project.close();
  }

  private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
    return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
  }

  private static void done(Task<?> task) throws Exception {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, task::isDone);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void theMatrixPlansAgainOnlyAfterAChange() throws Exception {
    MatrixViewModel matrix =
        new MatrixViewModel(project, new TriageActions(project.triage(), background), background);
    AtomicInteger plans = new AtomicInteger();
    matrix.planProperty().addListener((o, a, b) -> plans.incrementAndGet());

    done(onFx(matrix::reloadIfStale));
    assertEquals(1, plans.get());
    assertTrue(matrix.planProperty().get().isPresent());
    assertNull(onFx(matrix::reloadIfStale), "a second visit plans nothing");
    onFx(
        () -> {
          matrix.invalidate();
          return null;
        });
    Task<?> again = onFx(matrix::reloadIfStale);
    assertNotNull(again, "after a change the next visit plans again");
    done(again);
    assertEquals(javafx.concurrent.Worker.State.SUCCEEDED, onFx(again::getState));
    assertNull(onFx(matrix::reloadIfStale));
  }

  @Test
  void theReportPreviewIsBuiltAgainOnlyAfterAChangeOrARefresh() throws Exception {
    ReportViewModel report = new ReportViewModel(project, background);
    AtomicInteger builds = new AtomicInteger();
    report.summaryProperty().addListener((o, a, b) -> builds.incrementAndGet());

    done(onFx(report::reloadIfStale));
    assertEquals(1, builds.get());
    assertNull(onFx(report::reloadIfStale), "a second visit builds nothing");
    onFx(
        () -> {
          report.invalidate();
          return null;
        });
    Task<?> again = onFx(report::reloadIfStale);
    assertNotNull(again);
    done(again);
    assertNull(onFx(report::reloadIfStale));
  }

  @Test
  void aFailedRunLeavesThePageStale() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    Staleness staleness =
        new Staleness(
            () -> {
              runs.incrementAndGet();
              Task<Void> task =
                  new Task<>() {
                    @Override
                    protected Void call() {
                      throw new IllegalStateException("disk gone");
                    }
                  };
              background.submit(task);
              return task;
            });
    done(onFx(staleness::refreshIfStale));
    assertTrue(staleness.isStale(), "a failed run is tried again on the next visit");
    done(onFx(staleness::refreshIfStale));
    assertEquals(2, runs.get());
  }
}
