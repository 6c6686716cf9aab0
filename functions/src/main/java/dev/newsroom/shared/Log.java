package dev.newsroom.shared;

import java.time.Instant;
import java.util.Map;

/**
 * Structured one-line JSON logs on stdout (CloudWatch reads them as they are). Callers pass ids and
 * hashes only: never an email address, a key, a token or message text. Inside a Lambda invocation
 * every line also names it ({@link Invocation}: function, request id, cold start).
 */
public final class Log {

  private Log() {}

  public static void info(String event, Map<String, ?> fields) {
    write("INFO", event, fields, null);
  }

  public static void error(String event, Throwable failure) {
    write("ERROR", event, Map.of(), failure);
  }

  private static void write(String level, String event, Map<String, ?> fields, Throwable failure) {
    StringBuilder line = new StringBuilder(128)
        .append("{\"time\":\"").append(Instant.now())
        .append("\",\"level\":\"").append(level)
        .append("\",\"event\":").append(JsonWriter.write(event));
    append(line, fields);
    append(line, Invocation.fields());
    if (failure != null) {
      line.append(",\"trace\":").append(JsonWriter.write(trace(failure)));
    }
    System.out.println(line.append('}'));
  }

  /** A line of the caller's own shape (a metric), with the invocation's fields added. */
  static void emit(Map<String, ?> fields) {
    StringBuilder line = new StringBuilder(256).append('{');
    append(line, fields);
    Map<String, Object> invocation = new java.util.LinkedHashMap<>(Invocation.fields());
    invocation.keySet().removeAll(fields.keySet());
    append(line, invocation);
    System.out.println(line.append('}'));
  }

  private static void append(StringBuilder line, Map<String, ?> fields) {
    for (Map.Entry<String, ?> field : fields.entrySet()) {
      line.append(line.length() > 1 ? "," : "").append(JsonWriter.write(field.getKey()))
          .append(':').append(JsonWriter.write(field.getValue()));
    }
  }

  /** Types and frames only: exception messages can quote request data, so they are left out. */
  static String trace(Throwable failure) {
    StringBuilder trace = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      trace.append(t == failure ? "" : "caused by ").append(t.getClass().getName()).append('\n');
      StackTraceElement[] frames = t.getStackTrace();
      for (int i = 0; i < Math.min(frames.length, 12); i++) {
        trace.append("  at ").append(frames[i]).append('\n');
      }
    }
    return trace.toString();
  }
}
