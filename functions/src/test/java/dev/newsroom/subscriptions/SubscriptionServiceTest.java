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

class SubscriptionServiceTest {

  private static final String ADA = "Ada@Example.org";

  private final SubscriptionFixture f = new SubscriptionFixture();

  // ---------------------------------------------------------------- signup

  @Test
  void subscribe_whenNewAddress_storesPendingAndQueuesOneConfirmation() {
    f.subscribe(ADA);

    Subscriber s = f.repository.find(id(ADA)).orElseThrow();
    assertThat(s.status()).isEqualTo(SubscriberStatus.PENDING);
    assertThat(s.email()).isEqualTo("Ada@example.org");
    assertThat(s.page()).isEqualTo("/articles/hello/");
    EmailMessage mail = f.lastEmail(SubscriptionEmails.CONFIRMATION);
    assertThat(mail.to()).isEqualTo("Ada@example.org");
    assertThat(mail.text()).contains("https://news.example.com/api/subscriptions/confirm?token=");
    assertThat(mail.html()).contains("https://news.example.com/api/subscriptions/confirm?token=");
    assertThat(f.repository.emails()).hasSize(1);
    assertThat(f.repository.events(s.id())).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(ConsentEvent.Type.SIGNUP);
      assertThat(e.ip()).isEqualTo("203.0.113.7");
      assertThat(e.userAgent()).isEqualTo("Mozilla/5.0 (test)");
      assertThat(e.page()).isEqualTo("/articles/hello/");
      assertThat(e.consentVersion()).isEqualTo(Consent.CURRENT);
    });
  }

  @Test
  void subscribe_whenNewAddress_keepsOnlyTheTokensHashAndKeysTheOutboxByIt() {
    f.subscribe(ADA);

    String token = f.lastConfirmationToken();
    String hash = dev.newsroom.shared.Hashing.sha256Hex(token);
    assertThat(f.repository.findToken(hash)).hasValueSatisfying(t -> {
      assertThat(t.hash()).isEqualTo(hash).doesNotContain(token);
      assertThat(t.expiresAt()).isEqualTo(f.clock.now().plus(Duration.ofHours(48)));
    });
    assertThat(f.repository.outboxIds()).containsExactly("confirm#" + hash);
  }

  @Test
  void confirmationEmail_carriesTheOneClickHeadersAndAWorkingUnsubscribeLink() {
    f.subscribe(ADA);

    EmailMessage mail = f.lastEmail(SubscriptionEmails.CONFIRMATION);
    assertThat(mail.headers()).containsEntry("List-Unsubscribe-Post",
        "List-Unsubscribe=One-Click");
    String header = mail.headers().get("List-Unsubscribe");
    assertThat(header).startsWith("<https://news.example.com/api/subscriptions/unsubscribe?token=")
        .endsWith(">");
    String token = SubscriptionFixture.param(header, "/api/subscriptions/unsubscribe");
    assertThat(mail.text()).contains(token);
    assertThat(f.subscriptions.unsubscribe(token, VISITOR, "one-click"))
        .isEqualTo(LinkState.DONE);
    assertThat(f.repository.find(id(ADA)).orElseThrow().status())
        .isEqualTo(SubscriberStatus.UNSUBSCRIBED);
  }

  @Test
  void subscribe_whenHoneypotFilled_storesCountsAndSendsNothing() {
    f.subscriptions.subscribe(new SignupRequest(ADA, "", "", "http://spam.example", null,
        VISITOR, SubscriptionFixture.SITE));

    assertThat(f.repository.find(id(ADA))).isEmpty();
    assertThat(f.repository.emails()).isEmpty();
    assertThat(f.rateLimiter.counted("subscribe-ip")).isZero();
  }

  @Test
  void subscribe_whenAddressInvalid_refusesBeforeCountingOrStoring() {
    assertThatThrownBy(() -> f.subscribe("ada@example.org\r\nBcc: x@example.net"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> f.subscribe("reader@localhost"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> f.subscriptions.subscribe(new SignupRequest(ADA, "A\nB", "", "",
        null, VISITOR, SubscriptionFixture.SITE))).isInstanceOf(ValidationException.class)
        .extracting("field").isEqualTo("name");
    assertThatThrownBy(() -> f.subscriptions.subscribe(new SignupRequest(ADA, "", "javascript:x",
        "", null, VISITOR, SubscriptionFixture.SITE))).isInstanceOf(ValidationException.class)
        .extracting("field").isEqualTo("page");

    assertThat(f.rateLimiter.counted("subscribe-ip")).isZero();
    assertThat(f.repository.applies()).isZero();
  }

  @Test
  void subscribe_whenNameGivenOrBlank_storesItTrimmedOrNone() {
    f.subscriptions.subscribe(new SignupRequest("a@example.org", "  Ada Lovelace ", "", "",
        null, VISITOR, SubscriptionFixture.SITE));
    f.subscriptions.subscribe(new SignupRequest("b@example.org", "   ", "", "", null, VISITOR,
        SubscriptionFixture.SITE));

    assertThat(f.repository.find(id("a@example.org")).orElseThrow().name())
        .isEqualTo("Ada Lovelace");
    assertThat(f.repository.find(id("b@example.org")).orElseThrow().name()).isNull();
  }

  @Test
  void subscribe_whenPageMissing_keepsASaneRefererOnly() {
    f.subscriptions.subscribe(new SignupRequest("a@example.org", "", "", "",
        "https://news.example.com/articles/x/", VISITOR, SubscriptionFixture.SITE));
    f.subscriptions.subscribe(new SignupRequest("b@example.org", "", "", "", "javascript:x",
        VISITOR, SubscriptionFixture.SITE));

    assertThat(f.repository.find(id("a@example.org")).orElseThrow().page())
        .isEqualTo("https://news.example.com/articles/x/");
    assertThat(f.repository.find(id("b@example.org")).orElseThrow().page()).isNull();
  }

  @Test
  void subscribe_whenTooManyFromOneAddress_isRateLimited() {
    for (int i = 0; i < SubscriptionService.PER_EMAIL.max(); i++) {
      f.subscribe(ADA);
    }

    assertThatThrownBy(() -> f.subscribe("ada@EXAMPLE.org"))
        .isInstanceOf(RateLimitedException.class);
  }

  @Test
  void subscribe_whenTooManyFromOneIp_isRateLimited() {
    for (int i = 0; i < SubscriptionService.PER_IP.max(); i++) {
      f.subscribe("reader" + i + "@example.org");
    }

    assertThatThrownBy(() -> f.subscribe("one.more@example.org"))
        .isInstanceOf(RateLimitedException.class);
  }

  @Test
  void subscribe_whenPendingWithinTenMinutes_sendsNothingMore() {
    f.subscribe(ADA);
    f.clock.advance(Duration.ofMinutes(9));

    f.subscribe(ADA);

    assertThat(f.count(SubscriptionEmails.CONFIRMATION)).isEqualTo(1);
    assertThat(f.repository.events(id(ADA))).hasSize(1);
  }

  @Test
  void subscribe_whenPendingAfterTenMinutes_sendsANewLinkAndBothWork() {
    f.subscribe(ADA);
    String first = f.lastConfirmationToken();
    f.clock.advance(Duration.ofMinutes(10));

    f.subscribe(ADA);

    String second = f.lastConfirmationToken();
    assertThat(f.count(SubscriptionEmails.CONFIRMATION)).isEqualTo(2);
    assertThat(second).isNotEqualTo(first);
    assertThat(f.subscriptions.confirmationState(first)).isEqualTo(LinkState.ACTIONABLE);
    assertThat(f.confirm(first)).isEqualTo(LinkState.DONE);
    assertThat(f.confirm(second)).isEqualTo(LinkState.DONE);
    assertThat(f.count(SubscriptionEmails.WELCOME)).isEqualTo(1);
  }

  @Test
  void subscribe_whenConfirmed_sendsNothing() {
    f.subscribe(ADA);
    f.confirm(f.lastConfirmationToken());
    int before = f.repository.emails().size();
    f.clock.advance(Duration.ofHours(1));

    f.subscribe(ADA);

    assertThat(f.repository.emails()).hasSize(before);
    assertThat(f.repository.find(id(ADA)).orElseThrow().status())
        .isEqualTo(SubscriberStatus.CONFIRMED);
  }

  @Test
  void subscribe_whenSuppressed_sendsNothing() {
    f.subscribe(ADA);
    f.feedback.record(hardBounce(ADA, "fb-1"));
    f.clock.advance(Duration.ofHours(1));

    f.subscribe(ADA);

    assertThat(f.count(SubscriptionEmails.CONFIRMATION)).isEqualTo(1);
    assertThat(f.repository.find(id(ADA)).orElseThrow().status())
        .isEqualTo(SubscriberStatus.SUPPRESSED);
  }

  @Test
  void subscribe_whenUnsubscribed_startsAFreshOptInThatOldLinksCannotConfirm() {
    f.subscribe(ADA);
    String oldToken = f.lastConfirmationToken();
    f.subscriptions.unsubscribe(f.signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, id(ADA), null),
        VISITOR, "page");
    f.clock.advance(Duration.ofMinutes(1));

    f.subscribe(ADA);

    Subscriber s = f.repository.find(id(ADA)).orElseThrow();
    assertThat(s.status()).isEqualTo(SubscriberStatus.PENDING);
    assertThat(f.count(SubscriptionEmails.CONFIRMATION)).isEqualTo(2);
    assertThat(f.confirm(oldToken)).isEqualTo(LinkState.INVALID);
    assertThat(f.confirm(f.lastConfirmationToken()))
        .isEqualTo(LinkState.DONE);
  }

  @Test
  void subscribe_whenARaceIsLost_decidesAgainFromTheWinnersStateAndSendsOnce() {
    // given another request for the same address that commits between our read and our write
    f.repository.beforeApply(() -> f.subscribe(ADA));

    f.subscribe(ADA);

    assertThat(f.count(SubscriptionEmails.CONFIRMATION)).isEqualTo(1);
    assertThat(f.repository.events(id(ADA))).hasSize(1);
  }

  @Test
  void subscribe_whenEveryAttemptLoses_answers503AndWritesNothing() {
    InMemorySubscriberRepository always = new InMemorySubscriberRepository();
    always.loseEveryRace();
    SubscriptionService service = new SubscriptionService(always, f.rateLimiter, f.signer,
        "Newsroom", f.clock);

    assertThatThrownBy(() -> service.subscribe(new SignupRequest(ADA, "", "", "", null, VISITOR,
        SubscriptionFixture.SITE)))
        .isInstanceOf(UnavailableException.class);
    assertThat(always.emails()).isEmpty();
  }

  @Test
  void subscribe_whenEveryAttemptLoses_triesMaxAttemptsTimesOnly() {
    f.repository.loseEveryRace();

    assertThatThrownBy(() -> f.subscribe(ADA)).isInstanceOf(UnavailableException.class);
    assertThat(f.repository.applies()).isEqualTo(SubscriptionService.MAX_ATTEMPTS);
  }

  // ---------------------------------------------------------------- confirm

  @Test
  void confirmationState_whenLinkOpened_changesNothing() {
    f.subscribe(ADA);
    String token = f.lastConfirmationToken();

    LinkState state = f.subscriptions.confirmationState(token);
    f.subscriptions.confirmationState(token);

    assertThat(state).isEqualTo(LinkState.ACTIONABLE);
    assertThat(f.repository.find(id(ADA)).orElseThrow().status())
        .isEqualTo(SubscriberStatus.PENDING);
    assertThat(f.repository.emails()).hasSize(1);
  }

  @Test
  void confirm_whenPending_confirmsLogsConsentAndQueuesTheWelcome() {
    f.subscribe(ADA);
    String token = f.lastConfirmationToken();
    f.clock.advance(Duration.ofHours(47));

    LinkState result = f.subscriptions.confirm(token,
        new Visitor("198.51.100.2", "Another Browser"), SubscriptionFixture.SITE);

    assertThat(result).isEqualTo(LinkState.DONE);
    Subscriber s = f.repository.find(id(ADA)).orElseThrow();
    assertThat(s.status()).isEqualTo(SubscriberStatus.CONFIRMED);
    assertThat(s.confirmedAt()).isEqualTo(f.clock.now());
    assertThat(f.repository.events(s.id())).extracting(ConsentEvent::type)
        .containsExactly(ConsentEvent.Type.SIGNUP, ConsentEvent.Type.CONFIRM);
    assertThat(f.repository.events(s.id()).get(1)).satisfies(e -> {
      assertThat(e.ip()).isEqualTo("198.51.100.2");
      assertThat(e.page()).isEqualTo("/articles/hello/");
      assertThat(e.consentVersion()).isEqualTo(Consent.CURRENT);
    });
    EmailMessage welcome = f.lastEmail(SubscriptionEmails.WELCOME);
    assertThat(welcome.to()).isEqualTo("Ada@example.org");
    assertThat(welcome.headers()).containsKeys("List-Unsubscribe", "List-Unsubscribe-Post");
    assertThat(f.repository.outboxIds()).contains("welcome#"
        + dev.newsroom.shared.Hashing.sha256Hex(token));
  }

  @Test
  void confirm_whenRepeatedOrDoubleClicked_isDoneAndSendsOneWelcome() {
    f.subscribe(ADA);
    String token = f.lastConfirmationToken();

    LinkState first = f.confirm(token);
    LinkState second = f.confirm(token);

    assertThat(first).isEqualTo(LinkState.DONE);
    assertThat(second).isEqualTo(LinkState.DONE);
    assertThat(f.subscriptions.confirmationState(token)).isEqualTo(LinkState.DONE);
    assertThat(f.count(SubscriptionEmails.WELCOME)).isEqualTo(1);
    assertThat(f.repository.events(id(ADA))).hasSize(2);
  }

  @Test
  void confirm_whenTheOtherClickWinsTheRace_isDoneAndSendsOneWelcome() {
    f.subscribe(ADA);
    String token = f.lastConfirmationToken();
    f.repository.beforeApply(() -> f.confirm(token));

    LinkState result = f.confirm(token);

    assertThat(result).isEqualTo(LinkState.DONE);
    assertThat(f.count(SubscriptionEmails.WELCOME)).isEqualTo(1);
  }

  @Test
  void confirm_whenOlderThan48Hours_isInvalidEvenIfTtlHasNotDeletedIt() {
    f.subscribe(ADA);
    String token = f.lastConfirmationToken();
    f.clock.advance(Duration.ofHours(48));

    assertThat(f.subscriptions.confirmationState(token)).isEqualTo(LinkState.INVALID);
    assertThat(f.confirm(token)).isEqualTo(LinkState.INVALID);
    assertThat(f.repository.find(id(ADA)).orElseThrow().status())
        .isEqualTo(SubscriberStatus.PENDING);
    assertThat(f.count(SubscriptionEmails.WELCOME)).isZero();
  }

  @Test
  void confirm_whenTokenUnknownOrMalformed_isInvalid() {
    f.subscribe(ADA);

    for (String token : List.of("", "x", "A".repeat(43), f.lastConfirmationToken() + "x",
        "../../etc/passwd")) {
      assertThat(f.confirm(token)).as(token).isEqualTo(LinkState.INVALID);
    }
    assertThat(f.confirm(null)).isEqualTo(LinkState.INVALID);
  }

  @Test
  void confirm_whenSuppressedMeanwhile_isInvalidAndSendsNothing() {
    f.subscribe(ADA);
    String token = f.lastConfirmationToken();
    f.feedback.record(new MailFeedback(MailFeedback.Kind.COMPLAINT, "fb-9", null,
        List.of(ADA), "abuse"));

    assertThat(f.confirm(token)).isEqualTo(LinkState.INVALID);
    assertThat(f.count(SubscriptionEmails.WELCOME)).isZero();
  }

  @Test
  void confirm_whenEveryAttemptLoses_answers503AfterMaxAttemptsAndStaysPending() {
    f.subscribe(ADA);
    String token = f.lastConfirmationToken();
    f.repository.loseEveryRace();
    int before = f.repository.applies();

    assertThatThrownBy(() -> f.confirm(token)).isInstanceOf(UnavailableException.class);
    assertThat(f.repository.applies() - before).isEqualTo(SubscriptionService.MAX_ATTEMPTS);
    assertThat(f.repository.find(id(ADA)).orElseThrow().status())
        .isEqualTo(SubscriberStatus.PENDING);
    assertThat(f.count(SubscriptionEmails.WELCOME)).isZero();
  }

  // ---------------------------------------------------------------- unsubscribe

  @Test
  void unsubscribe_whenConfirmed_unsubscribesOnceAndLogsHow() {
    f.subscribe(ADA);
    f.confirm(f.lastConfirmationToken());
    String token = f.signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, id(ADA), null);

    assertThat(f.subscriptions.unsubscribeState(token)).isEqualTo(LinkState.ACTIONABLE);
    LinkState first = f.subscriptions.unsubscribe(token, VISITOR, "one-click");
    LinkState again = f.subscriptions.unsubscribe(token, VISITOR, "page");

    assertThat(first).isEqualTo(LinkState.DONE);
    assertThat(again).isEqualTo(LinkState.DONE);
    assertThat(f.subscriptions.unsubscribeState(token)).isEqualTo(LinkState.DONE);
    Subscriber s = f.repository.find(id(ADA)).orElseThrow();
    assertThat(s.status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
    assertThat(f.repository.events(s.id())).extracting(ConsentEvent::type).containsExactly(
        ConsentEvent.Type.SIGNUP, ConsentEvent.Type.CONFIRM, ConsentEvent.Type.UNSUBSCRIBE);
    assertThat(f.repository.events(s.id()).get(2).detail()).isEqualTo("one-click");
  }

  @Test
  void unsubscribe_whenTheLinkCameInAMailing_countsItOnThatMailingOnce() {
    CountingMailings mailings = new CountingMailings();
    SubscriptionService service = withMailings(mailings);
    f.subscribe(ADA);
    f.confirm(f.lastConfirmationToken());
    String token = f.signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, id(ADA), null, "a-storm-1");

    service.unsubscribe(token, VISITOR, "one-click");
    service.unsubscribe(token, VISITOR, "one-click");
    service.unsubscribe(token, VISITOR, "page");

    assertThat(mailings.counted).containsExactly("a-storm-1/" + id(ADA));
    assertThat(f.repository.find(id(ADA)).orElseThrow().status())
        .isEqualTo(SubscriberStatus.UNSUBSCRIBED);
  }

  @Test
  void unsubscribe_whenNotAConfirmedSubscriptionItEnds_countsNothingOnTheMailing() {
    CountingMailings mailings = new CountingMailings();
    SubscriptionService service = withMailings(mailings);
    String bob = "bob@example.org";
    f.subscribe(ADA);
    f.confirm(f.lastConfirmationToken());
    service.unsubscribe(f.signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, id(ADA), null), VISITOR,
        "page");
    f.subscribe(bob);

    // already unsubscribed (through a link of no mailing), and still pending
    service.unsubscribe(f.signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, id(ADA), null, "a-x-1"),
        VISITOR, "one-click");
    service.unsubscribe(f.signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, id(bob), null, "a-x-1"),
        VISITOR, "one-click");

    assertThat(mailings.counted).isEmpty();
    assertThat(f.repository.find(id(bob)).orElseThrow().status())
        .isEqualTo(SubscriberStatus.UNSUBSCRIBED);
  }

  @Test
  void unsubscribe_whenCountingOnTheMailingFails_stillUnsubscribes() {
    SubscriptionService service = withMailings((mailing, subscriber) -> {
      throw new UnavailableException("campaigns table down", null);
    });
    f.subscribe(ADA);
    f.confirm(f.lastConfirmationToken());

    try (StdoutCapture out = StdoutCapture.start()) {
      assertThat(service.unsubscribe(f.signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, id(ADA), null,
          "a-x-1"), VISITOR, "one-click")).isEqualTo(LinkState.DONE);
      assertThat(out.lines()).anyMatch(l -> l.contains("subscription.unsubscribe-not-counted"));
    }
    assertThat(f.repository.find(id(ADA)).orElseThrow().status())
        .isEqualTo(SubscriberStatus.UNSUBSCRIBED);
  }

  /** Records what a mailing was asked to count. */
  private static final class CountingMailings implements UnsubscribeCounter {
    final List<String> counted = new java.util.ArrayList<>();

    @Override
    public void count(String mailing, String subscriberId) {
      counted.add(mailing + "/" + subscriberId);
    }
  }

  private SubscriptionService withMailings(UnsubscribeCounter mailings) {
    return new SubscriptionService(f.repository, f.rateLimiter, f.signer, "Newsroom", f.clock,
        mailings);
  }

  @Test
  void unsubscribe_whenPending_stopsTheConfirmationToo() {
    f.subscribe(ADA);
    String confirm = f.lastConfirmationToken();

    f.subscriptions.unsubscribe(f.signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, id(ADA), null),
        VISITOR, "page");

    assertThat(f.confirm(confirm)).isEqualTo(LinkState.INVALID);
  }

  @Test
  void unsubscribe_whenTokenForgedOrForAnotherPurpose_isInvalidAndChangesNothing() {
    f.subscribe(ADA);
    String id = id(ADA);
    String genuine = f.signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, id, null);
    LinkSigner otherKey = new LinkSigner(() -> "another key, at least 32 bytes long!!".getBytes());

    for (String token : List.of(
        f.signer.sign(LinkSigner.Purpose.ERASE, id, null),
        otherKey.sign(LinkSigner.Purpose.UNSUBSCRIBE, id, null),
        genuine.substring(0, genuine.length() - 1) + (genuine.endsWith("A") ? "B" : "A"),
        id(("mallory@example.org")) + genuine.substring(43))) {
      assertThat(f.subscriptions.unsubscribeState(token)).as(token).isEqualTo(LinkState.INVALID);
      assertThat(f.subscriptions.unsubscribe(token, VISITOR, "page")).isEqualTo(LinkState.INVALID);
    }
    assertThat(f.repository.find(id).orElseThrow().status()).isEqualTo(SubscriberStatus.PENDING);
  }

  @Test
  void unsubscribe_whenEveryAttemptLoses_answers503AfterMaxAttemptsAndStaysSubscribed() {
    f.subscribe(ADA);
    f.confirm(f.lastConfirmationToken());
    f.repository.loseEveryRace();
    int before = f.repository.applies();
    String token = f.signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, id(ADA), null);

    assertThatThrownBy(() -> f.subscriptions.unsubscribe(token, VISITOR, "page"))
        .isInstanceOf(UnavailableException.class);
    assertThat(f.repository.applies() - before).isEqualTo(SubscriptionService.MAX_ATTEMPTS);
    assertThat(f.repository.find(id(ADA)).orElseThrow().status())
        .isEqualTo(SubscriberStatus.CONFIRMED);
  }

  // ---------------------------------------------------------------- metrics

  @Test
  void lifecycle_countsEachSignupConfirmationAndUnsubscribeOnce_andNoResendOrRepeat() {
    try (StdoutCapture out = StdoutCapture.start()) {
      f.subscribe(ADA);
      f.clock.advance(Duration.ofMinutes(10));
      f.subscribe(ADA); // a resend, not a signup
      String token = f.lastConfirmationToken();
      f.confirm(token);
      f.confirm(token); // a double click
      String unsubscribe = f.signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, id(ADA), null);
      f.subscriptions.unsubscribe(unsubscribe, VISITOR, "one-click");
      f.subscriptions.unsubscribe(unsubscribe, VISITOR, "page");
      f.subscribe(ADA); // after an unsubscribe: a new signup

      assertThat(out.metric("Signups")).isEqualTo(2);
      assertThat(out.metric("Confirmations")).isEqualTo(1);
      assertThat(out.metric("Unsubscribes")).isEqualTo(1);
      assertThat(out.metricLines("Unsubscribes").get(0).path("how").asText())
          .isEqualTo("one-click");
      assertThat(String.join("\n", out.lines())).as("logs and metrics of the whole lifecycle")
          .doesNotContainIgnoringCase("example.org").doesNotContain("@")
          .doesNotContain(token).doesNotContain(unsubscribe);
    }
  }

  @Test
  void subscribe_whenHoneypotOrAlreadyConfirmed_countsNoSignup() {
    f.subscribe(ADA);
    f.confirm(f.lastConfirmationToken());

    try (StdoutCapture out = StdoutCapture.start()) {
      f.subscribe(ADA);
      f.subscriptions.subscribe(new SignupRequest("bot@example.org", "", "", "http://spam.example",
          null, VISITOR, SubscriptionFixture.SITE));

      assertThat(out.metric("Signups")).isZero();
    }
  }

  @Test
  void subscribe_whenResendingToPending_countsNoSignup() {
    f.subscribe(ADA);
    f.clock.advance(SubscriptionService.RESEND_AFTER);

    try (StdoutCapture out = StdoutCapture.start()) {
      f.subscribe(ADA);

      assertThat(f.count(SubscriptionEmails.CONFIRMATION)).isEqualTo(2);
      assertThat(out.metric("Signups")).isZero();
    }
  }

  @Test
  void lifecycle_logsEveryOutcomeUnderTheSubscriberId() {
    String id = id(ADA);
    try (StdoutCapture out = StdoutCapture.start()) {
      f.subscribe(ADA);
      f.subscribe(ADA);
      f.clock.advance(SubscriptionService.RESEND_AFTER);
      f.subscribe(ADA);
      f.confirm(f.lastConfirmationToken());
      f.subscribe(ADA);
      f.subscriptions.unsubscribe(f.signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, id, null),
          VISITOR, "one-click");
      f.subscriptions.subscribe(new SignupRequest(ADA, "", "", "http://spam.example", null,
          VISITOR, SubscriptionFixture.SITE));

      assertThat(out.json()).filteredOn(line -> line.path("event").asText()
              .startsWith("subscription."))
          .extracting(line -> line.path("event").asText() + " "
              + line.path("outcome").asText("-") + " " + line.path("subscriberId").asText("-"))
          .containsExactly(
              "subscription.signup new " + id,
              "subscription.signup resend-too-soon " + id,
              "subscription.signup confirmation-sent " + id,
              "subscription.confirmed confirmed " + id,
              "subscription.signup confirmed " + id,
              "subscription.unsubscribed one-click " + id,
              "subscription.honeypot - -");
    }
  }

  private static MailFeedback hardBounce(String address, String feedbackId) {
    return new MailFeedback(MailFeedback.Kind.HARD_BOUNCE, feedbackId, null, List.of(address),
        "Permanent/General");
  }
}
