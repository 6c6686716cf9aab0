package dev.newsroom.subscriptions;

import static dev.newsroom.subscriptions.SubscriptionFixture.VISITOR;
import static dev.newsroom.subscriptions.SubscriptionFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.shared.StdoutCapture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailFeedbackServiceTest {

  private static final String ADA = "ada@example.org";
  private static final Instant BOUNCED_AT = Instant.parse("2026-11-24T09:05:00Z");

  private final SubscriptionFixture f = new SubscriptionFixture();

  @Test
  void hardBounce_whenConfirmed_suppressesAndLogsWithTheServicesTime() {
    confirmed(ADA);

    f.feedback.record(feedback(MailFeedback.Kind.HARD_BOUNCE, "fb-1", ADA));

    Subscriber s = f.repository.find(id(ADA)).orElseThrow();
    assertThat(s.status()).isEqualTo(SubscriberStatus.SUPPRESSED);
    assertThat(s.suppressionReason()).isEqualTo("bounce");
    assertThat(f.repository.events(s.id()).get(2)).satisfies(e -> {
      assertThat(e.type()).isEqualTo(ConsentEvent.Type.BOUNCE);
      assertThat(e.at()).isEqualTo(BOUNCED_AT);
      assertThat(e.detail()).isEqualTo("detail");
      assertThat(e.ip()).isNull();
    });
  }

  @Test
  void complaint_whenConfirmed_suppressesAndUnsubscribeLinksNoLongerAct() {
    confirmed(ADA);

    f.feedback.record(feedback(MailFeedback.Kind.COMPLAINT, "fb-2", ADA));

    assertThat(f.repository.find(id(ADA)).orElseThrow().suppressionReason())
        .isEqualTo("complaint");
    assertThat(f.subscriptions.unsubscribeState(
        f.signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, id(ADA), null))).isEqualTo(LinkState.DONE);
  }

  @Test
  void hardBounce_whenAddressNeverSubscribed_keepsASuppressionWithoutTheAddress() {
    f.feedback.record(feedback(MailFeedback.Kind.HARD_BOUNCE, "fb-3", "Editor@Example.org"));

    Subscriber s = f.repository.find(id("editor@example.org")).orElseThrow();
    assertThat(s.status()).isEqualTo(SubscriberStatus.SUPPRESSED);
    assertThat(s.email()).isNull();
    f.subscribe("editor@example.org");
    assertThat(f.repository.emails()).isEmpty();
  }

  @Test
  void record_countsBouncesByTypeAndComplaints_onceEachEvenWhenRedelivered() {
    confirmed(ADA);
    confirmed("bea@example.org");
    confirmed("cy@example.org");

    try (StdoutCapture out = StdoutCapture.start()) {
      f.feedback.record(feedback(MailFeedback.Kind.SOFT_BOUNCE, "fb-s", ADA));
      f.feedback.record(feedback(MailFeedback.Kind.HARD_BOUNCE, "fb-h", "bea@example.org"));
      f.feedback.record(feedback(MailFeedback.Kind.HARD_BOUNCE, "fb-h", "bea@example.org"));
      f.feedback.record(feedback(MailFeedback.Kind.COMPLAINT, "fb-c", "cy@example.org"));
      f.feedback.record(feedback(MailFeedback.Kind.SOFT_BOUNCE, "fb-x", "stranger@example.org"));

      assertThat(out.metric("Bounces")).isEqualTo(2);
      assertThat(out.metricLines("Bounces")).extracting(line -> line.path("type").asText())
          .containsExactly("soft", "hard");
      assertThat(out.metric("Complaints")).isEqualTo(1);
    }
  }

  @Test
  void softBounce_isLoggedButChangesNothingAndIsIgnoredForStrangers() {
    confirmed(ADA);

    f.feedback.record(feedback(MailFeedback.Kind.SOFT_BOUNCE, "fb-4", ADA));
    f.feedback.record(feedback(MailFeedback.Kind.SOFT_BOUNCE, "fb-5", "stranger@example.org"));

    assertThat(f.repository.find(id(ADA)).orElseThrow().status())
        .isEqualTo(SubscriberStatus.CONFIRMED);
    assertThat(f.repository.events(id(ADA))).extracting(ConsentEvent::type)
        .containsExactly(ConsentEvent.Type.SIGNUP, ConsentEvent.Type.CONFIRM,
            ConsentEvent.Type.BOUNCE);
    assertThat(f.repository.find(id("stranger@example.org"))).isEmpty();
  }

  @Test
  void record_whenSnsDeliversTheSameReportTwice_countsItOnce() {
    confirmed(ADA);
    MailFeedback bounce = feedback(MailFeedback.Kind.HARD_BOUNCE, "fb-6", ADA);

    f.feedback.record(bounce);
    f.clock.advance(Duration.ofSeconds(30));
    f.feedback.record(bounce);

    assertThat(f.repository.events(id(ADA))).filteredOn(e -> e.type() == ConsentEvent.Type.BOUNCE)
        .hasSize(1);
  }

  @Test
  void complaint_afterABounce_isLoggedAndKeepsTheFirstReason() {
    confirmed(ADA);
    f.feedback.record(feedback(MailFeedback.Kind.HARD_BOUNCE, "fb-7", ADA));
    Instant suppressedAt = f.repository.find(id(ADA)).orElseThrow().suppressedAt();
    f.clock.advance(Duration.ofHours(1));

    f.feedback.record(feedback(MailFeedback.Kind.COMPLAINT, "fb-8", ADA));

    Subscriber s = f.repository.find(id(ADA)).orElseThrow();
    assertThat(s.suppressionReason()).isEqualTo("bounce");
    assertThat(s.suppressedAt()).isEqualTo(suppressedAt);
    assertThat(f.repository.events(id(ADA))).extracting(ConsentEvent::type)
        .endsWith(ConsentEvent.Type.BOUNCE, ConsentEvent.Type.COMPLAINT);
  }

  @Test
  void record_whenARecipientIsUnreadable_stillHandlesTheOthers() {
    f.feedback.record(new MailFeedback(MailFeedback.Kind.HARD_BOUNCE, "fb-9", BOUNCED_AT,
        List.of("not an address", "ok@example.org"), "detail"));

    assertThat(f.repository.find(id("ok@example.org"))).isPresent();
  }

  @Test
  void record_logsEachOutcomeByIdsOnly() {
    confirmed(ADA);
    try (StdoutCapture out = StdoutCapture.start()) {
      f.feedback.record(feedback(MailFeedback.Kind.SOFT_BOUNCE, "fb-10", ADA));
      f.feedback.record(feedback(MailFeedback.Kind.HARD_BOUNCE, "fb-11", ADA));
      f.feedback.record(feedback(MailFeedback.Kind.HARD_BOUNCE, "fb-11", ADA));
      f.feedback.record(feedback(MailFeedback.Kind.SOFT_BOUNCE, "fb-12", "stranger@example.org"));
      f.feedback.record(feedback(MailFeedback.Kind.COMPLAINT, "fb-13", "not an address"));

      assertThat(out.json()).filteredOn(line -> line.path("event").asText()
              .startsWith("mail-feedback."))
          .extracting(line -> line.path("event").asText() + " "
              + line.path("outcome").asText("-") + " " + line.path("feedbackId").asText()
              + " " + line.path("subscriberId").asText("-"))
          .containsExactly(
              "mail-feedback.soft_bounce confirmed fb-10 " + id(ADA),
              "mail-feedback.hard_bounce suppressed fb-11 " + id(ADA),
              "mail-feedback.hard_bounce duplicate fb-11 " + id(ADA),
              "mail-feedback.soft_bounce not-a-subscriber fb-12 " + id("stranger@example.org"),
              "mail-feedback.unreadable-recipient - fb-13 -");
      assertThat(out.lines()).noneMatch(line -> line.contains("example.org"));
    }
  }

  private void confirmed(String address) {
    f.subscribe(address);
    f.confirm(f.lastConfirmationToken());
  }

  private static MailFeedback feedback(MailFeedback.Kind kind, String id, String address) {
    return new MailFeedback(kind, id, BOUNCED_AT, List.of(address), "detail");
  }
}
