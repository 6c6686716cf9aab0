package dev.newsroom.subscriptions;

/**
 * Counts an unsubscribe on the mailing whose link caused it (a newsletter campaign). The feature
 * that sends mailings implements it and wires it into the unsubscribe function; subscriptions
 * know nothing else about mailings.
 */
@FunctionalInterface
public interface UnsubscribeCounter {

  /** Where mailings are not wired in: nothing is counted. */
  UnsubscribeCounter NONE = (mailing, subscriberId) -> {};

  /**
   * Called once the link of {@code mailing} moved the subscriber from confirmed to unsubscribed.
   * Must count a subscriber at most once per mailing however often it is called, and only if the
   * mailing did go to them.
   */
  void count(String mailing, String subscriberId);
}
