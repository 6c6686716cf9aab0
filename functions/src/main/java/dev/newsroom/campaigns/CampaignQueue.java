package dev.newsroom.campaigns;

import java.time.Duration;
import java.util.List;

/** The two queues of the pipeline: expansion steps, and batches of recipients to send to. */
public interface CampaignQueue {

  /** Recipients per send message. */
  int BATCH = 50;

  /** A step of audience work, continued by the step it enqueues next. */
  record Job(Kind kind, String campaignId, String cursor) {
    /** What to do. */
    public enum Kind {
      /** Write recipient records for the next page of subscribers and queue their sends. */
      EXPAND,
      /** Queue sends again for the pending recipients (after a resume). */
      REQUEUE,
      /** Mark pending recipients skipped (after a cancel). */
      SWEEP
    }
  }

  /** A batch for a sender; {@code attempt} counts throttled rounds, for back-off. */
  record SendBatch(String campaignId, List<String> subscriberIds, int attempt) {
    public SendBatch {
      subscriberIds = List.copyOf(subscriberIds);
    }
  }

  void enqueue(Job job, Duration delay);

  /** Queues the ids in messages of at most {@link #BATCH}. */
  void enqueue(SendBatch batch, Duration delay);
}
