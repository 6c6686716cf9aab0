package dev.newsroom.campaigns;

import dev.newsroom.shared.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A per-second counter, as the DynamoDB one keeps it. */
final class InMemorySendRate implements SendRate {

  private final Clock clock;
  private final int limit;
  final Map<Long, Integer> used = new HashMap<>();

  InMemorySendRate(Clock clock, int limit) {
    this.clock = clock;
    this.limit = limit;
  }

  @Override
  public synchronized Grant acquire(int wanted) {
    long second = clock.now().getEpochSecond();
    int taken = used.getOrDefault(second, 0);
    int granted = Math.max(0, Math.min(wanted, limit - taken));
    used.put(second, taken + granted);
    return new Grant(granted, Instant.ofEpochSecond(second + 1));
  }

  @Override
  public int limit() {
    return limit;
  }
}
