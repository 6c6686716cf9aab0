package dev.newsroom.shared;

import java.time.Duration;
import java.time.Instant;

/** A clock that tests move by hand. */
public final class MutableClock implements Clock {

  private Instant now;

  public MutableClock(Instant start) {
    this.now = start;
  }

  @Override
  public Instant now() {
    return now;
  }

  public void advance(Duration step) {
    now = now.plus(step);
  }
}
