package dev.newsroom.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.web.ClientAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sample events in events/ (also for {@code sam local invoke -e}) against the handlers. Their
 * tokens are well-formed stand-ins, answered 404 as they are; with the stand-ins swapped for the
 * tokens this run mailed, the same files walk the whole flow.
 */
class SubscriptionSampleEventsTest {

  private static final ObjectMapper EVENTS = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final String CONFIRM_STAND_IN = "SampleConfirmationTokenFromTheEmail00000000";
  private static final String SIGNED_STAND_IN = "4tWOeb86mpwvdzloOK-6ywt9bQp_tDYbPD7wWsGhSGU"
      + ".0.SampleSignatureAAAAAAA";
  private static final String SIGNED_24H_STAND_IN = "4tWOeb86mpwvdzloOK-6ywt9bQp_tDYbPD7wWsGhSGU"
      + ".1767690000.SampleSignatureAAAAAAA";
  private static final String READER = "reader@example.org";

  private final SubscriptionFixture f = new SubscriptionFixture();
  private final SubscribeHandler subscribe =
      new SubscribeHandler(f.subscriptions, f.site, ClientAddress.direct());
  private final ConfirmSubscriptionHandler confirm =
      new ConfirmSubscriptionHandler(f.subscriptions, f.site, ClientAddress.direct());
  private final UnsubscribeHandler unsubscribe =
      new UnsubscribeHandler(f.subscriptions, f.site, ClientAddress.direct());
  private final RequestSubscriberDataHandler request =
      new RequestSubscriberDataHandler(f.data, f.site, ClientAddress.direct());
  private final ExportSubscriberDataHandler export =
      new ExportSubscriberDataHandler(f.data, f.site);
  private final EraseSubscriberDataHandler erase = new EraseSubscriberDataHandler(f.data, f.site);
  private final MailFeedbackHandler feedback = new MailFeedbackHandler(f.feedback);

  SubscriptionSampleEventsTest() {
    f.clock.advance(java.time.Duration.between(f.clock.now(),
        Instant.parse("2026-01-05T09:00:00Z")));
  }

  @Test
  void standInId_isTheIdOfTheSampleAddress() {
    assertThat(SIGNED_STAND_IN).startsWith(SubscriptionFixture.id(READER) + ".");
  }

  @Test
  void sampleEvents_asTheyAre_answerAsEventsIndexSays() throws Exception {
    assertThat(subscribe.handleRequest(http("subscribe.json"), null).getStatusCode())
        .isEqualTo(202);
    assertThat(subscribe.handleRequest(http("subscribe-form.json"), null).getStatusCode())
        .isEqualTo(303);
    for (var pair : List.of(
        List.of("confirm-subscription-page.json", confirm),
        List.of("confirm-subscription.json", confirm),
        List.of("unsubscribe-page.json", unsubscribe),
        List.of("unsubscribe-one-click.json", unsubscribe),
        List.of("export-subscriber-data.json", export),
        List.of("erase-subscriber-data.json", erase))) {
      APIGatewayV2HTTPEvent event = http((String) pair.get(0));
      APIGatewayV2HTTPResponse response = ((dev.newsroom.web.HttpHandler) pair.get(1))
          .handleRequest(event, null);
      assertThat(response.getStatusCode()).as((String) pair.get(0)).isEqualTo(404);
      // a browser's link or form gets a page; a mail client's one-click POST the JSON error
      boolean browser = event.getHeaders().get("accept").contains("text/html");
      assertThat(response.getHeaders().get("Content-Type"))
          .startsWith(browser ? "text/html" : "application/json");
    }
    assertThat(request.handleRequest(http("request-subscriber-data.json"), null).getStatusCode())
        .isEqualTo(202);
  }

  @Test
  void sampleEvents_withTheMailedTokens_walkTheWholeFlow() throws Exception {
    // signup, then the confirmation link: a page first, then the button's POST
    assertThat(subscribe.handleRequest(http("subscribe.json"), null).getStatusCode())
        .isEqualTo(202);
    String token = f.lastConfirmationToken();
    APIGatewayV2HTTPResponse page = confirm.handleRequest(
        http("confirm-subscription-page.json", CONFIRM_STAND_IN, token), null);
    assertThat(page.getStatusCode()).isEqualTo(200);
    assertThat(page.getBody()).contains("name=\"token\" value=\"" + token + "\"");
    APIGatewayV2HTTPResponse confirmed = confirm.handleRequest(
        http("confirm-subscription.json", CONFIRM_STAND_IN, token), null);
    assertThat(confirmed.getStatusCode()).isEqualTo(303);
    assertThat(confirmed.getHeaders()).containsEntry("Location", "/subscribe/confirmed/");

    // the one-click unsubscribe a mail client makes
    String signed = f.signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, f.id(READER), null);
    assertThat(unsubscribe.handleRequest(http("unsubscribe-page.json", SIGNED_STAND_IN, signed),
        null).getStatusCode()).isEqualTo(200);
    APIGatewayV2HTTPResponse oneClick = unsubscribe.handleRequest(
        http("unsubscribe-one-click.json", SIGNED_STAND_IN, signed), null);
    assertThat(oneClick.getStatusCode()).isEqualTo(200);
    assertThat(f.repository.find(f.id(READER)).orElseThrow().status())
        .isEqualTo(SubscriberStatus.UNSUBSCRIBED);

