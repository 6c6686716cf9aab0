package dev.newsroom.campaigns;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Both queues in memory, each message with the time it becomes visible and a stable id. */
final class InMemoryCampaignQueue implements CampaignQueue {

  record Message<T>(String id, T body, Instant visibleAt) {}

  private final Supplier<Instant> now;
  final List<Message<Job>> jobs = new ArrayList<>();
  final List<Message<SendBatch>> sends = new ArrayList<>();
  private int sequence;
  /** Set to make the next enqueue fail, as a queue outage would. */
  boolean failing;

  InMemoryCampaignQueue(Supplier<Instant> now) {
    this.now = now;
  }

  @Override
  public synchronized void enqueue(Job job, Duration delay) {
    check();
    jobs.add(new Message<>("m" + ++sequence, job, now.get().plus(delay)));
  }

  @Override
  public synchronized void enqueue(SendBatch batch, Duration delay) {
    check();
    List<String> ids = batch.subscriberIds();
    for (int from = 0; from < ids.size(); from += BATCH) {
      sends.add(new Message<>("m" + ++sequence, new SendBatch(batch.campaignId(),
          ids.subList(from, Math.min(ids.size(), from + BATCH)), batch.attempt()),
          now.get().plus(delay)));
    }
  }

  private void check() {
    if (failing) {
      throw new dev.newsroom.shared.UnavailableException("queue down", null);
    }
  }
}
