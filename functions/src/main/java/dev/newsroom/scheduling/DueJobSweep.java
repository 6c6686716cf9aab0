package dev.newsroom.scheduling;

import dev.newsroom.shared.Clock;
import dev.newsroom.shared.Log;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pass over the due jobs: fire each through the handler of its kind, remove it after the
 * handler returned. A job whose handler throws stays for the next pass, so a failed or missed
 * sweep is caught by the next one, and no state lives between passes. Jobs are taken in pages,
 * oldest first, until none is due or the time budget is spent.
 */
public final class DueJobSweep {

  static final int PAGE = 100;

  /** What one pass did. {@code failed} counts jobs kept for the next pass. */
  public record Result(int fired, int failed, int alreadyRemoved, Duration maxLateness) {}

  private final DueJobRepository jobs;
  private final Map<String, DueJobHandler> handlers = new HashMap<>();
  private final Clock clock;
  private final Duration budget;

  /**
   * @param budget stop taking new pages after this long, so the pass ends before its function's
   *     timeout; what is left is due to the next pass
   */
  public DueJobSweep(DueJobRepository jobs, List<DueJobHandler> handlers, Clock clock,
      Duration budget) {
    this.jobs = jobs;
    this.clock = clock;
    this.budget = budget;
    for (DueJobHandler handler : handlers) {
      if (this.handlers.put(handler.kind(), handler) != null) {
        throw new IllegalArgumentException("Two handlers for kind " + handler.kind());
      }
    }
  }

  public Result sweep() {
    Instant start = clock.now();
    Instant deadline = start.plus(budget);
    int fired = 0;
    int failed = 0;
    int alreadyRemoved = 0;
    Duration maxLateness = Duration.ZERO;
    // Jobs that failed stay due; skipping them keeps a later page from returning them again.
    Set<DueJob> kept = new HashSet<>();
    while (true) {
      List<DueJob> page = jobs.due(start, PAGE + kept.size()).stream()
          .filter(job -> !kept.contains(job)).limit(PAGE).toList();
      if (page.isEmpty()) {
        break;
      }
      for (DueJob job : page) {
        Duration lateness = Duration.between(job.dueAt(), clock.now());
        if (fire(job)) {
          fired++;
          maxLateness = lateness.compareTo(maxLateness) > 0 ? lateness : maxLateness;
          if (!jobs.remove(job)) {
            alreadyRemoved++;
          }
        } else {
          failed++;
          kept.add(job);
        }
      }
      if (page.size() < PAGE || !clock.now().isBefore(deadline)) {
        break;
      }
    }
    Result result = new Result(fired, failed, alreadyRemoved, maxLateness);
    Log.info("scheduling.swept", Map.of("fired", fired, "failed", failed,
        "alreadyRemoved", alreadyRemoved, "maxLatenessMs", maxLateness.toMillis()));
    return result;
  }

  private boolean fire(DueJob job) {
    DueJobHandler handler = handlers.get(job.kind());
    if (handler == null) {
      Log.info("scheduling.unknown_kind", Map.of("kind", job.kind(), "targetId", job.targetId()));
      return false;
    }
    try {
      handler.fire(job.targetId(), job.expectedVersion());
      return true;
    } catch (RuntimeException e) {
      Log.info("scheduling.fire_failed", Map.of("kind", job.kind(), "targetId", job.targetId(),
          "expectedVersion", job.expectedVersion()));
      Log.error("scheduling.fire_failed", e);
      return false;
    }
  }
}
