package dev.newsroom.subscriptions;

import static dev.newsroom.subscriptions.SubscriptionFixture.VISITOR;
import static dev.newsroom.subscriptions.SubscriptionFixture.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.mail.EmailMessage;
import dev.newsroom.shared.RateLimitedException;
import dev.newsroom.shared.StdoutCapture;
import dev.newsroom.shared.UnavailableException;
import dev.newsroom.shared.ValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriberDataServiceTest {

  private static final String ADA = "ada@example.org";

  private final SubscriptionFixture f = new SubscriptionFixture();

  @Test
  void request_whenSubscriber_mailsExportAndEraseLinksValidFor24Hours() {
    confirmed(ADA);

    f.data.request("ADA@example.org", "", VISITOR, SubscriptionFixture.SITE);

    EmailMessage mail = f.lastEmail(SubscriptionEmails.DATA);
    assertThat(mail.to()).isEqualTo(ADA);
    assertThat(mail.headers()).containsKey("List-Unsubscribe");
    String export = SubscriptionFixture.param(mail.text(), "/api/subscriptions/export");
    String erase = SubscriptionFixture.param(mail.text(), "/api/subscriptions/erase");
    assertThat(f.data.exportState(export)).isEqualTo(LinkState.ACTIONABLE);
    assertThat(f.data.eraseState(erase)).isEqualTo(LinkState.ACTIONABLE);
    assertThat(f.data.exportState(erase)).isEqualTo(LinkState.INVALID);
    f.clock.advance(Duration.ofHours(24));
    assertThat(f.data.exportState(export)).isEqualTo(LinkState.INVALID);
    assertThat(f.data.erase(erase)).isEqualTo(LinkState.INVALID);
    assertThat(f.repository.events(id(ADA))).extracting(ConsentEvent::type)
        .endsWith(ConsentEvent.Type.DATA_REQUEST);
  }

  @Test
  void request_whenUnknownSuppressedOrHoneypot_mailsNothing() {
    f.feedback.record(new MailFeedback(MailFeedback.Kind.COMPLAINT, "fb-1", null,
        List.of("angry@example.org"), "abuse"));

    f.data.request("nobody@example.org", "", VISITOR, SubscriptionFixture.SITE);
    f.data.request("angry@example.org", "", VISITOR, SubscriptionFixture.SITE);
    confirmed(ADA);
    int before = f.repository.emails().size();
    f.data.request(ADA, "filled-by-a-bot", VISITOR, SubscriptionFixture.SITE);

    assertThat(f.count(SubscriptionEmails.DATA)).isZero();
    assertThat(f.repository.emails()).hasSize(before);
  }

  @Test
  void request_whenRepeatedWithinTenMinutes_mailsOnce() {
    confirmed(ADA);

    f.data.request(ADA, "", VISITOR, SubscriptionFixture.SITE);
    f.clock.advance(Duration.ofMinutes(5));
    f.data.request(ADA, "", VISITOR, SubscriptionFixture.SITE);

    assertThat(f.count(SubscriptionEmails.DATA)).isEqualTo(1);
  }

  @Test
  void request_whenInvalidOrTooMany_isRefused() {
    assertThatThrownBy(() -> f.data.request("no-at-sign", "", VISITOR, SubscriptionFixture.SITE))
        .isInstanceOf(ValidationException.class);
    for (int i = 0; i < SubscriberDataService.PER_EMAIL.max(); i++) {
      f.data.request(ADA, "", VISITOR, SubscriptionFixture.SITE);
    }
    assertThatThrownBy(() -> f.data.request(ADA, "", VISITOR, SubscriptionFixture.SITE))
        .isInstanceOf(RateLimitedException.class);
  }

  @Test
  void request_whenTooManyFromOneIp_isRefusedWhateverTheAddress() {
    for (int i = 0; i < SubscriberDataService.PER_IP.max(); i++) {
      f.data.request("reader" + i + "@example.org", "", VISITOR, SubscriptionFixture.SITE);
    }

    assertThatThrownBy(() -> f.data.request("one.more@example.org", "", VISITOR,
        SubscriptionFixture.SITE)).isInstanceOf(RateLimitedException.class);
  }

  @Test
  void request_whenEveryAttemptLoses_answers503AfterMaxAttemptsAndMailsNothing() {
    confirmed(ADA);
    f.repository.loseEveryRace();
    int before = f.repository.applies();

    assertThatThrownBy(() -> f.data.request(ADA, "", VISITOR, SubscriptionFixture.SITE))
        .isInstanceOf(UnavailableException.class);
    assertThat(f.repository.applies() - before).isEqualTo(SubscriptionService.MAX_ATTEMPTS);
    assertThat(f.count(SubscriptionEmails.DATA)).isZero();
  }

  @Test
  void request_logsEachOutcomeUnderTheSubscriberId() {
    confirmed(ADA);
    try (StdoutCapture out = StdoutCapture.start()) {
      f.data.request(ADA, "", VISITOR, SubscriptionFixture.SITE);
      f.data.request(ADA, "", VISITOR, SubscriptionFixture.SITE);
      f.data.request("nobody@example.org", "", VISITOR, SubscriptionFixture.SITE);
      f.data.request(ADA, "filled-by-a-bot", VISITOR, SubscriptionFixture.SITE);

      assertThat(out.json()).filteredOn(line -> line.has("event"))
          .extracting(line -> line.path("event").asText() + " "
              + line.path("outcome").asText("-") + " " + line.path("subscriberId").asText("-"))
          .containsExactly(
              "subscriber-data.requested sent " + id(ADA),
              "subscriber-data.requested resend-too-soon " + id(ADA),
              "subscriber-data.requested none " + id("nobody@example.org"),
              "subscriber-data.honeypot - -");
      assertThat(out.lines()).noneMatch(line -> line.contains("example.org"));
    }
  }

  @Test
  void exportAndErase_logTheSubscriberIdOnly() {
    confirmed(ADA);
    try (StdoutCapture out = StdoutCapture.start()) {
      f.data.export(f.signer.sign(LinkSigner.Purpose.EXPORT, id(ADA),
          f.clock.now().plusSeconds(60)));
      f.data.erase(f.signer.sign(LinkSigner.Purpose.ERASE, id(ADA),
          f.clock.now().plusSeconds(60)));

      assertThat(out.json()).filteredOn(line -> line.has("event"))
          .extracting(line -> line.path("event").asText() + " "
              + line.path("subscriberId").asText("-"))
          .containsExactly("subscriber-data.exported " + id(ADA),
              "subscriber-data.erased " + id(ADA));
      assertThat(out.lines()).noneMatch(line -> line.contains("example.org"));
    }
  }

  @Test
  void export_returnsTheSubscriptionAndTheWholeLogWithoutChangingIt() {
    confirmed(ADA);
    String token = f.signer.sign(LinkSigner.Purpose.EXPORT, id(ADA),
        f.clock.now().plusSeconds(60));
    long version = f.repository.find(id(ADA)).orElseThrow().version();

    SubscriberExport export = f.data.export(token).orElseThrow();

    assertThat(export.subscriber().email()).isEqualTo(ADA);
    assertThat(export.events()).extracting(ConsentEvent::type)
        .containsExactly(ConsentEvent.Type.SIGNUP, ConsentEvent.Type.CONFIRM);
    assertThat(f.repository.find(id(ADA)).orElseThrow().version()).isEqualTo(version);
    assertThat(f.data.export(f.signer.sign(LinkSigner.Purpose.ERASE, id(ADA),
        f.clock.now().plusSeconds(60)))).isEmpty();
  }

  @Test
  void erase_leavesATombstoneWithoutPersonalDataAndIsIdempotent() {
    confirmed(ADA);
    String token = f.signer.sign(LinkSigner.Purpose.ERASE, id(ADA),
        f.clock.now().plusSeconds(3600));

    assertThat(f.data.erase(token)).isEqualTo(LinkState.DONE);
    assertThat(f.data.eraseState(token)).isEqualTo(LinkState.DONE);
    assertThat(f.data.erase(token)).isEqualTo(LinkState.DONE);

    Subscriber tombstone = f.repository.find(id(ADA)).orElseThrow();
    assertThat(tombstone.status()).isEqualTo(SubscriberStatus.ERASED);
    assertThat(tombstone).extracting(Subscriber::email, Subscriber::name, Subscriber::page,
        Subscriber::signupId, Subscriber::confirmedAt).containsOnlyNulls();
    assertThat(f.repository.events(id(ADA))).isEmpty();
    assertThat(f.subscriptions.unsubscribeState(
        f.signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, id(ADA), null))).isEqualTo(LinkState.DONE);
  }

  @Test
  void erase_whenAnEarlierEraseWasInterrupted_sweepsTheLogItLeftAndKeepsTheTombstone() {
    confirmed(ADA);
    // given an erase that wrote its tombstone and stopped before the log was deleted
    Subscriber tombstone = f.repository.find(id(ADA)).orElseThrow().erase(f.clock.now());
    f.repository.put(tombstone);
    assertThat(f.repository.events(id(ADA))).isNotEmpty();
    f.clock.advance(Duration.ofMinutes(1));

    LinkState state = f.data.erase(f.signer.sign(LinkSigner.Purpose.ERASE, id(ADA),
        f.clock.now().plusSeconds(60)));

    assertThat(state).isEqualTo(LinkState.DONE);
    assertThat(f.repository.events(id(ADA))).isEmpty();
    assertThat(f.repository.find(id(ADA))).contains(tombstone);
  }

  @Test
  void erase_whenNothingIsHeld_isDone() {
    String token = f.signer.sign(LinkSigner.Purpose.ERASE, id(ADA),
        f.clock.now().plusSeconds(60));

    assertThat(f.data.erase(token)).isEqualTo(LinkState.DONE);
    assertThat(f.repository.find(id(ADA))).isEmpty();
  }

  @Test
  void erase_whenEveryAttemptLoses_answers503AfterMaxAttemptsAndKeepsTheData() {
    confirmed(ADA);
    f.repository.loseEveryRace();

    assertThatThrownBy(() -> f.data.erase(f.signer.sign(LinkSigner.Purpose.ERASE, id(ADA),
        f.clock.now().plusSeconds(60)))).isInstanceOf(UnavailableException.class);
    assertThat(f.repository.erases()).isEqualTo(SubscriptionService.MAX_ATTEMPTS);
    assertThat(f.repository.find(id(ADA)).orElseThrow().email()).isEqualTo(ADA);
    assertThat(f.repository.events(id(ADA))).isNotEmpty();
  }

  @Test
  void erase_whenSuppressed_keepsTheSuppressionSoTheAddressIsNeverMailed() {
    confirmed(ADA);
    f.feedback.record(new MailFeedback(MailFeedback.Kind.HARD_BOUNCE, "fb-1", null,
        List.of(ADA), "Permanent/General"));

    f.data.erase(f.signer.sign(LinkSigner.Purpose.ERASE, id(ADA), f.clock.now().plusSeconds(9)));
    f.clock.advance(Duration.ofHours(1));
    f.subscribe(ADA);

    Subscriber tombstone = f.repository.find(id(ADA)).orElseThrow();
    assertThat(tombstone.status()).isEqualTo(SubscriberStatus.SUPPRESSED);
    assertThat(tombstone.suppressionReason()).isEqualTo("bounce");
    assertThat(tombstone.email()).isNull();
    assertThat(f.count(SubscriptionEmails.CONFIRMATION)).isEqualTo(1);
  }

  @Test
  void erase_whenNotSuppressed_letsTheAddressSubscribeAgainWithAFreshOptIn() {
    confirmed(ADA);
    f.data.erase(f.signer.sign(LinkSigner.Purpose.ERASE, id(ADA), f.clock.now().plusSeconds(9)));

    f.subscribe(ADA);

    assertThat(f.repository.find(id(ADA)).orElseThrow().status())
        .isEqualTo(SubscriberStatus.PENDING);
    assertThat(f.count(SubscriptionEmails.CONFIRMATION)).isEqualTo(2);
    assertThat(f.repository.events(id(ADA))).extracting(ConsentEvent::type)
        .containsExactly(ConsentEvent.Type.SIGNUP);
  }

  private void confirmed(String address) {
    f.subscribe(address);
    f.confirm(f.lastConfirmationToken());
  }
}
