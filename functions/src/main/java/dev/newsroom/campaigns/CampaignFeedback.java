package dev.newsroom.campaigns;

import dev.newsroom.shared.Log;
import dev.newsroom.subscriptions.UnsubscribeCounter;
import java.util.Map;

/**
 * Bounces and complaints, counted on the campaign that sent the mail. The mail service reports
 * them with the message's tags, which name the campaign and the recipient; each recipient counts
 * once per kind, however often the report is delivered. Unsubscribes through a campaign's own
 * link are counted on it too (the link is signed with the campaign's id).
 */
public final class CampaignFeedback implements UnsubscribeCounter {

  private final CampaignRepository repository;

  public CampaignFeedback(CampaignRepository repository) {
    this.repository = repository;
  }

  /** @param kind "bounce" or "complaint" */
  public void record(String campaignId, String subscriberId, String kind) {
    boolean counted = repository.recordFeedback(campaignId, subscriberId, kind);
    Log.info("campaign.feedback", Map.of("campaignId", campaignId, "kind", kind,
        "outcome", counted ? "counted" : "already-counted-or-unknown"));
  }

  /** A reader left through this campaign's unsubscribe link: counted once, if it went to them. */
  @Override
  public void count(String campaignId, String subscriberId) {
    boolean counted = repository.recordUnsubscribe(campaignId, subscriberId);
    Log.info("campaign.feedback", Map.of("campaignId", campaignId, "kind", "unsubscribe",
        "outcome", counted ? "counted" : "already-counted-or-unknown"));
  }
}
