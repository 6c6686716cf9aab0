package dev.newsroom.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.campaigns.CampaignMailer.Outcome;
import dev.newsroom.campaigns.CampaignMailer.Result;
import dev.newsroom.scheduling.DueJob;
import dev.newsroom.shared.UnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignSendingTest {

  private final Pipeline p = new Pipeline();

  private Campaign articleCampaign(int subscribers) {
    p.subscribers(subscribers);
    p.articles.publish("storm", p.clock.now().minusSeconds(60), "weather");
    return p.service.create(new CampaignRequest("storm", false, null, null, null, null, null),
        "editor");
  }

  /** Every recipient settled once, counted once, and no address mailed twice. */
  private Campaign assertAccounted(String id, long expectedRecipients) {
    Campaign c = p.repository.find(id).orElseThrow();
    Map<RecipientState, Long> states = p.states(id);
    assertThat(states).doesNotContainKeys(RecipientState.PENDING, RecipientState.SENDING);
    assertThat(c.counts().recipients()).isEqualTo(expectedRecipients);
    assertThat(c.counts().finished()).isEqualTo(c.counts().recipients());
    assertThat(c.counts().sent()).isEqualTo(states.getOrDefault(RecipientState.SENT, 0L));
    assertThat(c.counts().failed()).isEqualTo(states.getOrDefault(RecipientState.FAILED, 0L));
    assertThat(c.counts().skipped()).isEqualTo(states.getOrDefault(RecipientState.SKIPPED, 0L));
    assertThat(c.counts().uncertain())
        .isEqualTo(states.getOrDefault(RecipientState.UNCERTAIN, 0L));
    assertThat(p.receivedByAddress("newsletter").values()).allMatch(n -> n == 1);
    return c;
  }

  @Test
  void start_whenSubscribersConfirmed_sendsEachOnceAndFinishes() {
    Campaign campaign = articleCampaign(230);
    p.subscribers.following("zz-other", "other@example.com", "sports");
    p.service.start(campaign.id(), null);
    p.drain();

    Campaign done = assertAccounted(campaign.id(), 230);
    assertThat(done.state()).isEqualTo(CampaignState.DONE);
    assertThat(done.counts().sent()).isEqualTo(230);
    assertThat(p.receivedByAddress("newsletter")).hasSize(230)
        .doesNotContainKey("other@example.com");
  }

  @Test
  void send_whenEachSendIsSlow_takesFromTheSharedRateOnlyWhatFitsInTheSecond() {
    Pipeline slow = new Pipeline(500);
    slow.subscribers(120);
    slow.articles.publish("storm", slow.clock.now().minusSeconds(60), "weather");
    Campaign campaign = slow.service.create(new CampaignRequest("storm", false, null, null, null,
        null, null), "editor");
    // 100 ms a send: ten fit in a second, far below a tenth of the rate (50).
    slow.mailer.beforeSend = m -> slow.clock.advance(Duration.ofMillis(100));
    slow.service.start(campaign.id(), null);
    slow.drain();

    assertThat(slow.repository.find(campaign.id()).orElseThrow().counts().sent()).isEqualTo(120);
    long first = slow.rate.used.keySet().stream().min(Long::compare).orElseThrow();
    // Once its pace is known, a sender holds back at most one send it cannot use in time.
    assertThat(slow.rate.used).allSatisfy((second, taken) -> {
      if (second != first) {
        assertThat(taken).isLessThanOrEqualTo(11);
      }
    });
  }

  @Test
  void send_whenThrottled_backsOffAndNeverCountsThrottledAsSent() {
    Campaign campaign = articleCampaign(120);
    p.mailer.then(Result.SENT, new Result(Outcome.THROTTLED, null),
        new Result(Outcome.THROTTLED, null), new Result(Outcome.TRY_LATER, "InternalFailure"));
    p.service.start(campaign.id(), null);
    p.drain();

    Campaign done = assertAccounted(campaign.id(), 120);
    assertThat(done.counts().sent()).isEqualTo(120).isEqualTo(p.mailer.delivered.size());
    assertThat(done.state()).isEqualTo(CampaignState.DONE);
  }

  @Test
  void send_whenRejected_marksFailedWithReason() {
    Campaign campaign = articleCampaign(10);
    p.mailer.then(new Result(Outcome.REJECTED, "MessageRejected"));
    p.service.start(campaign.id(), null);
    p.drain();

    Campaign done = assertAccounted(campaign.id(), 10);
    assertThat(done.counts().failedReasons()).containsEntry("MessageRejected", 1L);
    assertThat(done.counts().sent()).isEqualTo(9).isEqualTo(p.mailer.delivered.size());
  }

  @Test
  void send_whenSubscriberLeavesDuringSend_skipsThem() {
    Campaign campaign = articleCampaign(60);
    p.mailer.beforeSend = m -> {
      if (m.to().equals("reader0@example.com")) {
        p.subscribers.unmailable(Pipeline.id(40), "unsubscribed");
        p.subscribers.unmailable(Pipeline.id(41), "suppressed");
        p.subscribers.unmailable(Pipeline.id(42), "erased");
      }
    };
    p.service.start(campaign.id(), null);
    p.drain();

    Campaign done = assertAccounted(campaign.id(), 60);
    assertThat(done.counts().skippedReasons()).containsEntry("unsubscribed", 1L)
        .containsEntry("suppressed", 1L).containsEntry("erased", 1L);
    assertThat(p.receivedByAddress("newsletter")).doesNotContainKeys("reader40@example.com",
        "reader41@example.com", "reader42@example.com");
  }

  @Test
  void send_whenSenderDiesAfterTheMailServiceAccepted_countsUncertainAndNeverResends() {
    Campaign campaign = articleCampaign(30);
    p.mailer.beforeSend = m -> {
      if (m.to().equals("reader5@example.com") && p.mailer.delivered.size() == 5) {
        p.mailer.delivered.add(new ScriptedMailer.Delivery(m.to(), campaign.id(), "x",
            "newsletter"));
        p.repository.loseNextCount = true;
        throw new OutOfMemoryError("the sender dies after the mail service accepted");
      }
    };
    p.service.start(campaign.id(), null);
    p.drain();

    Campaign done = assertAccounted(campaign.id(), 30);
    assertThat(done.counts().uncertain()).isEqualTo(1);
    assertThat(done.counts().sent()).isEqualTo(29);
    assertThat(p.receivedByAddress("newsletter")).hasSize(30);
    assertThat(done.state()).isEqualTo(CampaignState.DONE);
  }

  @Test
  void send_whenTheSameBatchIsDeliveredTwice_sendsOnce() {
    Campaign campaign = articleCampaign(50);
    p.service.start(campaign.id(), null);
    var job = p.queue.jobs.remove(0);
    p.work.run(job.body(), job.id(), () -> Duration.ofMinutes(5));
    var message = p.queue.sends.get(0);
    p.queue.sends.add(new InMemoryCampaignQueue.Message<>(message.id(), message.body(),
        message.visibleAt()));
    p.queue.sends.add(new InMemoryCampaignQueue.Message<>("other", message.body(),
        message.visibleAt()));
    p.drain();

    Campaign done = assertAccounted(campaign.id(), 50);
    assertThat(done.counts().sent()).isEqualTo(50).isEqualTo(p.mailer.delivered.size());
  }

  @Test
  void pause_whenSending_stopsClaimsAndResumeSendsOnlyPending() {
    Campaign campaign = articleCampaign(100);
    p.mailer.beforeSend = m -> {
      if (p.mailer.delivered.size() == 20) {
        p.service.pause(campaign.id());
      }
    };
    p.service.start(campaign.id(), null);
    p.drain();
    long whilePaused = p.mailer.delivered.size();
    assertThat(p.repository.find(campaign.id()).orElseThrow().state())
        .isEqualTo(CampaignState.PAUSED);
    // Claims stop once the state is re-read (every 2 s of the sender's clock at most).
    assertThat(whilePaused).isLessThan(100);

    p.mailer.beforeSend = m -> {};
    p.service.resume(campaign.id());
    p.drain();

    Campaign done = assertAccounted(campaign.id(), 100);
    assertThat(done.counts().sent()).isEqualTo(100).isEqualTo(p.mailer.delivered.size());
    assertThat(done.state()).isEqualTo(CampaignState.DONE);
  }

  @Test
  void cancel_whenSending_skipsTheRest() {
    Campaign campaign = articleCampaign(100);
    p.mailer.beforeSend = m -> {
      if (p.mailer.delivered.size() == 10) {
        p.service.cancel(campaign.id());
      }
    };
    p.service.start(campaign.id(), null);
    p.drain();

    Campaign done = assertAccounted(campaign.id(), 100);
    assertThat(done.state()).isEqualTo(CampaignState.CANCELLED);
    assertThat(done.counts().sent()).isEqualTo(p.mailer.delivered.size()).isLessThan(100);
    assertThat(done.counts().skippedReasons().get("cancelled"))
        .isEqualTo(100 - done.counts().sent());
  }

  @Test
  void cancel_whenItsSweepDidNotReachTheQueue_isCompletedByCancellingAgain() {
    Campaign campaign = articleCampaign(100);
    p.mailer.beforeSend = m -> {
      if (p.mailer.delivered.size() == 10) {
        p.service.pause(campaign.id());
      }
    };
    p.service.start(campaign.id(), null);
    p.drain();
    p.queue.failing = true;
    assertThatThrownBy(() -> p.service.cancel(campaign.id()))
        .isInstanceOf(UnavailableException.class);
    p.queue.failing = false;

    p.service.cancel(campaign.id());
    p.drain();

    Campaign done = assertAccounted(campaign.id(), 100);
    assertThat(done.state()).isEqualTo(CampaignState.CANCELLED);
    assertThat(done.counts().skippedReasons().get("cancelled"))
        .isEqualTo(100 - done.counts().sent());
  }

  @Test
  void send_whenRateIsLimited_neverExceedsItInAnySecond() {
    Pipeline slow = new Pipeline(7);
    slow.subscribers(60);
    slow.articles.publish("storm", slow.clock.now().minusSeconds(60));
    Campaign c = slow.service.create(new CampaignRequest("storm", false, null, null, null, null,
        null), "editor");
    java.util.Map<Long, Integer> perSecond = new java.util.HashMap<>();
    slow.mailer.beforeSend = m -> perSecond.merge(slow.clock.now().getEpochSecond(), 1,
        Integer::sum);
    slow.service.start(c.id(), null);
    slow.drain();

    assertThat(slow.mailer.delivered).hasSize(60);
    assertThat(perSecond.values()).allMatch(n -> n <= 7);
  }

  @Test
  void expand_whenAPageIsRedoneAfterACrash_countsItsRecipientsOnce() {
    Campaign campaign = articleCampaign(2500);
    p.service.start(campaign.id(), null);
    // The first step writes page 1 and then dies before recording it: its records stay.
    for (int i = 0; i < 1000; i++) {
      p.repository.addRecipient(campaign.id(), Pipeline.id(i), 1);
    }
    p.drain();

    assertAccounted(campaign.id(), 2500);
  }

  @Test
  void expand_whenTheJobIsDeliveredTwice_countsRecipientsOnce() {
    Campaign campaign = articleCampaign(2100);
    p.service.start(campaign.id(), null);
    var job = p.queue.jobs.get(0);
    p.queue.jobs.add(new InMemoryCampaignQueue.Message<>("dup", job.body(), job.visibleAt()));
    p.drain();

    assertAccounted(campaign.id(), 2100);
    assertThat(p.mailer.delivered).hasSize(2100);
  }

  @Test
  void feedback_whenReportedTwice_countsOnce() {
    Campaign campaign = articleCampaign(3);
    p.service.start(campaign.id(), null);
    p.drain();
    CampaignFeedback feedback = new CampaignFeedback(p.repository);

    feedback.record(campaign.id(), Pipeline.id(1), "bounce");
    feedback.record(campaign.id(), Pipeline.id(1), "bounce");
    feedback.record(campaign.id(), Pipeline.id(2), "complaint");
    feedback.record(campaign.id(), "unknown", "complaint");

    Counts counts = p.repository.find(campaign.id()).orElseThrow().counts();
    assertThat(counts.bounced()).isEqualTo(1);
    assertThat(counts.complained()).isEqualTo(1);
  }

  @Test
  void startForPublishedArticle_whenRepeated_sendsOnce() {
    p.subscribers(20);
    Instant published = p.clock.now().minusSeconds(5);
    p.articles.publish("storm", published);
    p.service.startForPublishedArticle("storm", published);
    p.service.startForPublishedArticle("storm", published);
    p.drain();
    p.service.startForPublishedArticle("storm", published);
    p.drain();

    assertThat(p.mailer.delivered).hasSize(20);
    assertThat(p.receivedByAddress("newsletter").values()).allMatch(n -> n == 1);
  }

  @Test
  void startScheduled_whenVersionMatches_startsOnceAndIgnoresStaleCalls() {
    Campaign campaign = articleCampaign(5);
    Campaign scheduled = p.service.start(campaign.id(), p.clock.now().plus(Duration.ofHours(1)));
    assertThat(scheduled.state()).isEqualTo(CampaignState.SCHEDULED);
    assertThat(p.dueJobs.all()).extracting(DueJob::expectedVersion)
        .containsExactly(scheduled.version());

    p.service.startScheduled(campaign.id(), scheduled.version() - 1);
    assertThat(p.queue.jobs).isEmpty();
    p.clock.advance(Duration.ofHours(1));
    p.service.startScheduled(campaign.id(), scheduled.version());
    p.service.startScheduled(campaign.id(), scheduled.version());
    p.drain();

    assertThat(p.mailer.delivered).hasSize(5);
    assertAccounted(campaign.id(), 5);
  }

  @Test
  void start_whenAtIsAnHourAhead_thenTheMinuteSweepStartsItAtItsTimeAndOnce() {
    Campaign campaign = articleCampaign(5);
    Instant at = p.clock.now().plus(Duration.ofHours(1));
    assertThat(p.service.start(campaign.id(), at).state()).isEqualTo(CampaignState.SCHEDULED);

    // the sweeps before its time start nothing
    p.clock.advance(Duration.ofMinutes(59).plusSeconds(59));
    assertThat(p.sweep.sweep().fired()).isZero();
    p.drain();
    assertThat(p.repository.find(campaign.id()).orElseThrow().state())
        .isEqualTo(CampaignState.SCHEDULED);
    assertThat(p.queue.jobs).isEmpty();
    assertThat(p.mailer.delivered).isEmpty();

    // the first sweep at its time starts it, and the next one finds nothing left to do
    p.clock.advance(Duration.ofSeconds(1));
    assertThat(p.sweep.sweep().fired()).isEqualTo(1);
    assertThat(p.repository.find(campaign.id()).orElseThrow().state())
        .isEqualTo(CampaignState.SENDING);
    assertThat(p.queue.jobs).hasSize(1);
    p.clock.advance(Duration.ofMinutes(1));
    assertThat(p.sweep.sweep().fired()).isZero();
    assertThat(p.queue.jobs).hasSize(1);
    assertThat(p.dueJobs.all()).isEmpty();
    p.drain();

    assertThat(p.mailer.delivered).hasSize(5);
    assertThat(p.receivedByAddress("newsletter").values()).allMatch(n -> n == 1);
    assertAccounted(campaign.id(), 5);
  }

  @Test
  void audience_whenTags_reachesOnlyFollowersAndAllNewsReaders() {
    p.subscribers.confirmed("a", "all@example.com");
    p.subscribers.following("b", "sports@example.com", "sports");
    p.subscribers.following("c", "science@example.com", "science");
    p.articles.publish("storm", p.clock.now().minusSeconds(60), "weather", "science");
    Campaign campaign = p.service.create(new CampaignRequest("storm", false, null, null, null,
        null, null), "editor");
    p.service.start(campaign.id(), null);
    p.drain();

    assertThat(p.receivedByAddress("newsletter").keySet())
        .containsExactlyInAnyOrder("all@example.com", "science@example.com");
    assertThat(List.copyOf(p.mailer.delivered)).hasSize(2);
  }
}
