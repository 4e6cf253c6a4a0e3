package dev.auditworkbench.engine.testing;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Location;
import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ImportRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * A project file holding {@code n} inbox findings of one import ("fp-0".."fp-(n-1)", "SQL i" at
 * shop/views.py line 10+i, high security, impact 3, 4 hours), for triage tests.
 */
public final class TestProjects {
  private TestProjects() {}

  /** Creates the project in {@code dir}; the ids of the findings, in order, fill {@code ids}. */
  public static ProjectStore withFindings(Path dir, Clock clock, int n, long[] ids)
      throws Exception {
    Instant now = clock.instant();
    ProjectStore store =
        ProjectStore.create(
            dir.resolve("t.audit"), new ProjectInfo("Acme", "audit", "me", dir), clock);
    long[] made =
        store.write(
            c -> {
              long imp =
                  new ImportRepository(c)
                      .begin("b.json", "/tmp/b.json", "00", "bandit-json", "bandit", now);
              try (FindingRepository f = new FindingRepository(c)) {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                  out[i] =
                      f.insert(
                          "fp-" + i,
                          RawFinding.builder("sql.raw")
                              .title("SQL " + i)
                              .category(Category.SECURITY)
                              .severity(Severity.HIGH)
                              .path("shop/views.py")
                              .lines(10 + i, 10 + i)
                              .defaultImpact(Impact.of(3))
                              .defaultEffort(Effort.hours(4))
                              .build(),
                          new Location("shop/views.py", 10 + i, 10 + i, null, true),
                          imp,
                          now);
                }
                return out;
              }
            });
    System.arraycopy(made, 0, ids, 0, Math.min(ids.length, n));
    return store;
  }
}
