package dev.newsroom.devserver;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * EventBridge schedules of template.yaml, played locally: each scheduled function's real handler
 * is invoked with a "Scheduled Event" at its rate, at the start of each period (a rate(1 minute)
 * sweep runs at every whole minute), one invocation at a time as its reserved concurrency of 1
 * makes it deployed. A failed invocation is logged; the next one is the retry, as deployed.
 */
final class LocalSchedules implements AutoCloseable {

  private final ScheduledExecutorService timer;

  private LocalSchedules(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /** @param period overrides every schedule's rate (e.g. a few seconds for demos), or null */
  static LocalSchedules start(SamTemplate template, Duration period) {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "schedules");
      thread.setDaemon(true);
      return thread;
    });
    for (SamTemplate.ScheduledInvocation scheduled : template.scheduledInvocations()) {
      RequestHandler<Map<String, Object>, Object> handler = instantiate(scheduled.handlerClass());
      long every = (period != null ? period : scheduled.rate()).toMillis();
      long untilNextPeriod = every - System.currentTimeMillis() % every;
      timer.scheduleAtFixedRate(() -> invoke(scheduled.functionId(), handler), untilNextPeriod,
          every, TimeUnit.MILLISECONDS);
    }
    return new LocalSchedules(timer);
  }

  private static void invoke(String functionId, RequestHandler<Map<String, Object>, Object> handler) {
    try {
      handler.handleRequest(event(functionId), null);
    } catch (RuntimeException e) {
      System.err.println("schedule " + functionId + ": " + e.getClass().getSimpleName() + ": "
          + e.getMessage() + " (the next invocation retries, as deployed)");
    }
  }

  /** What EventBridge sends a function on a schedule. */
  static Map<String, Object> event(String functionId) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "0");
    event.put("id", UUID.randomUUID().toString());
    event.put("detail-type", "Scheduled Event");
    event.put("source", "aws.events");
    event.put("time", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    event.put("resources", List.of("local:rule/" + functionId));
    event.put("detail", Map.of());
    return event;
  }

  @SuppressWarnings("unchecked")
  private static RequestHandler<Map<String, Object>, Object> instantiate(String className) {
    try {
      return (RequestHandler<Map<String, Object>, Object>) Class.forName(className)
          .getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build scheduled handler " + className, e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    timer.shutdownNow();
    timer.awaitTermination(5, TimeUnit.SECONDS);
  }
}
