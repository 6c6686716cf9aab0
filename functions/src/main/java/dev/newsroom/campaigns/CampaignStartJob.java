package dev.newsroom.campaigns;

import dev.newsroom.scheduling.DueJobHandler;

/** The sweep's {@code campaign-start} jobs: starts a campaign still scheduled at that version. */
public final class CampaignStartJob implements DueJobHandler {

  private final CampaignService campaigns;

  public CampaignStartJob(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public String kind() {
    return StartScheduler.KIND;
  }

  @Override
  public void fire(String campaignId, long expectedVersion) {
    campaigns.startScheduled(campaignId, expectedVersion);
  }
}
