package dev.newsroom.campaigns;

import dev.newsroom.campaigns.CampaignQueue.Job;
import dev.newsroom.campaigns.CampaignQueue.SendBatch;
import dev.newsroom.shared.Clock;
import dev.newsroom.shared.Hashing;
import dev.newsroom.shared.Log;
import dev.newsroom.shared.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The steps between a start and the senders, each short and safe to repeat:
 * <ul>
 *   <li>expand: one page of subscribers after another becomes pending recipients and send
 *       batches; the step queues its own continuation before its time runs out, so a list of
 *       any size never needs one long run;</li>
 *   <li>requeue: after a resume, the pending recipients are queued again;</li>
 *   <li>sweep: after a cancel, the pending recipients are skipped.</li>
 * </ul>
 */
public final class AudienceWork {

  /** Stored items looked at per subscriber page. */
  static final int PAGE = 1000;
  /** Recipients read per requeue or sweep page. */
  static final int RECIPIENT_PAGE = 500;
  /** Time kept back to record a page and queue the continuation. */
  static final Duration MARGIN = Duration.ofSeconds(20);

  private final CampaignRepository repository;
  private final SubscriberDirectory subscribers;
  private final CampaignQueue queue;
  private final Clock clock;

  public AudienceWork(CampaignRepository repository, SubscriberDirectory subscribers,
      CampaignQueue queue, Clock clock) {
    this.repository = repository;
    this.subscribers = subscribers;
    this.queue = queue;
    this.clock = clock;
  }

  /**
   * @param messageId the queue's id for this job, the same on every delivery
   */
  public void run(Job job, String messageId, Deadline deadline) {
    switch (job.kind()) {
      case EXPAND -> expand(job.campaignId(), deadline);
      case REQUEUE -> requeue(job.campaignId(), job.cursor(), deadline);
      case SWEEP -> sweep(job.campaignId(), job.cursor(), messageId, deadline);
      default -> throw new IllegalArgumentException("unknown job");
    }
  }

  private void expand(String campaignId, Deadline deadline) {
    Optional<Campaign> found = repository.find(campaignId);
    Optional<CampaignContent> content = repository.content(campaignId);
    if (found.isEmpty() || content.isEmpty()) {
      Log.info("campaign.expand-unknown", Map.of("campaignId", campaignId));
      return;
    }
    Campaign campaign = found.get();
    while (true) {
      if (campaign.state() == CampaignState.CANCELLED) {
        queue.enqueue(new Job(Job.Kind.SWEEP, campaignId, null), Duration.ZERO);
        return;
      }
      // A paused campaign keeps expanding: its senders hold back, and a resume requeues.
      if ((campaign.state() != CampaignState.SENDING && campaign.state() != CampaignState.PAUSED)
          || campaign.expansion().done()) {
        return;
      }
      long page = campaign.expansion().pages() + 1;
      Page<SubscriberDirectory.Entry> entries =
          subscribers.confirmed(campaign.expansion().cursor(), PAGE);
      List<String> toSend = new ArrayList<>();
      long added = 0;
      for (SubscriberDirectory.Entry entry : entries.items()) {
        if (!campaign.audience().includes(content.get().tags(), entry::follows)) {
          continue;
        }
        Optional<Recipient> stored = repository.addRecipient(campaignId, entry.id(), page);
        // Written by this page before (a redone page after a crash): still this page's to count.
        if (stored.isEmpty() || stored.get().page() == page) {
          added++;
          if (stored.isEmpty() || stored.get().state() == RecipientState.PENDING) {
            toSend.add(entry.id());
          }
        }
      }
      if (!toSend.isEmpty()) {
        queue.enqueue(new SendBatch(campaignId, toSend, 0), Duration.ZERO);
      }
      boolean done = entries.nextCursor() == null;
      Optional<Campaign> committed =
          repository.commitPage(campaignId, page, entries.nextCursor(), done, added);
      if (committed.isEmpty()) {
        Log.info("campaign.expand-superseded", Map.of("campaignId", campaignId, "page", page));
        return;
      }
      campaign = committed.get();
      if (done) {
        Log.info("campaign.expanded", Map.of("campaignId", campaignId,
            "recipients", campaign.counts().recipients(), "pages", page));
        if (campaign.state() == CampaignState.CANCELLED) {
          queue.enqueue(new Job(Job.Kind.SWEEP, campaignId, null), Duration.ZERO);
        }
        CampaignProgress.finishIfComplete(repository, campaign, clock.now());
        return;
      }
      if (deadline.near(MARGIN)) {
        queue.enqueue(new Job(Job.Kind.EXPAND, campaignId, null), Duration.ZERO);
        return;
      }
    }
  }

