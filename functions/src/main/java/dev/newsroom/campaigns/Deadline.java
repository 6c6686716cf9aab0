package dev.newsroom.campaigns;

import java.time.Duration;

/** How long the current invocation may still run. */
@FunctionalInterface
public interface Deadline {

  Duration remaining();

  default boolean near(Duration margin) {
    return remaining().compareTo(margin) <= 0;
  }
}
