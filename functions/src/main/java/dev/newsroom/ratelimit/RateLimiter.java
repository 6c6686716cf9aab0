package dev.newsroom.ratelimit;

import java.time.Duration;

/** Counts requests per subject in fixed windows. */
public interface RateLimiter {

  /** At most {@code max} requests per {@code window}. */
  record Limit(int max, Duration window) {}

  /**
   * Counts one request of {@code subject} (an IP or an email address; implementations store a
   * hash of it, never the value) under {@code scope}.
   *
   * @throws dev.newsroom.shared.RateLimitedException when the window's limit is already reached
   */
  void acquire(String scope, String subject, Limit limit);
}
