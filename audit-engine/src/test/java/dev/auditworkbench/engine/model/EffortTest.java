package dev.auditworkbench.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EffortTest {
  @ParameterizedTest
  @CsvSource(
      textBlock =
          """
      S,   4,  S
      m,   16, M
      XL,  80, XL
      3,   3,  S
      5h,  5,  M
      2d,  16, M
      17,  17, L
      40h, 40, L
      41,  41, XL
      """)
  void parsesSizesHoursAndDays(String text, int hours, Effort.Size size) {
    Effort e = Effort.parse(text);
    assertEquals(hours, e.hours());
    assertEquals(size, e.size());
  }

  @ParameterizedTest
  @CsvSource({"huge", "0", "-2", "h"})
  void rejectsNonsense(String text) {
    assertThrows(IllegalArgumentException.class, () -> Effort.parse(text));
  }

  @ParameterizedTest
  @CsvSource({"In report, IN_REPORT", "in-report, IN_REPORT", "DISMISSED, DISMISSED"})
  void statusNamesAreReadLeniently(String text, Status expected) {
    assertEquals(expected, Status.parse(text));
  }
}
