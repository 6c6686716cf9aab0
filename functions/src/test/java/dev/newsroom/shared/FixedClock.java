package dev.newsroom.shared;

import java.time.Duration;
import java.time.Instant;

/** A clock tests move by hand, so times in assertions are exact. */
public final class FixedClock implements Clock {

  private Instant now;

  public FixedClock(Instant start) {
    this.now = start;
  }

  @Override
  public Instant now() {
    return now;
  }

  public void advance(Duration by) {
    now = now.plus(by);
  }
}
