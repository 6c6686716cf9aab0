package dev.newsroom.ratelimit;

import dev.newsroom.shared.RateLimitedException;
import java.util.HashMap;
import java.util.Map;

/** Counts per scope and subject in one endless window: enough to see where a limit bites. */
public final class InMemoryRateLimiter implements RateLimiter {

  private final Map<String, Integer> counts = new HashMap<>();

  @Override
  public void acquire(String scope, String subject, Limit limit) {
    String key = scope + "\u0000" + subject;
    int count = counts.getOrDefault(key, 0);
    if (count >= limit.max()) {
      throw new RateLimitedException(limit.window());
    }
    counts.put(key, count + 1);
  }

  /** How many requests were counted under {@code scope}, all subjects together. */
  public int counted(String scope) {
    return counts.entrySet().stream().filter(e -> e.getKey().startsWith(scope + "\u0000"))
        .mapToInt(Map.Entry::getValue).sum();
  }
}
