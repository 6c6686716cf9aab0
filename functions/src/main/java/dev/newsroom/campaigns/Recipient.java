package dev.newsroom.campaigns;

import java.time.Instant;

/**
 * One subscriber in one campaign, written once when the audience is expanded.
 *
 * @param page the expansion page that wrote it: a page redone after a crash recognises its own
 * @param leaseUntil while {@code sending}: when the claim runs out
 * @param reason why it failed or was skipped, null otherwise
 * @param settledBy the attempt that moved it to its final state, so that an attempt redone after
 *     a crash counts what the crashed one settled
 * @param feedback "bounce" or "complaint" once the mail service reported one, else null
 * @param unsubscribed whether they left through this campaign's unsubscribe link
 */
public record Recipient(String campaignId, String subscriberId, RecipientState state, long page,
    Instant leaseUntil, String reason, String settledBy, String feedback, boolean unsubscribed) {

  /** A claim that ran out while sending: the message may have gone. */
  boolean leaseExpired(Instant now) {
    return state == RecipientState.SENDING && leaseUntil != null && !now.isBefore(leaseUntil);
  }
}
