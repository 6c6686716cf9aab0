package dev.newsroom.mail;

import dev.newsroom.shared.Metrics;
import dev.newsroom.shared.Metric;
import dev.newsroom.shared.Clock;
import dev.newsroom.shared.Log;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one outbox message at most once per successful claim: claim (pending to sending), send,
 * mark sent. A failure that may pass releases the claim and is rethrown, so the stream retries
 * and finally parks the batch in the DLQ; a permanent rejection is recorded and not retried. A
 * message to a suppressed address is settled as failed without calling the mailer, whichever
 * feature queued it.
 */
public final class OutboxSender {

  /** What became of one message. */
  public enum Result { SENT, SKIPPED, REJECTED, SUPPRESSED }

  private final Outbox outbox;
  private final Mailer mailer;
  private final SuppressionList suppressions;
  private final Clock clock;

  public OutboxSender(Outbox outbox, Mailer mailer, SuppressionList suppressions, Clock clock) {
    this.outbox = outbox;
    this.mailer = mailer;
    this.suppressions = suppressions;
    this.clock = clock;
  }

  public Result process(String id) {
    Optional<EmailMessage> claimed = outbox.claim(id, clock.now());
    if (claimed.isEmpty()) {
      return Result.SKIPPED;
    }
    EmailMessage message = claimed.get();
    try {
      if (suppressions.isSuppressed(message.to())) {
        outbox.markFailed(id, "suppressed", clock.now());
        Log.info("mail.suppressed", Map.of("outboxId", id, "kind", message.kind()));
        Metrics.count(Metric.EMAILS_SUPPRESSED, 1, "kind", message.kind());
        return Result.SUPPRESSED;
      }
      mailer.send(message);
    } catch (MailRejectedException e) {
      outbox.markFailed(id, e.getMessage(), clock.now());
      Log.info("mail.rejected", Map.of("outboxId", id, "kind", message.kind(),
          "reason", e.getMessage()));
      Metrics.count(Metric.EMAILS_FAILED, 1, "kind", message.kind());
      return Result.REJECTED;
    } catch (RuntimeException e) {
      outbox.release(id);
      throw e;
    }
    outbox.markSent(id, clock.now());
    Log.info("mail.sent", Map.of("outboxId", id, "kind", message.kind()));
    Metrics.count(Metric.EMAILS_SENT, 1, "kind", message.kind());
    return Result.SENT;
  }
}
