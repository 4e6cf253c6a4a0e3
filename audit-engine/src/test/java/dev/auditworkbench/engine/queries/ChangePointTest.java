package dev.auditworkbench.engine.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChangePointTest {

  @Test
  void findsTheDayTheLevelRose() {
    ChangePoint cp =
        ChangePoint.of(List.of(210.0, 190.0, 205.0, 200.0, 198.0, 1350.0, 1420.0, 1390.0, 1400.0));
    assertEquals(5, cp.index());
    assertEquals(200.0, cp.before(), 1e-9);
    assertEquals(1395.0, cp.after(), 1e-9);
  }

  @Test
  void noiseAndSmallMovesAreNoChange() {
    assertNull(ChangePoint.of(List.of(200.0, 260.0, 180.0, 240.0, 210.0, 250.0, 190.0)));
    assertNull(
        ChangePoint.of(List.of(200.0, 200.0, 200.0, 260.0, 260.0, 260.0)),
        "x1.3 is below the threshold");
    assertNull(
        ChangePoint.of(List.of(200.0, 900.0, 950.0)), "too short for two segments of two days");
  }

  @Test
  void aDropIsFoundToo() {
    assertEquals(3, ChangePoint.of(List.of(900.0, 950.0, 920.0, 300.0, 310.0, 290.0)).index());
  }
}
