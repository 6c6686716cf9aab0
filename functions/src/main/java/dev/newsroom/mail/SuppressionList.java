package dev.newsroom.mail;

/**
 * Addresses that must never be mailed again (a hard bounce, a complaint), checked by the sender
 * right before each send: a message queued before the address was suppressed is dropped too.
 */
public interface SuppressionList {

  /** Nothing is suppressed: for senders that have no list (and tests). */
  SuppressionList NONE = address -> false;

  /** @param address the recipient exactly as the message names it */
  boolean isSuppressed(String address);
}
