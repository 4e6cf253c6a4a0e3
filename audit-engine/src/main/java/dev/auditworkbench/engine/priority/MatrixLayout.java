package dev.auditworkbench.engine.priority;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the impact-vs-effort matrix puts its discs, for the app's chart and the report's SVG alike.
 * Effort runs across on a log scale (1 to 200 hours), impact up (1 to 5). A disc starts at its
 * score; when that place is taken by a disc placed before it (items are placed in rank order, so
 * the most important keep their exact place) it moves out along a spiral to the nearest free place
 * that stays in its own cell: within half a step of its impact, within half an octave of its
 * effort, on its own side of the quadrant lines and clear of the axes. Where a crowded cell has no
 * free place left, the disc goes where it overlaps least.
 */
public final class MatrixLayout {
  /** Hours at the right end of the effort axis. */
  public static final double MAX_HOURS = 200;

  private static final double GAP = 1.5;
  private static final int TRIES = 600;
  private static final double GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

  /**
   * The drawing's size and its plot area's margins; {@code inset} keeps the 1-hour column off the
   * impact axis.
   */
  public record Frame(
      double width,
      double height,
      double left,
      double right,
      double top,
      double bottom,
      double inset) {
    public double plotLeft() {
      return left;
    }

    public double plotRight() {
      return width - right;
    }

    public double plotTop() {
      return top;
    }

    public double plotBottom() {
      return height - bottom;
    }

    /** Horizontal position of an effort in hours (clamped to 1..200). */
    public double x(double hours) {
      double h = Math.max(1, Math.min(MAX_HOURS, hours));
      return left + inset + (plotRight() - left - inset) * Math.log(h) / Math.log(MAX_HOURS);
    }

    /** Vertical position of an impact (clamped to 0.5..5.5). */
    public double y(double impact) {
      double v = Math.max(0.5, Math.min(5.5, impact));
      return plotBottom() - (plotBottom() - top) * (v - 0.5) / 5.0;
    }

    /** Hours at a horizontal position, rounded to a whole hour (1..200). */
    public int hoursAt(double px) {
      double t = (px - left - inset) / (plotRight() - left - inset);
      return (int) Math.max(1, Math.min(MAX_HOURS, Math.round(Math.exp(t * Math.log(MAX_HOURS)))));
    }

    /** Impact at a vertical position, 1 to 5. */
    public int impactAt(double py) {
      double v = 0.5 + (plotBottom() - py) / (plotBottom() - top) * 5.0;
      return (int) Math.max(1, Math.min(5, Math.round(v)));
    }
  }

  /** A placed disc: its work item, rank (1 = first in the plan), centre and radius. */
  public record Disc(Planner.WorkItem item, int rank, double x, double y, double radius) {}

  private MatrixLayout() {}

  /** The disc radius for a work item: grows with the square root of its findings. */
  public static double radius(Planner.WorkItem item, double base) {
    return base + 2.5 * Math.sqrt(item.findings().size());
  }

  /**
   * Places the items (in the plan's order; ranks count from 1 over {@code items}) with radii from
   * {@code base}; the quadrant lines are at {@code highImpact - 0.5} and {@code lowEffortHours +
   * 0.5}, as drawn.
   */
  public static List<Disc> place(
      List<Planner.WorkItem> items, Frame frame, double base, int highImpact, int lowEffortHours) {
    double splitX = frame.x(lowEffortHours + 0.5);
    double splitY = frame.y(highImpact - 0.5);
    double rowHalf = (frame.y(1) - frame.y(2)) / 2;
    List<Disc> placed = new ArrayList<>(items.size());
    int rank = 0;
    for (Planner.WorkItem w : items) {
      rank++;
      double r = radius(w, base);
      double hours = Math.max(1, Math.min(MAX_HOURS, w.effortHours()));
      double ix = frame.x(hours);
      double iy = frame.y(w.impact());
      // The cell the disc may move in: its score's neighbourhood, its quadrant, inside the plot.
      double minX = Math.max(frame.x(hours / Math.sqrt(2)), frame.plotLeft() + r + GAP);
      double maxX = Math.min(frame.x(hours * Math.sqrt(2)), frame.plotRight() - r - GAP);
      double minY = Math.max(iy - rowHalf + 2, frame.plotTop() + r + GAP);
      double maxY = Math.min(iy + rowHalf - 2, frame.plotBottom() - r - GAP);
      if (ix < splitX) {
        maxX = Math.min(maxX, splitX - GAP);
      } else {
        minX = Math.max(minX, splitX + GAP);
      }
      if (iy < splitY) {
        maxY = Math.min(maxY, splitY - GAP);
      } else {
        minY = Math.max(minY, splitY + GAP);
      }
      if (minX > maxX) {
        minX = maxX = Math.max(frame.plotLeft(), Math.min(frame.plotRight(), ix));
      }
      if (minY > maxY) {
        minY = maxY = Math.max(frame.plotTop(), Math.min(frame.plotBottom(), iy));
      }
      double bestX = clamp(ix, minX, maxX);
      double bestY = clamp(iy, minY, maxY);
      double bestOverlap = Double.MAX_VALUE;
      for (int k = 0; k < TRIES; k++) {
        double dist = 2.2 * Math.sqrt(k);
        double cx = clamp(ix + dist * Math.cos(k * GOLDEN_ANGLE), minX, maxX);
        double cy = clamp(iy + dist * Math.sin(k * GOLDEN_ANGLE), minY, maxY);
        double overlap = overlap(placed, cx, cy, r);
        if (overlap < bestOverlap - 1e-9) {
          bestOverlap = overlap;
          bestX = cx;
          bestY = cy;
          if (overlap == 0) {
            break;
          }
        }
      }
      placed.add(new Disc(w, rank, bestX, bestY, r));
    }
    return placed;
  }

  /** How far the disc would reach into the discs already placed (0 when it touches none). */
  private static double overlap(List<Disc> placed, double x, double y, double r) {
    double total = 0;
    for (Disc d : placed) {
      double into = d.radius() + r + GAP - Math.hypot(d.x() - x, d.y() - y);
      if (into > 0) {
        total += into;
      }
    }
    return total;
  }

  private static double clamp(double v, double min, double max) {
    return Math.max(min, Math.min(max, v));
  }
}
