package dev.auditworkbench.engine.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void quantilesAreWithinTwoPercentOfTheExactOnes() {
    Random random = new Random(7);
    double[] values = new double[100_000];
    LatencyHistogram h = new LatencyHistogram();
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.exp(random.nextGaussian() * 1.5 + 3); // log-normal, like latencies
      h.add(values[i]);
    }
    Arrays.sort(values);
    for (double q : new double[] {0.5, 0.95, 0.99}) {
      double exact = values[(int) Math.ceil(q * values.length) - 1];
      double estimate = h.quantile(q);
      assertTrue(Math.abs(estimate - exact) / exact < 0.02, q + ": " + estimate + " vs " + exact);
    }
    assertEquals(values.length, h.count());
  }

  @Test
  void encodesSparselyAndDecodesToTheSameHistogram() {
    LatencyHistogram h = new LatencyHistogram();
    h.add(0.5);
    h.add(0.5);
    h.add(120);
    h.add(0);
    LatencyHistogram back = LatencyHistogram.decode(h.encode());
    assertEquals(h, back);
    assertEquals(4, back.count());
    assertEquals(3, h.encode().split(",").length);
    LatencyHistogram merged = new LatencyHistogram();
    merged.addAll(h);
    merged.addAll(back);
    assertEquals(8, merged.count());
    assertTrue(Math.abs(merged.quantile(1.0) - 120) / 120 < 0.02);
    assertTrue(Double.isNaN(new LatencyHistogram().quantile(0.5)));
    assertThrows(IllegalArgumentException.class, () -> LatencyHistogram.decode("5000:1"));
  }

  @Test
  void aQuantileNeverExceedsTheLargestDurationSeen() {
    LatencyHistogram h = new LatencyHistogram();
    h.add(100);
    assertTrue(h.quantile(0.95) > 100, "a bucket's middle lies above its one sample");
    assertEquals(100, h.quantile(0.95, 100));
    assertEquals(h.quantile(0.95), h.quantile(0.95, Double.NaN), "no max known: the estimate");
  }
}
