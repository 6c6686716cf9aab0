package dev.newsroom.bench;

import java.util.Arrays;
import java.util.List;

/** Order statistics over samples; nearest-rank percentiles. */
final class Stats {

  private Stats() {}

  static double median(List<Double> samples) {
    return percentile(samples, 50);
  }

  static double percentile(List<Double> samples, double p) {
    if (samples.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = samples.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
