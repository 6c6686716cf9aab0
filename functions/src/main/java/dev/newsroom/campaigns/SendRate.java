package dev.newsroom.campaigns;

import java.time.Instant;

/** One send rate shared by every sender of every campaign. */
public interface SendRate {

  /**
   * Permission to send {@code tokens} emails from {@code from} until {@code until} (the end of
   * the calendar second they belong to). With no tokens: ask again at {@code from}.
   */
  record Grant(int tokens, Instant from, Instant until) {

    static final Grant NONE = new Grant(0, Instant.EPOCH, Instant.EPOCH);

    Grant less(int used) {
      return new Grant(tokens - used, from, until);
    }
  }

  /**
   * What a sender asks for: up to {@code most} sends, and, once its pace is known, no more than
   * it can make in the part of a second left to use (a grant lapses with its second, and what
   * one sender took but could not use is lost to all).
   *
   * @param paceNanos the sender's average time per send, 0 while unknown
   */
  record Ask(int most, long paceNanos) {

    int within(long nanosLeft) {
      if (paceNanos <= 0) {
        return Math.max(1, most);
      }
      return (int) Math.max(1, Math.min(most, nanosLeft / paceNanos + 1));
    }
  }

  /**
   * Sends from the current second, or, when it is used up, from the next one, which the sender
   * waits for rather than asking again.
   */
  Grant acquire(Ask ask);
}
