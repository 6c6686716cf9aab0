package dev.newsroom.campaigns;

import dev.newsroom.shared.ConflictException;
import java.time.Instant;

/**
 * A campaign's control state. State changes go through the methods below, each returning the
 * next state with {@code version + 1}; the store writes it only over the version it came from,
 * so two editors who raced cannot both win. Counters and the expansion cursor are written by
 * their own conditional updates and never bump the version, so a send in progress does not
 * conflict with a pause.
 *
 * @param articleSlug the article of a single-article campaign, null for a digest
 * @param digestFrom start of a digest's range (exclusive), null for an article campaign
 * @param digestTo end of a digest's range (inclusive)
 * @param startKey the idempotency key of a campaign started by publishing, or null
 * @param expansion how far audience expansion has got
 * @param startQueued true once the first expansion step is on the queue
 */
public record Campaign(String id, String articleSlug, Instant digestFrom, Instant digestTo,
    String subject, String preheader, Audience audience, CampaignState state,
    Instant scheduledAt, Instant createdAt, Instant updatedAt, Instant startedAt,
    Instant finishedAt, String createdBy, String startKey, Expansion expansion,
    boolean startQueued, Counts counts, long version) {

  /**
   * @param cursor where the next page of subscribers starts, null before the first page
   * @param pages pages committed so far
   * @param done true once every subscriber was considered
   */
  public record Expansion(String cursor, long pages, boolean done) {
    public static final Expansion NOT_STARTED = new Expansion(null, 0, false);
  }

  static Campaign draft(String id, String articleSlug, Instant digestFrom, Instant digestTo,
      String subject, String preheader, Audience audience, String editor, String startKey,
      Instant now) {
    return new Campaign(id, articleSlug, digestFrom, digestTo, subject, preheader, audience,
        CampaignState.DRAFT, null, now, now, null, null, editor, startKey, Expansion.NOT_STARTED,
        false, Counts.NONE, 1);
  }

  public boolean isDigest() {
    return articleSlug == null;
  }

  Campaign start(Instant now) {
    require(state == CampaignState.DRAFT || state == CampaignState.SCHEDULED,
        "Only a draft or scheduled campaign can start.");
    return with(CampaignState.SENDING, null, now, false);
  }

  Campaign schedule(Instant at, Instant now) {
    require(state == CampaignState.DRAFT, "Only a draft campaign can be scheduled.");
    return with(CampaignState.SCHEDULED, at, now, false);
  }

  /** The first expansion step is queued: a repeated start is now refused, not completed. */
  Campaign queued(Instant now) {
    return new Campaign(id, articleSlug, digestFrom, digestTo, subject, preheader, audience, state,
        scheduledAt, createdAt, now, startedAt, finishedAt, createdBy, startKey, expansion, true,
        counts, version + 1);
  }

  Campaign pause(Instant now) {
    require(state == CampaignState.SENDING, "Only a campaign that is sending can be paused.");
    return with(CampaignState.PAUSED, scheduledAt, now, startQueued);
  }

  Campaign resume(Instant now) {
    require(state == CampaignState.PAUSED, "Only a paused campaign can be resumed.");
    return with(CampaignState.SENDING, scheduledAt, now, startQueued);
  }

  Campaign cancel(Instant now) {
    require(!state.isFinal(), "This campaign is already " + state.wire() + ".");
    return with(CampaignState.CANCELLED, scheduledAt, now, startQueued);
  }

  Campaign finish(Instant now) {
    require(state == CampaignState.SENDING, "Only a campaign that is sending can finish.");
    return with(CampaignState.DONE, scheduledAt, now, startQueued);
  }

  private Campaign with(CampaignState next, Instant nextScheduledAt, Instant now,
      boolean nextQueued) {
    Instant started = next == CampaignState.SENDING && startedAt == null ? now : startedAt;
    Instant finished = next.isFinal() ? now : null;
    return new Campaign(id, articleSlug, digestFrom, digestTo, subject, preheader, audience, next,
        nextScheduledAt, createdAt, now, started, finished, createdBy, startKey, expansion,
        nextQueued, counts, version + 1);
  }

  private static void require(boolean allowed, String message) {
    if (!allowed) {
      throw new ConflictException(message);
    }
  }
}
