package dev.newsroom.campaigns;

import java.time.Duration;

/** Waits; tests move a clock instead. */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration duration);

  static Sleeper system() {
    return duration -> {
      try {
        Thread.sleep(duration.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    };
  }
}
