package dev.newsroom.subscriptions;

import java.time.Instant;
import java.util.List;

/**
 * A bounce or complaint the mail service reported, reduced to what suppression needs.
 *
 * @param feedbackId the service's id of this report, so a redelivered report counts once
 * @param recipients the addresses it concerns, as the service wrote them
 * @param detail the service's classification, e.g. {@code Permanent/NoEmail}; no personal data
 */
public record MailFeedback(Kind kind, String feedbackId, Instant at, List<String> recipients,
    String detail) {

  /** What the report means for the address. */
  public enum Kind {
    /** The address does not exist or refuses mail for good: suppress. */
    HARD_BOUNCE,
    /** A full mailbox, a timeout: SES already retried; recorded, not suppressed. */
    SOFT_BOUNCE,
    /** The reader marked the mail as spam: suppress. */
    COMPLAINT
  }

  public MailFeedback {
    recipients = List.copyOf(recipients);
  }
}
