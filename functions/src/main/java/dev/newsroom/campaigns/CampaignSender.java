package dev.newsroom.campaigns;

import dev.newsroom.campaigns.CampaignMailer.Result;
import dev.newsroom.campaigns.CampaignQueue.SendBatch;
import dev.newsroom.mail.EmailMessage;
import dev.newsroom.shared.Clock;
import dev.newsroom.shared.Hashing;
import dev.newsroom.shared.Log;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one batch of a campaign, recipient by recipient:
 * <ol>
 *   <li>a recipient already settled is left alone; a claim whose lease ran out is settled
 *       uncertain (the mail service may have accepted it), never sent again;</li>
 *   <li>the subscriber is read again: unsubscribed, suppressed, erased, unconfirmed or no longer
 *       following means skipped;</li>
 *   <li>one send is taken from the shared rate, the recipient is claimed with a lease, the email
 *       goes out, and the recipient is settled sent, failed or uncertain;</li>
 *   <li>throttling or a failing mail service releases the claim and queues the rest of the
 *       batch again with a back-off: nothing is counted sent that did not go.</li>
 * </ol>
 * Each delivery of a message settles under its own attempt id and counts its tally once; a
 * delivery after a crash first counts what the crashed attempt settled. A pause is seen within
 * {@link #STATE_TTL}.
 */
public final class CampaignSender {

  /** Longer than any one send; far shorter than the queue's visibility timeout. */
  static final Duration LEASE = Duration.ofSeconds(90);
  static final Duration STATE_TTL = Duration.ofSeconds(2);
  /** Time kept back to count the tally and queue the rest. */
  static final Duration MARGIN = Duration.ofSeconds(10);
  static final Duration MAX_DELAY = Duration.ofSeconds(900);

  private final CampaignRepository repository;
  private final SubscriberDirectory subscribers;
  private final CampaignComposer composer;
  private final CampaignMailer mailer;
  private final SendRate rate;
  private final CampaignQueue queue;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Map<String, Seen> campaigns = new HashMap<>();
  private final Map<String, CampaignContent> contents = new LinkedHashMap<>(8, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, CampaignContent> eldest) {
      return size() > 8;
    }
  };
  private SendRate.Grant grant = SendRate.Grant.NONE;
  /** When this batch's previous send was taken; null before its first. */
  private Instant lastTaken;
  /** Average time between this sender's sends (nanoseconds), 0 until measured. */
  private long paceNanos;

  private record Seen(Campaign campaign, Instant at) {}

  public CampaignSender(CampaignRepository repository, SubscriberDirectory subscribers,
      CampaignComposer composer, CampaignMailer mailer, SendRate rate, CampaignQueue queue,
      Clock clock, Sleeper sleeper) {
    this.repository = repository;
    this.subscribers = subscribers;
    this.composer = composer;
    this.mailer = mailer;
    this.rate = rate;
    this.queue = queue;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * @param messageId the queue's id of this batch, the same on every delivery
   */
  public void send(SendBatch batch, String messageId, Deadline deadline) {
    String campaignId = batch.campaignId();
    Optional<Campaign> campaign = campaign(campaignId, true);
    if (campaign.isEmpty() || campaign.get().state() != CampaignState.SENDING) {
      // Paused: a resume queues the pending ones again. Cancelled: the sweep skips them.
      Log.info("campaign.batch-dropped", Map.of("campaignId", campaignId,
          "state", campaign.map(c -> c.state().wire()).orElse("unknown")));
      return;
    }
    CampaignContent content = contents.computeIfAbsent(campaignId,
        id -> repository.content(id).orElseThrow());
    String attemptId = messageId + "#" + Hashing.randomToken(6);
    List<Recipient> stored = repository.recipients(campaignId, batch.subscriberIds());
    CampaignProgress.countEarlierAttempts(repository, campaignId, messageId, attemptId, stored,
        clock.now());
    Map<String, Recipient> byId = new HashMap<>();
    stored.forEach(r -> byId.put(r.subscriberId(), r));

    lastTaken = null;
    Tally tally = new Tally();
    List<String> rest = new ArrayList<>();
    List<String> inFlight = new ArrayList<>();
    Instant latestLease = null;
    Duration backOff = null;
    boolean throttled = false;
    List<String> ids = batch.subscriberIds();
    try {
      for (int i = 0; i < ids.size(); i++) {
        String id = ids.get(i);
        Recipient recipient = byId.get(id);
        Instant now = clock.now();
        if (recipient == null || recipient.state().isFinal()) {
          continue;
        }
        if (recipient.state() == RecipientState.SENDING) {
          if (recipient.leaseExpired(now)) {
            settle(campaignId, id, RecipientState.SENDING, RecipientState.UNCERTAIN,
                "lease-expired", attemptId, now, tally);
          } else {
            inFlight.add(id);
            latestLease = latestLease == null || recipient.leaseUntil().isAfter(latestLease)
                ? recipient.leaseUntil() : latestLease;
          }
          continue;
        }
        Optional<Campaign> current = campaign(campaignId, false);
        if (current.isEmpty() || current.get().state() != CampaignState.SENDING) {
          Log.info("campaign.batch-stopped", Map.of("campaignId", campaignId,
              "state", current.map(c -> c.state().wire()).orElse("unknown")));
          break;
        }
        Optional<SubscriberDirectory.Entry> entry = subscribers.find(id);
        String skip = skipReason(current.get(), content, entry.orElse(null));
        if (skip != null) {
          settle(campaignId, id, RecipientState.PENDING, RecipientState.SKIPPED, skip, attemptId,
              null, tally);
          continue;
        }
        if (!takeSend(ids.size() - i, deadline)) {
          rest.addAll(ids.subList(i, ids.size()));
          break;
        }
        if (!repository.claim(campaignId, id, clock.now().plus(LEASE))) {
          continue;
        }
        Result result = deliver(content, campaignId, id, entry.get().email());
        switch (result.outcome()) {
          case SENT -> settle(campaignId, id, RecipientState.SENDING, RecipientState.SENT, null,
              attemptId, null, tally);
          case REJECTED -> settle(campaignId, id, RecipientState.SENDING, RecipientState.FAILED,
              result.reason(), attemptId, null, tally);
          case UNKNOWN -> settle(campaignId, id, RecipientState.SENDING,
              RecipientState.UNCERTAIN, result.reason(), attemptId, null, tally);
          case THROTTLED, TRY_LATER -> {
            throttled = result.outcome() == CampaignMailer.Outcome.THROTTLED;
            repository.release(campaignId, id);
            backOff = backOff(batch.attempt());
            rest.addAll(ids.subList(i, ids.size()));
          }
          case BLOCKED -> {
            repository.release(campaignId, id);
            pauseBlocked(current.get(), result.reason());
          }
          default -> throw new IllegalStateException("unknown outcome");
        }
        if (result.outcome() != CampaignMailer.Outcome.SENT
            && result.outcome() != CampaignMailer.Outcome.REJECTED
            && result.outcome() != CampaignMailer.Outcome.UNKNOWN) {
          break;
        }
      }
    } finally {
      // One line per batch: the template's metric filters turn it into the failed-ratio and
      // throttling alarms.
      Log.info("campaign.batch-sent", Map.of("campaignId", campaignId, "sent", tally.sent(),
          "failed", CampaignMetrics.sum(tally.failed()),
          "skipped", CampaignMetrics.sum(tally.skipped()),
          "uncertain", tally.uncertain(), "throttled", throttled ? 1 : 0));
      CampaignMetrics.batch(tally, throttled);
      if (!tally.isEmpty()) {
        repository.count(campaignId, attemptId, tally)
            .ifPresent(c -> CampaignProgress.finishIfComplete(repository, c, clock.now()));
      }
    }
    if (!rest.isEmpty()) {
      Duration delay = backOff == null ? Duration.ZERO : backOff;
      queue.enqueue(new SendBatch(campaignId, rest, backOff == null ? batch.attempt()
          : batch.attempt() + 1), delay);
      Log.info("campaign.batch-requeued", Map.of("campaignId", campaignId,
          "recipients", rest.size(), "delaySeconds", delay.toSeconds()));
    }
    if (!inFlight.isEmpty()) {
      long wait = Duration.between(clock.now(), latestLease).toSeconds() + 1;
      queue.enqueue(new SendBatch(campaignId, inFlight, batch.attempt()),
          Duration.ofSeconds(Math.max(1, Math.min(MAX_DELAY.toSeconds(), wait))));
    }
  }

  private Result deliver(CampaignContent content, String campaignId, String subscriberId,
      String email) {
    EmailMessage message;
    try {
      message = composer.compose(content, campaignId, subscriberId, email);
    } catch (IllegalArgumentException e) {
      return new Result(CampaignMailer.Outcome.REJECTED, "unrenderable");
    }
    return mailer.send(message, campaignId, subscriberId);
  }

  /** Why this subscriber must not get the email now, or null. */
  private static String skipReason(Campaign campaign, CampaignContent content,
      SubscriberDirectory.Entry entry) {
    if (entry == null || entry.email() == null) {
      return "erased";
    }
    if (entry.unmailable() != null) {
      return entry.unmailable();
    }
    if (!campaign.audience().includes(content.tags(), entry::follows)) {
      return "not-following";
    }
    return null;
  }

  /**
   * One send from the shared rate, waiting for the second a grant is for, or for the next one
   * when none was granted.
   *
   * @param wanted sends this batch could still make
   * @return false when the invocation's time runs out first
   */
  private boolean takeSend(int wanted, Deadline deadline) {
    Instant asked = clock.now();
    if (lastTaken != null) {
      long cycle = Duration.between(lastTaken, asked).toNanos();
      paceNanos = paceNanos == 0 ? cycle : (3 * paceNanos + cycle) / 4;
    }
    while (true) {
      if (deadline.near(MARGIN)) {
        return false;
      }
      Instant now = clock.now();
      if (grant.tokens() > 0 && now.isBefore(grant.until())) {
        if (now.isBefore(grant.from())) {
          sleeper.sleep(Duration.between(now, grant.from()));
          continue;
        }
        grant = grant.less(1);
        lastTaken = now;
        return true;
      }
      grant = rate.acquire(new SendRate.Ask(wanted, paceNanos));
      if (grant.tokens() == 0) {
        Duration wait = Duration.between(clock.now(), grant.from());
        sleeper.sleep(wait.isNegative() ? Duration.ZERO : wait.plusMillis(5));
      }
    }
  }

  private void settle(String campaignId, String id, RecipientState from, RecipientState to,
      String reason, String attemptId, Instant leaseExpiredBy, Tally tally) {
    if (repository.settle(campaignId, id, from, to, reason, attemptId, leaseExpiredBy)) {
      tally.add(to, reason);
    }
  }

  private void pauseBlocked(Campaign campaign, String reason) {
    if (repository.save(campaign.pause(clock.now()))) {
      campaigns.remove(campaign.id());
      Log.info("campaign.paused-by-mail-service", Map.of("campaignId", campaign.id(),
          "reason", reason));
    }
  }

  private static Duration backOff(int attempt) {
    long seconds = Math.min(MAX_DELAY.toSeconds(), 5L << Math.min(attempt, 8));
    return Duration.ofSeconds(seconds);
  }

  private Optional<Campaign> campaign(String id, boolean fresh) {
    Seen seen = campaigns.get(id);
    Instant now = clock.now();
    if (fresh || seen == null || !now.isBefore(seen.at().plus(STATE_TTL))) {
      Optional<Campaign> read = repository.find(id);
      read.ifPresentOrElse(c -> campaigns.put(id, new Seen(c, now)), () -> campaigns.remove(id));
      return read;
    }
    return Optional.of(seen.campaign());
  }
}
