package dev.newsroom.campaigns;

import dev.newsroom.scheduling.DueJob;
import dev.newsroom.scheduling.DueJobRepository;
import java.time.Instant;

/** Scheduled starts as due jobs of the shared minute sweep. */
public final class DueJobStartScheduler implements StartScheduler {

  private final DueJobRepository jobs;

  public DueJobStartScheduler(DueJobRepository jobs) {
    this.jobs = jobs;
  }

  @Override
  public void scheduleStart(String campaignId, long version, Instant at) {
    jobs.put(new DueJob(KIND, campaignId, version, at));
  }
}
