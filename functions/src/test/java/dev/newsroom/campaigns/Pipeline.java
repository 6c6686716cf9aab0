package dev.newsroom.campaigns;

import dev.newsroom.scheduling.DueJobSweep;
import dev.newsroom.scheduling.InMemoryDueJobRepository;
import dev.newsroom.shared.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The whole campaign path in memory, driven like the queues' event source mappings would: a
 * message whose handler throws comes back after the visibility timeout.
 */
final class Pipeline {

  static final Duration VISIBILITY = Duration.ofSeconds(30);

  final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  final InMemoryCampaignRepository repository = new InMemoryCampaignRepository();
  final InMemorySubscriberDirectory subscribers = new InMemorySubscriberDirectory();
  final InMemoryArticleSource articles = new InMemoryArticleSource();
  final ScriptedMailer mailer = new ScriptedMailer();
  final InMemoryCampaignQueue queue = new InMemoryCampaignQueue(clock::now);
  final InMemorySendRate rate;
  final CampaignService service;
  final AudienceWork work;
  final CampaignSender sender;
  /** Scheduled starts: due jobs of the minute sweep, which the tests run. */
  final InMemoryDueJobRepository dueJobs = new InMemoryDueJobRepository();
  final DueJobSweep sweep;
  /** Deliveries of send messages so far, to check redeliveries. */
  int sendDeliveries;

  Pipeline() {
    this(1000);
  }

  Pipeline(int ratePerSecond) {
    rate = new InMemorySendRate(clock, ratePerSecond);
    FakeComposer composer = new FakeComposer();
    service = new CampaignService(repository, articles, subscribers, composer, mailer, queue,
        new DueJobStartScheduler(dueJobs), clock);
    sweep = new DueJobSweep(dueJobs, List.of(new CampaignStartJob(service)), clock,
        Duration.ofSeconds(50));
    work = new AudienceWork(repository, subscribers, queue, clock);
    sender = new CampaignSender(repository, subscribers, composer, mailer, rate, queue, clock,
        clock::advance);
  }

  void subscribers(int count) {
    for (int i = 0; i < count; i++) {
      subscribers.confirmed(id(i), "reader" + i + "@example.com");
    }
  }

  static String id(int i) {
    return String.format("sub%05d", i);
  }

  /** Delivers every visible message once, jobs first. */
  int step() {
    int delivered = 0;
    Instant now = clock.now();
    for (var message : List.copyOf(queue.jobs)) {
      if (!message.visibleAt().isAfter(now)) {
        queue.jobs.remove(message);
        try {
          work.run(message.body(), message.id(), () -> Duration.ofMinutes(5));
        } catch (RuntimeException | Error e) {
          queue.jobs.add(new InMemoryCampaignQueue.Message<>(message.id(), message.body(),
              clock.now().plus(VISIBILITY)));
        }
        delivered++;
      }
    }
    for (var message : List.copyOf(queue.sends)) {
      if (!message.visibleAt().isAfter(clock.now())) {
        queue.sends.remove(message);
        sendDeliveries++;
        try {
          sender.send(message.body(), message.id(), () -> Duration.ofMinutes(5));
        } catch (RuntimeException | Error e) {
          queue.sends.add(new InMemoryCampaignQueue.Message<>(message.id(), message.body(),
              clock.now().plus(VISIBILITY)));
        }
        delivered++;
      }
    }
    return delivered;
  }

  /** Runs until both queues are empty, moving the clock to the next visible message. */
  void drain() {
    for (int round = 0; round < 10_000; round++) {
      if (step() > 0) {
        continue;
      }
      Instant next = queue.jobs.stream().map(InMemoryCampaignQueue.Message::visibleAt)
          .min(Instant::compareTo).orElse(null);
      Instant nextSend = queue.sends.stream().map(InMemoryCampaignQueue.Message::visibleAt)
          .min(Instant::compareTo).orElse(null);
      if (next == null || (nextSend != null && nextSend.isBefore(next))) {
        next = nextSend;
      }
      if (next == null) {
        return;
      }
      clock.advance(Duration.between(clock.now(), next).plusMillis(1));
    }
    throw new AssertionError("the pipeline did not settle");
  }

  /** How many emails each address received. */
  Map<String, Long> receivedByAddress(String kind) {
    return mailer.delivered.stream().filter(d -> d.kind().equals(kind))
        .collect(Collectors.groupingBy(ScriptedMailer.Delivery::to, HashMap::new,
            Collectors.counting()));
  }

  Map<RecipientState, Long> states(String campaignId) {
    return repository.all(campaignId).stream()
        .collect(Collectors.groupingBy(Recipient::state, Collectors.counting()));
  }
}
