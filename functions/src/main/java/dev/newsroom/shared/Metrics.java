package dev.newsroom.shared;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Business counts as CloudWatch Embedded Metric Format lines on stdout: CloudWatch Logs turns
 * each into a metric data point, so the request path makes no extra call and holds no client.
 * Every point carries the {@code service} dimension (the stack name, see {@link Invocation});
 * an optional second dimension (an email kind, a how) adds a finer series next to the total.
 * Dimension values name categories only, never an address, id, key or token: a value that is not
 * a lower-case category name is counted as {@code other}, so counting never fails the work it
 * counts nor carries free text.
 */
public final class Metrics {

  public static final String NAMESPACE = "Newsroom";
  public static final String SERVICE_DIMENSION = "service";

  /** Lower-case words and dashes: a category, never free text that could quote a visitor. */
  private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  private Metrics() {}

  public static void count(Metric metric, long n) {
    emit(metric, n, null, null);
  }

  /**
   * Counts {@code n} under the service total and under {@code dimension=value}.
   *
   * @param dimension a constant lower-case name, such as {@code kind}
   */
  public static void count(Metric metric, long n, String dimension, String value) {
    if (!CATEGORY.matcher(dimension).matches()) {
      throw new IllegalArgumentException("a metric dimension is a lower-case name: " + dimension);
    }
    emit(metric, n, dimension,
        value != null && CATEGORY.matcher(value).matches() ? value : "other");
  }

  private static void emit(Metric metric, long n, String dimension, String value) {
    List<List<String>> dimensionSets = dimension == null
        ? List.of(List.of(SERVICE_DIMENSION))
        : List.of(List.of(SERVICE_DIMENSION), List.of(SERVICE_DIMENSION, dimension));
    Map<String, Object> directive = Map.of("Namespace", NAMESPACE, "Dimensions", dimensionSets,
        "Metrics", List.of(Map.of("Name", metric.cloudWatchName(), "Unit", "Count")));
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("_aws", Map.of("Timestamp", Instant.now().toEpochMilli(),
        "CloudWatchMetrics", List.of(directive)));
    line.put(SERVICE_DIMENSION, Invocation.service());
    if (dimension != null) {
      line.put(dimension, value);
    }
    line.put(metric.cloudWatchName(), n);
    Log.emit(line);
  }
}
