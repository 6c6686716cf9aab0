package dev.newsroom.shared;

import java.time.Instant;

/** Time source, read per call so that no value is captured at init (SnapStart-safe). */
@FunctionalInterface
public interface Clock {

  Instant now();

  static Clock system() {
    return Instant::now;
  }
}
