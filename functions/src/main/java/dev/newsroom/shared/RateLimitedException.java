package dev.newsroom.shared;

import java.time.Duration;

/** Too many requests from one source; try again after {@link #retryAfter()}. */
public final class RateLimitedException extends DomainException {

  private final Duration retryAfter;

  public RateLimitedException(Duration retryAfter) {
    super("Too many requests. Try again later.");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
