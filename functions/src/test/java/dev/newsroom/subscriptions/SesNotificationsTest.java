package dev.newsroom.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SesNotificationsTest {

  @Test
  void parse_whenEventPublishingHardBounce_isAHardBounceForItsRecipients() {
    MailFeedback feedback = SesNotifications.parse("""
        {"eventType":"Bounce","bounce":{"feedbackId":"fb-1","bounceType":"Permanent",
         "bounceSubType":"NoEmail","timestamp":"2026-01-05T09:05:00.104Z",
         "bouncedRecipients":[{"emailAddress":"a@example.org"},
                              {"emailAddress":"\\"B\\" <b@example.org>"}]},
         "mail":{"messageId":"m-1","destination":["a@example.org","b@example.org"]}}
        """).orElseThrow();

    assertThat(feedback.kind()).isEqualTo(MailFeedback.Kind.HARD_BOUNCE);
    assertThat(feedback.feedbackId()).isEqualTo("fb-1");
    assertThat(feedback.at()).isEqualTo(Instant.parse("2026-01-05T09:05:00.104Z"));
    assertThat(feedback.recipients()).containsExactly("a@example.org", "b@example.org");
    assertThat(feedback.detail()).isEqualTo("Permanent/NoEmail");
  }

  @Test
  void parse_whenIdentityNotificationSoftBounce_isASoftBounce() {
    MailFeedback feedback = SesNotifications.parse("""
        {"notificationType":"Bounce","bounce":{"feedbackId":"fb-2","bounceType":"Transient",
         "bounceSubType":"MailboxFull","bouncedRecipients":[{"emailAddress":"a@example.org"}]},
         "mail":{"messageId":"m-2"}}
        """).orElseThrow();

    assertThat(feedback.kind()).isEqualTo(MailFeedback.Kind.SOFT_BOUNCE);
    assertThat(feedback.at()).isNull();
  }

  @Test
  void parse_whenComplaint_isAComplaintUnlessItSaysNotSpam() {
    assertThat(SesNotifications.parse("""
        {"eventType":"Complaint","complaint":{"feedbackId":"fb-3",
         "complainedRecipients":[{"emailAddress":"a@example.org"}],
         "complaintFeedbackType":"abuse"},"mail":{"messageId":"m-3"}}
        """)).hasValueSatisfying(f -> {
          assertThat(f.kind()).isEqualTo(MailFeedback.Kind.COMPLAINT);
          assertThat(f.detail()).isEqualTo("abuse");
        });
    assertThat(SesNotifications.parse("""
        {"eventType":"Complaint","complaint":{"feedbackId":"fb-4",
         "complainedRecipients":[{"emailAddress":"a@example.org"}],
         "complaintFeedbackType":"not-spam"},"mail":{"messageId":"m-4"}}
        """)).isEmpty();
  }

  @Test
  void parse_whenNotABounceOrComplaintOrNotJson_isEmpty() {
    assertThat(SesNotifications.parse("{\"eventType\":\"Delivery\",\"mail\":{}}")).isEmpty();
    assertThat(SesNotifications.parse("{\"eventType\":\"Bounce\",\"bounce\":{}}")).isEmpty();
    assertThat(SesNotifications.parse("not json")).isEmpty();
    assertThat(SesNotifications.parse("[1,2]")).isEmpty();
    assertThat(SesNotifications.parse("")).isEmpty();
  }
}