    // a new signup, by the plain form, needs a new opt-in
    assertThat(subscribe.handleRequest(http("subscribe-form.json"), null).getStatusCode())
        .isEqualTo(303);
    assertThat(f.count(SubscriptionEmails.CONFIRMATION)).isEqualTo(2);

    // data request, export
    assertThat(request.handleRequest(http("request-subscriber-data.json"), null).getStatusCode())
        .isEqualTo(202);
    String exportToken = SubscriptionFixture.param(f.lastEmail(SubscriptionEmails.DATA).text(),
        "/api/subscriptions/export");
    APIGatewayV2HTTPResponse exported = export.handleRequest(
        http("export-subscriber-data.json", SIGNED_24H_STAND_IN, exportToken), null);
    assertThat(exported.getStatusCode()).isEqualTo(200);
    assertThat(exported.getBody()).contains("\"email\":\"reader@example.org\"",
        "\"type\":\"unsubscribe\"", "\"detail\":\"one-click\"");

    // SES reports a bounce, then a complaint: suppressed, each logged once
    feedback.handleRequest(sns("ses-bounce.json"), null);
    feedback.handleRequest(sns("ses-complaint.json"), null);
    feedback.handleRequest(sns("ses-complaint.json"), null);
    Subscriber suppressed = f.repository.find(f.id(READER)).orElseThrow();
    assertThat(suppressed.status()).isEqualTo(SubscriberStatus.SUPPRESSED);
    assertThat(suppressed.suppressionReason()).isEqualTo("bounce");
    assertThat(f.repository.events(suppressed.id())).extracting(ConsentEvent::type)
        .containsSubsequence(ConsentEvent.Type.BOUNCE, ConsentEvent.Type.COMPLAINT)
        .filteredOn(t -> t == ConsentEvent.Type.COMPLAINT).hasSize(1);

    // erase: a suppressed tombstone stays, and a new signup mails nothing
    String eraseToken = SubscriptionFixture.param(f.lastEmail(SubscriptionEmails.DATA).text(),
        "/api/subscriptions/erase");
    assertThat(erase.handleRequest(http("erase-subscriber-data.json", SIGNED_24H_STAND_IN,
        eraseToken), null).getStatusCode()).isEqualTo(200);
    int mailed = f.repository.emails().size();
    f.clock.advance(java.time.Duration.ofHours(1));
    assertThat(subscribe.handleRequest(http("subscribe.json"), null).getStatusCode())
        .isEqualTo(202);
    assertThat(f.repository.emails()).hasSize(mailed);
    Subscriber tombstone = f.repository.find(f.id(READER)).orElseThrow();
    assertThat(tombstone.email()).isNull();
    assertThat(tombstone.status()).isEqualTo(SubscriberStatus.SUPPRESSED);
    assertThat(f.repository.events(tombstone.id())).isEmpty();
  }

  private static APIGatewayV2HTTPEvent http(String file) throws Exception {
    return http(file, "", "");
  }

  private static APIGatewayV2HTTPEvent http(String file, String standIn, String token)
      throws Exception {
    String json = read(file);
    if (!standIn.isEmpty()) {
      assertThat(json).as(file).contains(standIn);
      json = json.replace(standIn, token);
    }
    return EVENTS.readValue(json, APIGatewayV2HTTPEvent.class);
  }

  /**
   * The SNS fields the handler reads, taken from the file by hand: SNSEvent's Joda timestamp
   * needs the Lambda runtime's own serializer, which the infra tests use.
   */
  private static SNSEvent sns(String file) throws Exception {
    List<SNSEvent.SNSRecord> records = new java.util.ArrayList<>();
    for (var node : EVENTS.readTree(read(file)).path("Records")) {
      var sns = node.path("Sns");
      records.add(new SNSEvent.SNSRecord().withEventSource(node.path("EventSource").asText())
          .withSns(new SNSEvent.SNS().withMessageId(sns.path("MessageId").asText())
              .withTopicArn(sns.path("TopicArn").asText())
              .withMessage(sns.path("Message").asText())));
    }
    return new SNSEvent().withRecords(records);
  }

  private static String read(String file) throws Exception {
    return Files.readString(Path.of("..", "events").resolve(file));
  }
}
