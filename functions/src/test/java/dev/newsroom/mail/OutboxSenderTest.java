package dev.newsroom.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.shared.MutableClock;
import dev.newsroom.shared.UnavailableException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutboxSenderTest {

  private static final EmailMessage MESSAGE = new EmailMessage("test", "reader@example.org",
      "editors@example.com", "Hello", "Hi", "<p>Hi</p>", Map.of());

  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final RecordingMailer mailer = new RecordingMailer();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));
  private final Set<String> suppressed = new HashSet<>();
  private final OutboxSender sender = new OutboxSender(outbox, mailer, suppressed::contains, clock);

  @Test
  void process_whenPending_sendsOnceAndMarksSent() {
    outbox.enqueue("m1", MESSAGE);

    OutboxSender.Result result = sender.process("m1");

    assertThat(result).isEqualTo(OutboxSender.Result.SENT);
    assertThat(mailer.sent()).containsExactly(MESSAGE);
    assertThat(outbox.entry("m1").status).isEqualTo("sent");
    assertThat(outbox.entry("m1").attempts).isEqualTo(1);
  }

  @Test
  void process_whenProcessedASecondTime_sendsNothing() {
    outbox.enqueue("m1", MESSAGE);
    sender.process("m1");

    OutboxSender.Result again = sender.process("m1");

    assertThat(again).isEqualTo(OutboxSender.Result.SKIPPED);
    assertThat(mailer.calls()).isEqualTo(1);
    assertThat(outbox.entry("m1").status).isEqualTo("sent");
  }

  @Test
  void process_whenMailerUnavailable_releasesTheClaimAndRethrows() {
    outbox.enqueue("m1", MESSAGE);
    UnavailableException outage = new UnavailableException("SES is down", null);
    mailer.failOnce("Hello", outage);

    assertThatThrownBy(() -> sender.process("m1")).isSameAs(outage);

    assertThat(outbox.entry("m1").status).isEqualTo("pending");
    assertThat(outbox.entry("m1").claimedAt).isNull();
    assertThat(mailer.sent()).isEmpty();
  }

  @Test
  void process_whenRetriedAfterAnOutage_sendsExactlyOnce() {
    outbox.enqueue("m1", MESSAGE);
    mailer.failOnce("Hello", new UnavailableException("SES is down", null));
    assertThatThrownBy(() -> sender.process("m1")).isInstanceOf(UnavailableException.class);

    OutboxSender.Result retry = sender.process("m1");
    OutboxSender.Result replay = sender.process("m1");

    assertThat(retry).isEqualTo(OutboxSender.Result.SENT);
    assertThat(replay).isEqualTo(OutboxSender.Result.SKIPPED);
    assertThat(mailer.sent()).containsExactly(MESSAGE);
    assertThat(outbox.entry("m1").attempts).isEqualTo(2);
  }

  @Test
  void process_whenRejectedForGood_marksFailedAndNeverRetries() {
    outbox.enqueue("m1", MESSAGE);
    mailer.failOnce("Hello", new MailRejectedException("MessageRejected", null));

    OutboxSender.Result result = sender.process("m1");
    OutboxSender.Result retry = sender.process("m1");

    assertThat(result).isEqualTo(OutboxSender.Result.REJECTED);
    assertThat(retry).isEqualTo(OutboxSender.Result.SKIPPED);
    assertThat(outbox.entry("m1").status).isEqualTo("failed");
    assertThat(outbox.entry("m1").reason).isEqualTo("MessageRejected");
    assertThat(mailer.calls()).isEqualTo(1);
  }

  @Test
  void process_whenClaimedByALiveSender_skipsWithoutSending() {
    outbox.enqueue("m1", MESSAGE);
    outbox.claim("m1", clock.now());

    OutboxSender.Result result = sender.process("m1");

    assertThat(result).isEqualTo(OutboxSender.Result.SKIPPED);
    assertThat(mailer.calls()).isZero();
    assertThat(outbox.entry("m1").status).isEqualTo("sending");
  }

  @Test
  void process_whenUnknownId_skips() {
    assertThat(sender.process("nothing-here")).isEqualTo(OutboxSender.Result.SKIPPED);
    assertThat(mailer.calls()).isZero();
  }

  @Test
  void process_whenRecipientWasSuppressedAfterQueueing_settlesWithoutSending() {
    outbox.enqueue("m1", MESSAGE);
    suppressed.add("reader@example.org");

    OutboxSender.Result result = sender.process("m1");
    OutboxSender.Result replay = sender.process("m1");

    assertThat(result).isEqualTo(OutboxSender.Result.SUPPRESSED);
    assertThat(replay).isEqualTo(OutboxSender.Result.SKIPPED);
    assertThat(mailer.calls()).isZero();
    assertThat(outbox.entry("m1").status).isEqualTo("failed");
    assertThat(outbox.entry("m1").reason).isEqualTo("suppressed");
  }

  @Test
  void process_whenSuppressionListUnavailable_releasesTheClaimAndRethrows() {
    outbox.enqueue("m1", MESSAGE);
    UnavailableException outage = new UnavailableException("table is down", null);
    OutboxSender failing = new OutboxSender(outbox, mailer, address -> {
      throw outage;
    }, clock);

    assertThatThrownBy(() -> failing.process("m1")).isSameAs(outage);

    assertThat(outbox.entry("m1").status).isEqualTo("pending");
    assertThat(mailer.calls()).isZero();
  }
}
