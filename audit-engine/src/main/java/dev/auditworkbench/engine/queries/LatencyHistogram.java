package dev.auditworkbench.engine.queries;

import java.util.Arrays;

/**
 * Durations in logarithmic buckets (each 2% wider than the last, from 1 microsecond to about a
 * day), so percentiles of millions of queries or requests take little memory and come out within
 * about 1% of the exact value. Sparse (only buckets in use are kept), so one per distinct statement
 * of a big log stays small. Stored as {@code "bucket:count,..."}.
 */
public final class LatencyHistogram {
  private static final double MIN_MS = 0.001;
  private static final double LOG_BASE = Math.log(1.02);
  static final int BUCKETS = 1200;

  private int[] keys = new int[4];
  private long[] counts = new long[4];
  private int size;
  private long total;

  public void add(double millis) {
    add(bucket(millis), 1);
  }

  private void add(int bucket, long n) {
    int at = Arrays.binarySearch(keys, 0, size, bucket);
    if (at >= 0) {
      counts[at] += n;
    } else {
      at = -at - 1;
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        counts = Arrays.copyOf(counts, size * 2);
      }
      System.arraycopy(keys, at, keys, at + 1, size - at);
      System.arraycopy(counts, at, counts, at + 1, size - at);
      keys[at] = bucket;
      counts[at] = n;
      size++;
    }
    total += n;
  }

  public void addAll(LatencyHistogram other) {
    for (int i = 0; i < other.size; i++) {
      add(other.keys[i], other.counts[i]);
    }
  }

  public long count() {
    return total;
  }

  /**
   * The value at quantile q (0..1): the geometric middle of the bucket holding it; NaN when empty.
   */
  public double quantile(double q) {
    if (total == 0) {
      return Double.NaN;
    }
    long rank = Math.max(1, (long) Math.ceil(q * total));
    long seen = 0;
    for (int i = 0; i < size; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return keys[i] == 0 ? MIN_MS : MIN_MS * Math.exp(LOG_BASE * (keys[i] + 0.5));
      }
    }
    return MIN_MS * Math.exp(LOG_BASE * BUCKETS);
  }

  /**
   * The quantile, never above the largest duration seen ({@code observedMax}, when known): a
   * bucket's middle can lie above the one sample in it, and a p95 above the max reads as a bug.
   */
  public double quantile(double q, double observedMax) {
    double estimate = quantile(q);
    return observedMax > 0 && estimate > observedMax ? observedMax : estimate;
  }

  static int bucket(double millis) {
    if (!(millis > MIN_MS)) {
      return 0;
    }
    int b = (int) (Math.log(millis / MIN_MS) / LOG_BASE);
    return Math.min(BUCKETS - 1, Math.max(0, b));
  }

  public String encode() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < size; i++) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(keys[i]).append(':').append(counts[i]);
    }
    return sb.toString();
  }

  public static LatencyHistogram decode(String text) {
    LatencyHistogram h = new LatencyHistogram();
    if (text == null || text.isBlank()) {
      return h;
    }
    for (String part : text.split(",")) {
      int colon = part.indexOf(':');
      int b = Integer.parseInt(part.substring(0, colon));
      long c = Long.parseLong(part.substring(colon + 1));
      if (b < 0 || b >= BUCKETS || c < 0) {
        throw new IllegalArgumentException("not a latency histogram: " + part);
      }
      h.add(b, c);
    }
    return h;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LatencyHistogram h && encode().equals(h.encode());
  }

  @Override
  public int hashCode() {
    return encode().hashCode();
  }
}
