package dev.auditworkbench.engine.queries;

import dev.auditworkbench.engine.spi.HttpEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Attributes database request windows (sessions, log windows) to the HTTP requests of an access log
 * by time when nothing else ties them together. An access log stamps a request's end to the second,
 * so many requests can hold a window; both sequences run in time order, so the matching is the best
 * order-preserving one: the heaviest chain of (window, request) pairs, where a pair is allowed when
 * the request's time span can hold the window and weighs more the closer the window's length is to
 * the request's. O(pairs log requests).
 */
public final class RequestMatcher {
  /** Requests a window is compared with at most. */
  static final int MAX_CANDIDATES = 400;

  private static final long SLACK_MS = 2;

  /** A window to place: its time span. */
  public record Span(long startMs, long endMs) {}

  private RequestMatcher() {}

  /** For each window index, the index of its request; unmatched windows are absent. */
  public static Map<Integer, Integer> match(List<Span> windows, List<HttpEvent> requests) {
    List<int[]> pairs = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    long maxDuration = 0;
    for (HttpEvent e : requests) {
      maxDuration = Math.max(maxDuration, Math.round(e.durationMs()));
    }
    int lo = 0;
    for (int i = 0; i < windows.size(); i++) {
      Span w = windows.get(i);
      while (lo < requests.size()
          && requests.get(lo).endMs() + requests.get(lo).endPrecisionMs() + SLACK_MS < w.endMs()) {
        lo++;
      }
      for (int k = lo; k < requests.size() && k < lo + MAX_CANDIDATES; k++) {
        HttpEvent e = requests.get(k);
        if (e.endMs() - maxDuration - SLACK_MS > w.startMs()) {
          break;
        }
        long span = w.endMs() - w.startMs();
        boolean holds =
            w.startMs() >= e.endMs() - Math.round(e.durationMs()) - SLACK_MS
                && w.endMs() <= e.endMs() + e.endPrecisionMs() + SLACK_MS
                && span <= e.durationMs() + SLACK_MS;
        if (holds) {
          double a = Math.max(1, span);
          double b = Math.max(1, e.durationMs());
          pairs.add(new int[] {i, k});
          weights.add(0.25 + Math.min(a, b) / Math.max(a, b));
        }
      }
    }
    // Heaviest chain with strictly increasing window and request: a Fenwick tree of prefix maxima
    // over requests, updated once all pairs of a window are scored.
    int n = requests.size();
    double[] treeVal = new double[n + 1];
    int[] treeArg = new int[n + 1];
    Arrays.fill(treeArg, -1);
    double[] score = new double[pairs.size()];
    int[] prev = new int[pairs.size()];
    int p = 0;
    int bestPair = -1;
    double best = 0;
    while (p < pairs.size()) {
      int window = pairs.get(p)[0];
      int q = p;
      while (q < pairs.size() && pairs.get(q)[0] == window) {
        int k = pairs.get(q)[1];
        double bestBefore = 0;
        int arg = -1;
        for (int x = k; x > 0; x -= x & -x) {
          if (treeVal[x] > bestBefore) {
            bestBefore = treeVal[x];
            arg = treeArg[x];
          }
        }
        score[q] = bestBefore + weights.get(q);
        prev[q] = arg;
        q++;
      }
      for (int r = p; r < q; r++) {
        int k = pairs.get(r)[1] + 1;
        for (int x = k; x <= n; x += x & -x) {
          if (score[r] > treeVal[x]) {
            treeVal[x] = score[r];
            treeArg[x] = r;
          }
        }
        if (score[r] > best) {
          best = score[r];
          bestPair = r;
        }
      }
      p = q;
    }
    Map<Integer, Integer> out = new HashMap<>();
    for (int r = bestPair; r >= 0; r = prev[r]) {
      out.put(pairs.get(r)[0], pairs.get(r)[1]);
    }
    return out;
  }
}
