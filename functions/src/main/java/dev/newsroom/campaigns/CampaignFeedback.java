package dev.newsroom.campaigns;

import dev.newsroom.shared.Log;
import java.util.Map;

/**
 * Bounces and complaints, counted on the campaign that sent the mail. The mail service reports
 * them with the message's tags, which name the campaign and the recipient; each recipient counts
 * once per kind, however often the report is delivered.
 */
public final class CampaignFeedback {

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
}
