package dev.auditworkbench.engine.queries;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The day a daily series (a route's p95) changed level: the single split that best explains the
 * series as two flat segments (least squares on the logarithm, since latency moves by factors),
 * kept only when the level moved by at least half and by more than twice the day-to-day noise.
 *
 * @param index the first point of the new level
 * @param before median of the points before it
 * @param after median of the points from it on
 */
public record ChangePoint(int index, double before, double after) {
  /** Points needed on each side. */
  static final int MIN_SEGMENT = 2;

  /** Smallest level change reported (x1.5 or /1.5). */
  static final double MIN_RATIO = 1.5;

  /** The change point of the series, or null when it has none. */
  public static ChangePoint of(List<Double> series) {
    int n = series.size();
    if (n < 2 * MIN_SEGMENT) {
      return null;
    }
    double[] logs = series.stream().mapToDouble(v -> Math.log(Math.max(v, 1e-3))).toArray();
    int best = -1;
    double bestCost = Double.MAX_VALUE;
    for (int k = MIN_SEGMENT; k <= n - MIN_SEGMENT; k++) {
      double cost = sse(logs, 0, k) + sse(logs, k, n);
      if (cost < bestCost) {
        bestCost = cost;
        best = k;
      }
    }
    double shift = Math.abs(mean(logs, best, n) - mean(logs, 0, best));
    double noise = Math.sqrt(bestCost / Math.max(1, n - 2));
    if (shift < Math.log(MIN_RATIO) || shift <= 2 * noise) {
      return null;
    }
    return new ChangePoint(best, median(series.subList(0, best)), median(series.subList(best, n)));
  }

  private static double mean(double[] v, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += v[i];
    }
    return s / (to - from);
  }

  private static double sse(double[] v, int from, int to) {
    double m = mean(v, from, to);
    double s = 0;
    for (int i = from; i < to; i++) {
      s += (v[i] - m) * (v[i] - m);
    }
    return s;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
