package dev.newsroom.mail;

import java.time.Instant;
import java.util.Optional;

/** The sender's side of the transactional outbox: claim, then settle. */
public interface Outbox {

  /**
   * Claims a pending message for sending. Empty when it is already sent, failed, or claimed by a
   * live sender, so a replayed stream record sends nothing twice.
   */
  Optional<EmailMessage> claim(String id, Instant now);

  void markSent(String id, Instant now);

  /** Gives a claimed message back, so the next retry can claim it again. */
  void release(String id);

  void markFailed(String id, String reason, Instant now);
}