  private void requeue(String campaignId, String cursor, Deadline deadline) {
    String next = cursor;
    do {
      Optional<Campaign> campaign = repository.find(campaignId);
      if (campaign.isEmpty() || campaign.get().state() != CampaignState.SENDING) {
        return;
      }
      Page<Recipient> page = repository.recipients(campaignId, null, next, RECIPIENT_PAGE);
      List<String> ids = page.items().stream()
          .filter(r -> !r.state().isFinal()).map(Recipient::subscriberId).toList();
      if (!ids.isEmpty()) {
        queue.enqueue(new SendBatch(campaignId, ids, 0), Duration.ZERO);
      }
      next = page.nextCursor();
      if (next == null) {
        CampaignProgress.finishIfComplete(repository, campaign.get(), clock.now());
        return;
      }
    } while (!deadline.near(MARGIN));
    queue.enqueue(new Job(Job.Kind.REQUEUE, campaignId, next), Duration.ZERO);
  }

  /**
   * Skips every pending recipient of a cancelled campaign, page by page; each page counts under
   * an attempt id of this job, so a redelivered job counts what a crashed one settled.
   */
  private void sweep(String campaignId, String cursor, String messageId, Deadline deadline) {
    String attemptId = messageId + "#" + Hashing.randomToken(6);
    String next = cursor;
    Instant latestLease = null;
    Tally tally = new Tally();
    do {
      Page<Recipient> page = repository.recipients(campaignId, null, next, RECIPIENT_PAGE);
      Instant now = clock.now();
      CampaignProgress.countEarlierAttempts(repository, campaignId, messageId, attemptId,
          page.items(), now);
      for (Recipient r : page.items()) {
        if (r.state() == RecipientState.PENDING) {
          if (repository.settle(campaignId, r.subscriberId(), RecipientState.PENDING,
              RecipientState.SKIPPED, "cancelled", attemptId, null)) {
            tally.add(RecipientState.SKIPPED, "cancelled");
          }
        } else if (r.leaseExpired(now)) {
          if (repository.settle(campaignId, r.subscriberId(), RecipientState.SENDING,
              RecipientState.UNCERTAIN, "lease-expired", attemptId, now)) {
            tally.add(RecipientState.UNCERTAIN, "lease-expired");
          }
        } else if (r.state() == RecipientState.SENDING) {
          latestLease = latestLease == null || r.leaseUntil().isAfter(latestLease)
              ? r.leaseUntil() : latestLease;
        }
      }
      next = page.nextCursor();
    } while (next != null && !deadline.near(MARGIN));
    if (!tally.isEmpty()) {
      repository.count(campaignId, attemptId, tally);
    }
    if (next != null) {
      queue.enqueue(new Job(Job.Kind.SWEEP, campaignId, next), Duration.ZERO);
    } else if (latestLease != null) {
      // A send in flight settles itself; if its sender died, the lease tells when to look again.
      long wait = Math.max(1, Duration.between(clock.now(), latestLease).toSeconds() + 1);
      queue.enqueue(new Job(Job.Kind.SWEEP, campaignId, null),
          Duration.ofSeconds(Math.min(900, wait)));
    }
    Log.info("campaign.swept", Map.of("campaignId", campaignId, "skipped", tally.total()));
  }
}
