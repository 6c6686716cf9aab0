package dev.newsroom.subscriptions;

import dev.newsroom.shared.Metrics;
import dev.newsroom.shared.Metric;
import dev.newsroom.shared.Clock;
import dev.newsroom.shared.EmailAddress;
import dev.newsroom.shared.UnavailableException;
import dev.newsroom.shared.ValidationException;
import dev.newsroom.subscriptions.ConsentEvent.Type;
import dev.newsroom.subscriptions.SubscriberRepository.Change;
import dev.newsroom.shared.Log;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bounces and complaints from SES. A hard bounce or a complaint suppresses the address for good,
 * whether or not it ever subscribed (a contact form acknowledgement can bounce too), so that no
 * later signup can make us mail it again. A soft bounce is only logged. SNS may deliver a report
 * twice; the report's id, kept on the subscriber, makes the second one a no-op.
 */
public final class MailFeedbackService {

  private final SubscriberRepository repository;
  private final Clock clock;

  MailFeedbackService(SubscriberRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  public void record(MailFeedback feedback) {
    for (String recipient : feedback.recipients()) {
      EmailAddress address;
      try {
        address = EmailAddress.parse(recipient);
      } catch (ValidationException e) {
        Log.info("mail-feedback.unreadable-recipient", Map.of("feedbackId", feedback.feedbackId()));
        continue;
      }
      record(SubscriberIds.of(address), feedback);
    }
  }

  private void record(String id, MailFeedback feedback) {
    for (int attempt = 1; ; attempt++) {
      Instant now = clock.now();
      Instant at = feedback.at() == null ? now : feedback.at();
      Optional<Subscriber> current = repository.find(id);
      if (current.isPresent() && feedback.feedbackId().equals(current.get().lastFeedbackId())) {
        log(id, feedback, "duplicate");
        return;
      }
      Subscriber next;
      Type type;
      switch (feedback.kind()) {
        case HARD_BOUNCE, COMPLAINT -> {
          String reason = feedback.kind() == MailFeedback.Kind.COMPLAINT ? "complaint" : "bounce";
          type = feedback.kind() == MailFeedback.Kind.COMPLAINT ? Type.COMPLAINT : Type.BOUNCE;
          next = current.map(s -> s.suppress(reason, feedback.feedbackId(), now))
              .orElseGet(() -> Subscriber.suppressionOnly(id, reason, feedback.feedbackId(), now));
        }
        default -> {
          if (current.isEmpty()) {
            log(id, feedback, "not-a-subscriber");
            return;
          }
          type = Type.BOUNCE;
          next = current.get().feedbackSeen(feedback.feedbackId(), now);
        }
      }
      Change change = new Change(next,
          List.of(ConsentEvent.fromMailService(type, at, feedback.detail())), null, null, null);
      if (repository.apply(change)) {
        log(id, feedback, next.status().wire());
        count(feedback.kind());
        return;
      }
      if (attempt >= SubscriptionService.MAX_ATTEMPTS) {
        throw new UnavailableException("The subscriber changed concurrently.", null);
      }
    }
  }

  private static void count(MailFeedback.Kind kind) {
    switch (kind) {
      case COMPLAINT -> Metrics.count(Metric.COMPLAINTS, 1);
      case HARD_BOUNCE -> Metrics.count(Metric.BOUNCES, 1, "type", "hard");
      default -> Metrics.count(Metric.BOUNCES, 1, "type", "soft");
    }
  }

  private static void log(String id, MailFeedback feedback, String outcome) {
    Log.info("mail-feedback." + feedback.kind().name().toLowerCase(java.util.Locale.ROOT),
        Map.of("subscriberId", id, "feedbackId", feedback.feedbackId(), "outcome", outcome));
  }
}
