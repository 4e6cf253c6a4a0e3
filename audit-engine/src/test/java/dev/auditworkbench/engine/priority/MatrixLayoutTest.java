package dev.auditworkbench.engine.priority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.testing.FindingBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MatrixLayoutTest {
  private static final MatrixLayout.Frame FRAME =
      new MatrixLayout.Frame(640, 420, 60, 20, 20, 62, 14);

  private static Planner.WorkItem item(String key, int impact, int hours, int findings) {
    List<Finding> fs =
        IntStream.range(0, findings)
            .mapToObj(i -> FindingBuilder.finding("r").fingerprint(key + i).build())
            .toList();
    return new Planner.WorkItem(
        key,
        key,
        fs,
        impact,
        hours,
        Quadrant.FILL_IN,
        0,
        Phase.DELETE_THE_LEGACY,
        false,
        null,
        false);
  }

  private static void assertNoOverlap(List<MatrixLayout.Disc> discs) {
    for (int i = 0; i < discs.size(); i++) {
      for (int j = 0; j < i; j++) {
        var a = discs.get(i);
        var b = discs.get(j);
        double d = Math.hypot(a.x() - b.x(), a.y() - b.y());
        assertTrue(
            d >= a.radius() + b.radius(),
            "#" + a.rank() + " overlaps #" + b.rank() + " (" + d + " apart)");
      }
    }
  }

  private static void assertInItsCell(MatrixLayout.Disc d, int highImpact, int lowEffort) {
    var w = d.item();
    assertEquals(w.impact(), FRAME.impactAt(d.y()), "#" + d.rank() + " reads as its impact");
    double h = FRAME.hoursAt(d.x());
    double drawn = Math.min(MatrixLayout.MAX_HOURS, w.effortHours()); // the axis ends at 200 h
    assertTrue(h >= drawn / 1.5 && h <= drawn * 1.5, "#" + d.rank() + " reads as its effort: " + h);
    assertEquals(
        w.effortHours() <= lowEffort, FRAME.hoursAt(d.x()) <= lowEffort, "on its side of effort");
    assertEquals(w.impact() >= highImpact, FRAME.impactAt(d.y()) >= highImpact);
    assertTrue(d.x() - d.radius() > FRAME.plotLeft(), "clear of the impact axis");
    assertTrue(d.y() + d.radius() < FRAME.plotBottom(), "clear of the effort axis");
  }

  @Test
  void discsOfTheSameScoreSitSideBySideInTheirCell() {
    List<Planner.WorkItem> items = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      items.add(item("same" + i, 4, 4, 1 + i % 3));
    }
    var discs = MatrixLayout.place(items, FRAME, 4, 4, 16);
    assertNoOverlap(discs);
    discs.forEach(d -> assertInItsCell(d, 4, 16));
    // The first in rank keeps its exact place.
    assertEquals(FRAME.x(4), discs.get(0).x(), 1e-9);
    assertEquals(FRAME.y(4), discs.get(0).y(), 1e-9);
  }

  @Test
  void discsAtTheAxesAreMovedInsideThePlot() {
    var discs =
        MatrixLayout.place(
            List.of(item("corner", 1, 1, 30), item("right", 1, 500, 40)), FRAME, 4, 4, 16);
    discs.forEach(d -> assertInItsCell(d, 4, 16));
    assertTrue(discs.get(1).x() + discs.get(1).radius() < FRAME.plotRight());
  }

  @Test
  void aDiscNeverCrossesAQuadrantLine() {
    // 16 h is a quick win, 17 h not: crowding one side never pushes a disc over the line.
    List<Planner.WorkItem> items = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      items.add(item("low" + i, 4, 16, 2));
      items.add(item("high" + i, 4, 17, 2));
      items.add(item("under" + i, 3, 16, 2));
    }
    var discs = MatrixLayout.place(items, FRAME, 4, 4, 16);
    discs.forEach(d -> assertInItsCell(d, 4, 16));
  }

  @Test
  void aCrowdedCellStillKeepsEveryDiscInIt() {
    List<Planner.WorkItem> items = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      items.add(item("crowd" + i, 2, 8, 4));
    }
    var discs = MatrixLayout.place(items, FRAME, 4, 4, 16);
    assertEquals(60, discs.size());
    discs.forEach(d -> assertInItsCell(d, 4, 16));
  }
}
