package dev.auditworkbench.engine.deps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnmaintainedTest {
  @Test
  void theTableIsReadAndLooksUpByCanonicalName() {
    assertEquals(10, Unmaintained.size(), "rows in unmaintained.tsv");
    assertEquals("django-nose", Unmaintained.of("Django_Nose").orElseThrow().name());
    assertTrue(Unmaintained.of("django").isEmpty());
    assertTrue(Unmaintained.of("requests").isEmpty());
  }

  @Test
  void aPackageBlocksTheSeriesAfterTheLastItRunsWith() {
    var nose = Unmaintained.of("django-nose").orElseThrow();
    assertFalse(nose.blocks("4.2"));
    assertTrue(nose.blocks("5.0"));
    assertTrue(nose.blocks("5.2"));
    var south = Unmaintained.of("South").orElseThrow();
    assertTrue(
        south.blocks("1.10"), "1.10 comes after 1.6 (compared number by number, not as decimals)");
    assertFalse(
        Unmaintained.of("django-jsonfield").orElseThrow().blocks("6.0"),
        "superseded, not a blocker");
  }
}
