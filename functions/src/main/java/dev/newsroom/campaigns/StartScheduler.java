package dev.newsroom.campaigns;

import java.time.Instant;

/** Arranges for {@link CampaignService#startScheduled} to be called at a time. */
public interface StartScheduler {

  /** The job kind the scheduler fires. */
  String KIND = "campaign-start";

  /** Safe to repeat; a job for a version the campaign has left does nothing when it fires. */
  void scheduleStart(String campaignId, long version, Instant at);
}
