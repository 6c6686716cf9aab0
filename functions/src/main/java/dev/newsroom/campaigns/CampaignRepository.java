package dev.newsroom.campaigns;

import dev.newsroom.shared.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Campaigns, their content and their recipients. Every write is conditional, so that a repeated
 * step (a redelivered message, a retried request) changes nothing it already changed.
 *
 * @see DynamoDbCampaignRepository
 */
public interface CampaignRepository {

  /** @return false when a campaign with this id exists already (nothing written) */
  boolean create(Campaign campaign, CampaignContent content);

  Optional<Campaign> find(String id);

  Optional<CampaignContent> content(String id);

  /**
   * Writes the control state of {@code next} (state, times, queued flag) if the stored version is
   * still {@code next.version() - 1}.
   *
   * @return false when another change won (nothing written)
   */
  boolean save(Campaign next);

  /**
   * Adds a pending recipient unless it exists.
   *
   * @return empty when it was added, else the stored recipient
   */
  Optional<Recipient> addRecipient(String campaignId, String subscriberId, long page);

  /**
   * Records that expansion page {@code page} is complete, if page {@code page - 1} was the last
   * one recorded: its recipients are counted exactly once however often the page is redone.
   *
   * @param nextCursor where the next page starts, null when {@code done}
   * @return the campaign after the write, or empty when the page was already recorded
   */
  Optional<Campaign> commitPage(String campaignId, long page, String nextCursor, boolean done,
      long added);

  /** The stored recipients among {@code subscriberIds} (absent ones are left out). */
  List<Recipient> recipients(String campaignId, Collection<String> subscriberIds);

  /** A page of the campaign's recipients in one state (or all, when {@code state} is null). */
  Page<Recipient> recipients(String campaignId, RecipientState state, String cursor, int limit);

  /** {@code pending → sending} until {@code leaseUntil}; false if it was not pending. */
  boolean claim(String campaignId, String subscriberId, Instant leaseUntil);

  /**
   * Moves a recipient from {@code from} to a final state, recording which batch did it.
   *
   * @param leaseExpiredBy when moving a claim whose lease ran out: the lease must have ended by
   *     then; null otherwise
   * @return false when it was no longer in {@code from} (nothing written)
   */
  boolean settle(String campaignId, String subscriberId, RecipientState from, RecipientState to,
      String reason, String batchId, Instant leaseExpiredBy);

  /** {@code sending → pending}: the mail service refused for now, nothing went out. */
  boolean release(String campaignId, String subscriberId);

  /**
   * Adds a batch's tally to the campaign's counters, once per batch id.
   *
   * @return the campaign after the write, or empty when this batch was already counted
   */
  Optional<Campaign> count(String campaignId, String batchId, Tally tally);

  /** Whether the tally of this batch id is in the counters already. */
  boolean counted(String campaignId, String batchId);

  /**
   * Marks a sent recipient bounced or complained and counts it, once per recipient and kind.
   *
   * @return false when already recorded or the recipient is unknown
   */
  boolean recordFeedback(String campaignId, String subscriberId, String kind);

  /**
   * Marks a recipient who left through this campaign's unsubscribe link and counts them, once;
   * only a recipient the email went to (sent, or uncertain: the click shows it arrived).
   *
   * @return false when already counted, or the campaign or recipient is unknown or not mailed
   */
  boolean recordUnsubscribe(String campaignId, String subscriberId);

  /** End of the range of the latest digest created, if any. */
  Optional<Instant> lastDigestEnd();

  /** Remembers {@code end} as the latest digest's, unless a later one is recorded. */
  void recordDigestEnd(Instant end);
}
