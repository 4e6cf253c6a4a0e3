package dev.auditworkbench.views.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class TextsTest {
  @Test
  void countsTakeTheSingularOnlyForOne() {
    assertEquals("0 imports", Texts.count(0, "import"));
    assertEquals("1 import", Texts.count(1, "import"));
    assertEquals("1,200 co-changes", Texts.count(1200, "co-change"));
  }

  @Test
  void momentsAreShownToTheMinuteInTheMachinesZone() {
    Instant at = Instant.parse("2026-12-03T07:51:04.928582971Z");
    ZonedDateTime local = at.atZone(ZoneId.systemDefault());
    assertEquals(
        String.format(
            "%04d-%02d-%02d %02d:%02d",
            local.getYear(),
            local.getMonthValue(),
            local.getDayOfMonth(),
            local.getHour(),
            local.getMinute()),
        Texts.minute(at));
  }
}
