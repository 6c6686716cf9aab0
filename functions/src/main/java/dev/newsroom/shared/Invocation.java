package dev.newsroom.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Lambda invocation this thread is serving, named on every log line and metric with
 * Powertools' field names: {@code service} (the stack), {@code function_name},
 * {@code function_request_id}, {@code cold_start} and, when tracing is on, {@code xray_trace_id}. Handlers open it through
 * {@code config.LambdaInvocation}, the one place that reads Lambda's context; SnapStart priming
 * passes no context, so the first real invocation after a restore still counts as the cold one.
 */
public final class Invocation implements AutoCloseable {

  private static final AtomicBoolean COLD = new AtomicBoolean(true);
  private static final ThreadLocal<Invocation> CURRENT = new ThreadLocal<>();
  /** The service outside an invocation (and when the template names none). */
  static final String DEFAULT_SERVICE = "newsroom";
  /** Where no invocation is open: priming, tests, the dev server's own start-up. */
  private static final Invocation NONE = new Invocation(Map.of(), null);

  private final Map<String, Object> fields;
  private final Invocation outer;

  private Invocation(Map<String, Object> fields, Invocation outer) {
    this.fields = fields;
    this.outer = outer;
  }

  /**
   * Opens the invocation on this thread until {@link #close()}. The first one in the JVM is the
   * cold start: it says so in a metric line (and in {@code cold_start} on each of its lines).
   */
  public static Invocation open(String service, String functionName, String requestId,
      String traceHeader) {
    boolean cold = COLD.getAndSet(false);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("service", service == null ? DEFAULT_SERVICE : service);
    fields.put("function_name", functionName);
    fields.put("function_request_id", requestId);
    fields.put("cold_start", cold);
    String traceId = traceRoot(traceHeader);
    if (traceId != null) {
      fields.put("xray_trace_id", traceId);
    }
    Invocation opened = new Invocation(Map.copyOf(fields), CURRENT.get());
    CURRENT.set(opened);
    if (cold) {
      Metrics.count(Metric.COLD_STARTS, 1);
    }
    return opened;
  }

  /** What a fresh JVM starts with: the next invocation is the cold one (for tests). */
  static void newContainer() {
    COLD.set(true);
  }

  /** A scope that adds nothing, for callers without a Lambda context. */
  public static Invocation none() {
    return NONE;
  }

  /** The open invocation's fields, in the order they are logged; empty outside one. */
  static Map<String, Object> fields() {
    Invocation current = CURRENT.get();
    return current == null ? Map.of() : current.fields;
  }

  /** The service the open invocation belongs to, or the default. */
  static String service() {
    Object service = fields().get("service");
    return service == null ? DEFAULT_SERVICE : service.toString();
  }

  @Override
  public void close() {
    if (this == NONE) {
      return;
    }
    if (outer == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(outer);
    }
  }

  /** The {@code Root=1-...} part of an X-Ray trace header, as Powertools logs it. */
  static String traceRoot(String header) {
    if (header == null) {
      return null;
    }
    for (String part : header.split(";")) {
      if (part.startsWith("Root=")) {
        return part.substring("Root=".length());
      }
    }
    return null;
  }
}
