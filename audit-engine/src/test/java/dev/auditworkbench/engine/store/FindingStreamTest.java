package dev.auditworkbench.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.testing.TestProjects;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FindingRepository#forEach}: the findings stream in display order exactly as {@link
 * FindingRepository#all} reads them (sources, dates and every column), through its reader thread,
 * which an exception from the caller's action stops.
 */
class FindingStreamTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-06T20:59:01.798461270Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void streamedFindingsAreTheFindingsInDisplayOrder() throws Exception {
    // More rows than the reader's batches and its queue hold, so the reader waits for the caller.
    int n = 6_000;
    long[] ids = new long[n];
    try (ProjectStore store = TestProjects.withFindings(dir, CLOCK, n, ids)) {
      // Every finding seen by bandit, every third by semgrep too (a later import): one and two
      // sources a finding, which the reader's one ordered pass must hand to the right findings.
      store.write(
          c -> {
            long semgrep =
                new ImportRepository(c)
                    .begin(
                        "s.json", "/tmp/s.json", "01", "semgrep-json", "semgrep", CLOCK.instant());
            try (FindingRepository r = new FindingRepository(c)) {
              for (int i = 0; i < n; i++) {
                r.seenBy(ids[i], "bandit", "B608", 1);
                if (i % 3 == 0) {
                  r.seenBy(ids[i], "semgrep", "sql-" + i, semgrep);
                }
              }
            }
            return null;
          });
      List<Finding> all = store.read(c -> new FindingRepository(c).all());
      List<Finding> streamed = new ArrayList<>();
      store.read(
          c -> {
            try (FindingRepository r = new FindingRepository(c)) {
              r.forEach(streamed::add);
            }
            return null;
          });
      assertEquals(n, all.size());
      assertEquals(all, streamed);
      assertEquals(CLOCK.instant(), streamed.get(0).firstSeen());
      for (Finding f : streamed) {
        int i = Integer.parseInt(f.fingerprint().substring(3));
        assertEquals(i % 3 == 0 ? 2 : 1, f.sources().size(), f.fingerprint());
        assertEquals("bandit", f.sources().get(0).tool());
        if (i % 3 == 0) {
          assertEquals("sql-" + i, f.sources().get(1).nativeRuleId());
        }
      }
      assertFalse(readerAlive(), "the reader is done when forEach returns");
    }
  }

  @Test
  void anExceptionFromTheActionStopsTheReaderAndReachesTheCaller() throws Exception {
    try (ProjectStore store = TestProjects.withFindings(dir, CLOCK, 6_000, new long[0])) {
      IllegalStateException stop = new IllegalStateException("disk full");
      int[] seen = {0};
      IllegalStateException thrown =
          assertThrows(
              IllegalStateException.class,
              () ->
                  store.read(
                      c -> {
                        try (FindingRepository r = new FindingRepository(c)) {
                          r.forEach(
                              f -> {
                                if (++seen[0] == 10) {
                                  throw stop;
                                }
                              });
                        }
                        return null;
                      }));
      assertSame(stop, thrown);
      assertEquals(10, seen[0]);
      assertFalse(readerAlive(), "the reader stopped with the caller");
      // The connection is usable afterwards: nothing was left stepping through it.
      assertEquals(6_000, store.read(c -> new FindingRepository(c).all()).size());
    }
  }

  private static boolean readerAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("findings-reader") && t.isAlive());
  }
}
