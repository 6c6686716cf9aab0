package dev.newsroom.campaigns;

import java.time.Instant;

/** One send rate shared by every sender of every campaign. */
public interface SendRate {

  /**
   * Permission to send {@code tokens} emails before {@code until}.
   *
   * @param tokens 0 when the current second is used up; try again at {@code until}
   */
  record Grant(int tokens, Instant until) {}

  /** Asks for up to {@code wanted} sends in the current second. */
  Grant acquire(int wanted);

  /** Sends per second allowed now. */
  int limit();
}
