package dev.newsroom.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.InMemoryEditorKeyRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The campaign sample events in events/ (also for `sam local invoke -e`), replayed in the order
 * of events/index.json against the handlers with in-memory ports.
 */
class CampaignSampleEventsTest {

  private static final ObjectMapper EVENTS = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Pipeline p = new Pipeline();
  private final EditorKeyService keys =
      new EditorKeyService(new InMemoryEditorKeyRepository(), p.clock);
  private String key;
  private String id = "c-samplecampaign";

  @Test
  void sampleEvents_whenReplayedInOrder_answerAsTheReplayPlanSays() throws Exception {
    key = keys.mint("sample").plaintext();
    p.articles.publish("hello-newsroom", p.clock.now().minusSeconds(60));

    var created = http(new CreateCampaignHandler(p.service, keys), "create-campaign.json");
    assertThat(created.getStatusCode()).isEqualTo(201);
    id = EVENTS.readTree(created.getBody()).get("id").asText();

    assertThat(http(new GetCampaignHandler(p.service, keys), "get-campaign.json")
        .getStatusCode()).isEqualTo(200);
    assertThat(http(new PreviewCampaignHandler(p.service, keys), "preview-campaign.json")
        .getBody()).contains("\"html\"", "\"text\"");
    assertThat(http(new TestSendCampaignHandler(p.service, keys), "test-send-campaign.json")
        .getBody()).contains("\"outcome\":\"sent\"");
    var start = http(new StartCampaignHandler(p.service, keys), "start-campaign.json");
    assertThat(start.getStatusCode()).isEqualTo(400);
    assertThat(start.getBody()).contains("audience");
    assertThat(http(new PauseCampaignHandler(p.service, keys), "pause-campaign.json")
        .getStatusCode()).isEqualTo(409);
    assertThat(http(new ResumeCampaignHandler(p.service, keys), "resume-campaign.json")
        .getStatusCode()).isEqualTo(409);
    assertThat(http(new ListCampaignRecipientsHandler(p.service, keys),
        "list-campaign-recipients.json").getStatusCode()).isEqualTo(200);
    assertThat(http(new CancelCampaignHandler(p.service, keys), "cancel-campaign.json")
        .getBody()).contains("\"state\":\"cancelled\"");

    assertThat(new CampaignJobsHandler(p.work).handleRequest(sqs("campaign-jobs.json"), null)
        .getBatchItemFailures()).isEmpty();
    assertThat(new CampaignSenderHandler(p.sender)
        .handleRequest(sqs("campaign-sender.json"), null).getBatchItemFailures()).isEmpty();
    new CampaignFeedbackHandler(new CampaignFeedback(p.repository))
        .handleRequest(sns("campaign-feedback.json"), null);

    assertThat(p.receivedByAddress("newsletter")).isEmpty();
    assertThat(p.receivedByAddress("newsletter-test")).containsOnlyKeys("editor@example.com");
  }

  @Test
  void createCampaign_whenBodyIsBad_answers4xxAndCreatesNothing() throws Exception {
    key = keys.mint("sample").plaintext();
    p.articles.publish("hello-newsroom", p.clock.now().minusSeconds(60));
    CreateCampaignHandler create = new CreateCampaignHandler(p.service, keys);

    for (String body : List.of("{\"article\":\"unknown\"}", "{\"article\":\"hello-newsroom\","
        + "\"subject\":\"a\\r\\nBcc: x@example.com\"}", "{\"digest\":{\"from\":\"yesterday\"}}",
        "{\"article\":\"hello-newsroom\",\"audience\":[\"Not A Tag\"]}", "{\"nope\":1}", "[]")) {
      APIGatewayV2HTTPEvent event = event("create-campaign.json");
      event.setBody(body);
      assertThat(create.handleRequest(event, null).getStatusCode()).as(body).isEqualTo(400);
    }
  }

  private APIGatewayV2HTTPResponse http(
      com.amazonaws.services.lambda.runtime.RequestHandler<APIGatewayV2HTTPEvent,
          APIGatewayV2HTTPResponse> handler, String file) throws Exception {
    return handler.handleRequest(event(file), null);
  }

  private String text(String file) throws Exception {
    return Files.readString(Path.of("..", "events").resolve(file))
        .replace("${EDITOR_KEY}", key == null ? "" : key).replace("c-samplecampaign", id);
  }

  private APIGatewayV2HTTPEvent event(String file) throws Exception {
    return EVENTS.readValue(text(file), APIGatewayV2HTTPEvent.class);
  }

  private SQSEvent sqs(String file) throws Exception {
    JsonNode record = EVENTS.readTree(text(file)).get("Records").get(0);
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId(record.get("messageId").asText());
    message.setBody(record.get("body").asText());
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(message));
    return event;
  }

  private SNSEvent sns(String file) throws Exception {
    JsonNode record = EVENTS.readTree(text(file)).get("Records").get(0).get("Sns");
    SNSEvent.SNS sns = new SNSEvent.SNS();
    sns.setMessageId(record.get("MessageId").asText());
    sns.setMessage(record.get("Message").asText());
    SNSEvent.SNSRecord snsRecord = new SNSEvent.SNSRecord();
    snsRecord.setSns(sns);
    SNSEvent event = new SNSEvent();
    event.setRecords(List.of(snsRecord));
    return event;
  }
}
