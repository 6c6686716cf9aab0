package dev.newsroom.infra.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.devserver.LocalSes;
import dev.newsroom.infra.local.LocalCloud;
import dev.newsroom.infra.local.MotoServer;
import dev.newsroom.infra.local.Newsroom;
import dev.newsroom.mail.DynamoDbOutbox;
import dev.newsroom.mail.OutboxSender;
import dev.newsroom.mail.SesMailer;
import dev.newsroom.shared.Clock;
import dev.newsroom.shared.EmailAddress;
import dev.newsroom.shared.Hashing;
import dev.newsroom.shared.UnavailableException;
import dev.newsroom.subscriptions.DynamoDbSuppressionList;
import dev.newsroom.subscriptions.MailFeedbackHandler;
import dev.newsroom.subscriptions.SubscriberIds;
import dev.newsroom.web.ApiEvents;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Newsletter subscriptions end to end on real protocols: the handlers template.yaml names (with
 * their real adapters: DynamoDB Local, the link key from moto's Secrets Manager), the outbox
 * delivered by the real {@link SesMailer} to moto's SES v2 and read back as raw MIME, and SES
 * bounce and complaint notifications published to an SNS topic in moto and taken from the queue
 * subscribed to it, as the deployed function receives them.
 */
@ExtendWith(LocalCloud.class)
class SubscriptionsIT {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final Pattern LINK = Pattern.compile(
      "https://news\\.example\\.org(/api/subscriptions/[a-z-]+)\\?token=([A-Za-z0-9_.-]+)");

  private static MotoServer moto;
  private static SesV2Client ses;
  private static SnsClient sns;
  private static SqsClient sqs;
  private static String topicArn;
  private static String queueUrl;
  private static Newsroom newsroom;
  private static DynamoDbClient dynamoDb;

  @BeforeAll
  static void start() throws Exception {
    moto = MotoServer.start();
    moto.verifyDomain("example.com");
    ses = moto.sesV2();
    ses.createConfigurationSet(r -> r.configurationSetName(Env.require("SES_CONFIGURATION_SET")));
    // SNS and SQS are LocalStack's in CI's second pass; SES stays moto, whose mail is read back.
    sns = SnsClient.builder()
        .endpointOverride(URI.create(LocalCloud.endpoint("SNS").orElse(moto.endpoint())))
        .region(AwsClients.region()).credentialsProvider(AwsClients.credentials())
        .httpClient(AwsClients.httpClient()).build();
    sqs = SqsClient.builder()
        .endpointOverride(URI.create(LocalCloud.endpoint("SQS").orElse(moto.endpoint())))
        .region(AwsClients.region()).credentialsProvider(AwsClients.credentials())
        .httpClient(AwsClients.httpClient()).build();
    topicArn = sns.createTopic(r -> r.name("newsroom-it-mail-events")).topicArn();
    queueUrl = sqs.createQueue(r -> r.queueName("newsroom-it-mail-events")).queueUrl();
    String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
        .get(QueueAttributeName.QUEUE_ARN);
    sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
    newsroom = new Newsroom();
    dynamoDb = AwsClients.dynamoDb();
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable client : new AutoCloseable[] {ses, sns, sqs, moto}) {
      try {
        if (client != null) {
          client.close();
        }
      } catch (Exception e) {
        // closing the others matters more
      }
    }
  }

  @Test
  void signup_storesAPendingSubscriberAndMailsAConfirmationWithBothLinksAndOneClickHeaders()
      throws Exception {
    // given a new address
    String address = address("signup");

    // when it subscribes (JSON, from a page) and the outbox is delivered
    APIGatewayV2HTTPResponse response = subscribe(address, ip(), "/articles/it/");
    List<OutboxSender.Result> sent = deliver(address);

    // then the answer is the same as for any address, and the subscriber is pending
    assertThat(response.getStatusCode()).isEqualTo(202);
    assertThat(response.getBody()).isEqualTo("{\"status\":\"received\"}");
    Map<String, AttributeValue> profile = profile(address);
    assertThat(profile.get("status").s()).isEqualTo("pending");
    assertThat(profile.get("email").s()).isEqualTo(address);
    assertThat(sent).containsExactly(OutboxSender.Result.SENT);
    // and exactly one email reached SES, from the configured sender, with both parts
    LocalSes.Sent mail = single(address);
    assertThat(mail.from()).isEqualTo("Newsroom <news@example.com>");
    assertThat(mail.subject()).isEqualTo("Confirm your subscription to Newsroom");
    assertThat(mail.headers()).containsEntry("List-Unsubscribe-Post",
        "List-Unsubscribe=One-Click");
    String header = mail.headers().get("List-Unsubscribe");
    assertThat(header).matches("<https://news\\.example\\.org/api/subscriptions/unsubscribe"
        + "\\?token=[A-Za-z0-9_-]{43}\\.0\\.[A-Za-z0-9_-]{22}>");
    String confirm = link(mail.text(), "/api/subscriptions/confirm");
    String unsubscribe = link(mail.text(), "/api/subscriptions/unsubscribe");
    assertThat(mail.html()).contains(confirm, unsubscribe.replace("&", "&amp;"));
    assertThat("<" + unsubscribe + ">").isEqualTo(header);
    // and the token is stored only as its SHA-256, expiring in 48 hours by TTL
    String token = token(confirm);
    Map<String, AttributeValue> stored = tokenItem(token);
    assertThat(stored.get("subscriberId").s()).isEqualTo(id(address));
    Instant created = Instant.parse(stored.get("createdAt").s());
    assertThat(Long.parseLong(stored.get("expiresAt").n()))
        .isEqualTo(created.plus(Duration.ofHours(48)).getEpochSecond());
    assertThat(dynamoDb.describeTimeToLive(r -> r.tableName(table()))
        .timeToLiveDescription().attributeName()).isEqualTo("expiresAt");
    assertThat(String.valueOf(scanSubscribers())).contains(Hashing.sha256Hex(token))
        .doesNotContain(token);
    // and both links work: the confirmation page offers its button, unsubscribe its own
    assertThat(get("ConfirmSubscriptionFunction", confirm).getBody())
        .contains("Confirm my subscription");
    assertThat(get("UnsubscribeFunction", unsubscribe).getBody())
        .contains("Unsubscribe from the newsletter?");
  }

  @Test
  void confirm_getChangesNothing_postConfirmsOnceEvenWhenClickedFourTimesAtOnce()
      throws Exception {
    // given a pending subscriber and the confirmation link mailed to it
    String address = address("confirm");
    subscribe(address, ip(), "/");
    deliver(address);
    String confirm = link(single(address).text(), "/api/subscriptions/confirm");

    // when the link is opened (a mail scanner does this too)
    APIGatewayV2HTTPResponse page = get("ConfirmSubscriptionFunction", confirm);

    // then it is only a page
    assertThat(page.getStatusCode()).isEqualTo(200);
    assertThat(page.getHeaders()).containsEntry("Cache-Control", "no-store");
    assertThat(profile(address).get("status").s()).isEqualTo("pending");

    // when its button is pressed four times at once
    List<APIGatewayV2HTTPResponse> answers = concurrently(4,
        () -> post("ConfirmSubscriptionFunction", "/api/subscriptions/confirm",
            "token=" + token(confirm), ip()));
    deliver(address);

    // then every press lands on the confirmed page, and one welcome email is sent
    assertThat(answers).allSatisfy(r -> {
      assertThat(r.getStatusCode()).isEqualTo(303);
      assertThat(r.getHeaders()).containsEntry("Location", "/subscribe/confirmed/");
    });
    assertThat(profile(address).get("status").s()).isEqualTo("confirmed");
    List<LocalSes.Sent> welcome = mails(address).stream()
        .filter(m -> m.subject().equals("Welcome to the Newsroom newsletter")).toList();
    assertThat(welcome).singleElement().satisfies(m -> {
      assertThat(m.headers()).containsKeys("List-Unsubscribe", "List-Unsubscribe-Post");
      assertThat(m.text()).contains(link(m.text(), "/api/subscriptions/unsubscribe"));
    });
    assertThat(consentLog(address)).extracting(e -> e.get("type").s())
        .containsExactly("signup", "confirm");
  }

  @Test
  void oneClickUnsubscribe_postsToTheHeadersUrl_withoutCookieOrPage() throws Exception {
    // given a confirmed subscriber and the List-Unsubscribe header of the welcome email
    String address = address("oneclick");
    confirmed(address);
    String header = last(address).headers().get("List-Unsubscribe");
    String url = header.substring(1, header.length() - 1);

    // when a mail client makes the RFC 8058 POST to it
    APIGatewayV2HTTPEvent event = event("POST", url);
    event.getHeaders().put("content-type", FORM);
    event.setBody("List-Unsubscribe=One-Click");
    APIGatewayV2HTTPResponse response = newsroom.invoke("UnsubscribeFunction", event);

    // then it is unsubscribed, and the log says how
    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(profile(address).get("status").s()).isEqualTo("unsubscribed");
    assertThat(consentLog(address)).extracting(e -> e.get("type").s())
        .containsExactly("signup", "confirm", "unsubscribe");
    assertThat(consentLog(address).get(2).get("detail").s()).isEqualTo("one-click");
    // and doing it again changes nothing
    assertThat(newsroom.invoke("UnsubscribeFunction", event).getStatusCode()).isEqualTo(200);
    assertThat(consentLog(address)).hasSize(3);
  }

  @Test
  void resubscribe_afterUnsubscribing_needsANewConfirmationAndTheOldLinkIsVoid()
      throws Exception {
    // given a subscriber who confirmed, then unsubscribed from the page
    String address = address("again");
    String oldConfirm = confirmed(address);
    String unsubscribe = link(last(address).text(), "/api/subscriptions/unsubscribe");
    assertThat(post("UnsubscribeFunction", "/api/subscriptions/unsubscribe",
        "token=" + token(unsubscribe), ip()).getStatusCode()).isEqualTo(303);

    // when the address subscribes again
    subscribe(address, ip(), "/");
    deliver(address);

    // then it is pending again with a new confirmation email, and nothing else was sent
    assertThat(profile(address).get("status").s()).isEqualTo("pending");
    List<String> subjects = mails(address).stream().map(LocalSes.Sent::subject).toList();
    assertThat(subjects).containsExactly("Confirm your subscription to Newsroom",
        "Welcome to the Newsroom newsletter", "Confirm your subscription to Newsroom");
    String newConfirm = link(last(address).text(), "/api/subscriptions/confirm");
    assertThat(newConfirm).isNotEqualTo(oldConfirm);
    // and the first email's link no longer confirms anything
    assertThat(post("ConfirmSubscriptionFunction", "/api/subscriptions/confirm",
        "token=" + token(oldConfirm), ip()).getStatusCode()).isEqualTo(404);
    assertThat(profile(address).get("status").s()).isEqualTo("pending");
  }

  @Test
  void bounce_publishedBySesThroughSns_suppressesTheAddressAndNothingMoreIsSent()
      throws Exception {
    // given a confirmed subscriber, and a data request email queued but not yet sent
    String address = address("bounce");
    confirmed(address);
    assertThat(post("RequestSubscriberDataFunction", "/api/subscriptions/data-requests",
        "email=" + address.replace("@", "%40"), ip()).getStatusCode()).isEqualTo(303);
    int before = mails(address).size();

    // when SES reports a hard bounce on the configuration set's topic
    publish(bounce(address, "Permanent", "fb-" + random()));

    // then the address is suppressed, and logged
    Map<String, AttributeValue> profile = profile(address);
    assertThat(profile.get("status").s()).isEqualTo("suppressed");
    assertThat(profile.get("suppressionReason").s()).isEqualTo("bounce");
    assertThat(consentLog(address)).extracting(e -> e.get("type").s()).endsWith("bounce");
    // and the queued email is dropped at sending time
    assertThat(deliver(address)).containsExactly(OutboxSender.Result.SUPPRESSED);
    // and a new signup, a data request, and a complaint later send nothing either
    assertThat(subscribe(address, ip(), "/").getStatusCode()).isEqualTo(202);
    assertThat(post("RequestSubscriberDataFunction", "/api/subscriptions/data-requests",
        "email=" + address.replace("@", "%40"), ip()).getStatusCode()).isEqualTo(303);
    publish(complaint(address, "fb-" + random()));
    assertThat(deliver(address)).isEmpty();
    assertThat(mails(address)).hasSize(before);
    assertThat(consentLog(address)).extracting(e -> e.get("type").s())
        .endsWith("bounce", "complaint");
  }

  @Test
  void softBounce_isLoggedAndTheSubscriptionStays() throws Exception {
    String address = address("soft");
    confirmed(address);

    publish(bounce(address, "Transient", "fb-" + random()));

    assertThat(profile(address).get("status").s()).isEqualTo("confirmed");
    assertThat(consentLog(address).get(2).get("detail").s()).isEqualTo("Transient/General");
  }

  @Test
  void exportAndErase_throughSignedLinksSentToTheAddress() throws Exception {
    // given a confirmed subscriber who asks for their data
    String address = address("data");
    confirmed(address);
    assertThat(post("RequestSubscriberDataFunction", "/api/subscriptions/data-requests",
        "email=" + address.replace("@", "%40") + "&website=", ip()).getStatusCode())
        .isEqualTo(303);
    deliver(address);
    LocalSes.Sent mail = last(address);
    assertThat(mail.subject()).isEqualTo("Your newsletter data at Newsroom");
    String export = link(mail.text(), "/api/subscriptions/export");
    String erase = link(mail.text(), "/api/subscriptions/erase");

    // when the export link's button is pressed
    APIGatewayV2HTTPResponse exported = post("ExportSubscriberDataFunction",
        "/api/subscriptions/export", "token=" + token(export), ip());

    // then the download holds the subscription and the whole consent log
    assertThat(exported.getStatusCode()).isEqualTo(200);
    assertThat(exported.getHeaders().get("Content-Disposition")).startsWith("attachment");
    JsonNode json = JSON.readTree(exported.getBody());
    assertThat(json.at("/subscription/email").asText()).isEqualTo(address);
    assertThat(json.at("/subscription/status").asText()).isEqualTo("confirmed");
    assertThat(json.path("consentLog")).extracting(e -> e.path("type").asText())
        .containsExactly("signup", "confirm", "data-request");
    assertThat(json.at("/consentLog/0/consentWording").asText())
        .startsWith("Subscribe to our newsletter");

    // when the erase link's button is pressed
    APIGatewayV2HTTPResponse erased = post("EraseSubscriberDataFunction",
        "/api/subscriptions/erase", "token=" + token(erase), ip());

    // then only a tombstone keyed by the address's hash is left, with nothing personal on it
    assertThat(erased.getStatusCode()).isEqualTo(200);
    Map<String, AttributeValue> tombstone = profile(address);
    assertThat(tombstone.get("status").s()).isEqualTo("erased");
    assertThat(tombstone).doesNotContainKeys("email", "name", "page", "signupId");
    assertThat(String.valueOf(tombstone)).contains(id(address)).doesNotContain(address);
    assertThat(consentLog(address)).isEmpty();
    // and the export link now shows just that, and a new signup starts from scratch
    JsonNode after = JSON.readTree(post("ExportSubscriberDataFunction",
        "/api/subscriptions/export", "token=" + token(export), ip()).getBody());
    assertThat(after.at("/subscription/status").asText()).isEqualTo("erased");
    assertThat(after.path("consentLog")).isEmpty();
    subscribe(address, ip(), "/");
    assertThat(profile(address).get("status").s()).isEqualTo("pending");
  }

  @Test
  void erase_ofABouncedAddress_keepsTheSuppression() throws Exception {
    String address = address("erase-bounced");
    confirmed(address);
    post("RequestSubscriberDataFunction", "/api/subscriptions/data-requests",
        "email=" + address.replace("@", "%40"), ip());
    deliver(address);
    String erase = link(last(address).text(), "/api/subscriptions/erase");
    publish(bounce(address, "Permanent", "fb-" + random()));

    post("EraseSubscriberDataFunction", "/api/subscriptions/erase", "token=" + token(erase), ip());
    subscribe(address, ip(), "/");

    Map<String, AttributeValue> tombstone = profile(address);
    assertThat(tombstone.get("status").s()).isEqualTo("suppressed");
    assertThat(tombstone).doesNotContainKey("email");
    assertThat(deliver(address)).isEmpty();
  }

  @Test
  void signup_whenSesIsDown_isStoredAndTheConfirmationIsSentLaterExactlyOnce() throws Exception {
    // given a signup, and an SES endpoint where nothing listens
    String address = address("outage");
    subscribe(address, ip(), "/");
    String outboxId = pendingOutboxIds(address).get(0);
    try (SesV2Client down = sesAt("http://127.0.0.1:" + MotoServer.freePort())) {
      assertThatThrownBy(() -> sender(down).process(outboxId))
          .isInstanceOf(UnavailableException.class);
    }

    // then nothing is lost
    assertThat(profile(address).get("status").s()).isEqualTo("pending");
    assertThat(pendingOutboxIds(address)).containsExactly(outboxId);
    assertThat(mails(address)).isEmpty();

    // and the stream's retry sends it once; a replay sends nothing
    assertThat(sender(ses).process(outboxId)).isEqualTo(OutboxSender.Result.SENT);
    assertThat(sender(ses).process(outboxId)).isEqualTo(OutboxSender.Result.SKIPPED);
    assertThat(mails(address)).hasSize(1);
  }

  @Test
  void signup_whenSentFourTimesAtOnceOrRepeated_queuesOneConfirmation() throws Exception {
    String address = address("burst");

    List<APIGatewayV2HTTPResponse> answers = concurrently(4, () -> subscribe(address, ip(), "/"));
    subscribe(address, ip(), "/");

    assertThat(answers).allSatisfy(r -> assertThat(r.getStatusCode()).isIn(202, 503));
    assertThat(answers).anySatisfy(r -> assertThat(r.getStatusCode()).isEqualTo(202));
    assertThat(pendingOutboxIds(address)).hasSize(1);
    assertThat(consentLog(address)).hasSize(1);
  }

  @Test
  void signup_overTheLimit_answers429WithRetryAfterForJsonAndFormAlike() {
    String ip = ip();
    for (int i = 0; i < 10; i++) {
      assertThat(subscribe(address("limit" + i), ip, "/").getStatusCode()).isEqualTo(202);
    }

    APIGatewayV2HTTPResponse json = subscribe(address("limit-json"), ip, "/");
    APIGatewayV2HTTPResponse form = post("SubscribeFunction", "/api/subscriptions",
        "email=" + address("limit-form").replace("@", "%40"), ip);

    for (APIGatewayV2HTTPResponse r : List.of(json, form)) {
      assertThat(r.getStatusCode()).isEqualTo(429);
      assertThat(Long.parseLong(r.getHeaders().get("Retry-After"))).isBetween(1L, 3600L);
    }
  }

  // ---------------------------------------------------------------- helpers

  /** Signs up, confirms through the mailed link and delivers the welcome; the confirm link. */
  private static String confirmed(String address) throws Exception {
    subscribe(address, ip(), "/");
    deliver(address);
    String confirm = link(single(address).text(), "/api/subscriptions/confirm");
    assertThat(post("ConfirmSubscriptionFunction", "/api/subscriptions/confirm",
        "token=" + token(confirm), ip()).getStatusCode()).isEqualTo(303);
    deliver(address);
    return confirm;
  }

  private static APIGatewayV2HTTPResponse subscribe(String address, String ip, String page) {
    APIGatewayV2HTTPEvent event = ApiEvents.request("POST", "/api/subscriptions")
        .json("{\"email\":\"" + address + "\",\"page\":\"" + page + "\",\"website\":\"\"}")
        .header("user-agent", "SubscriptionsIT/1.0").build();
    event.getRequestContext().getHttp().setSourceIp(ip);
    return newsroom.invoke("SubscribeFunction", event);
  }

  private static APIGatewayV2HTTPResponse post(String function, String path, String form,
      String ip) {
    APIGatewayV2HTTPEvent event = ApiEvents.request("POST", path).header("content-type", FORM)
        .header("user-agent", "SubscriptionsIT/1.0").body(form).build();
    event.getRequestContext().getHttp().setSourceIp(ip);
    return newsroom.invoke(function, event);
  }

  private static APIGatewayV2HTTPResponse get(String function, String url) {
    return newsroom.invoke(function, event("GET", url));
  }

  /** The event API Gateway builds for a link of the mail, opened or posted to. */
  private static APIGatewayV2HTTPEvent event(String method, String url) {
    URI uri = URI.create(url);
    APIGatewayV2HTTPEvent event = ApiEvents.request(method, uri.getPath())
        .query("token", token(url)).header("user-agent", "SubscriptionsIT/1.0").build();
    event.setHeaders(new java.util.HashMap<>(event.getHeaders()));
    event.getRequestContext().getHttp().setSourceIp(ip());
    return event;
  }

  /** Plays the outbox stream: sends every pending email to {@code address}, oldest first. */
  private static List<OutboxSender.Result> deliver(String address) {
    List<OutboxSender.Result> results = new ArrayList<>();
    for (String id : pendingOutboxIds(address)) {
      results.add(sender(ses).process(id));
    }
    return results;
  }

  private static List<String> pendingOutboxIds(String address) {
    return dynamoDb.scan(r -> r.tableName(Env.require("OUTBOX_TABLE")).consistentRead(true)
            .filterExpression("#to = :to AND #st = :pending")
            .expressionAttributeNames(Map.of("#to", "to", "#st", "status"))
            .expressionAttributeValues(Map.of(":to", AttributeValue.fromS(address),
                ":pending", AttributeValue.fromS("pending")))).items().stream()
        .sorted(java.util.Comparator.comparing(i -> i.get("createdAt").s()))
        .map(i -> i.get("id").s()).toList();
  }

  private static OutboxSender sender(SesV2Client client) {
    return new OutboxSender(new DynamoDbOutbox(dynamoDb, Env.require("OUTBOX_TABLE")),
        new SesMailer(client, Env.require("MAIL_FROM"), Env.require("SES_CONFIGURATION_SET")),
        new DynamoDbSuppressionList(dynamoDb, table()), Clock.system());
  }

  private static SesV2Client sesAt(String endpoint) {
    return SesV2Client.builder().endpointOverride(URI.create(endpoint))
        .region(AwsClients.region()).credentialsProvider(AwsClients.credentials())
        .httpClient(AwsClients.httpClient()).build();
  }

  /**
   * Publishes an SES event to the topic as SES does, takes the SNS envelope from the queue
   * subscribed to it, and hands it to the function as Lambda's SNS trigger would.
   */
  private static void publish(ObjectNode sesEvent) throws Exception {
    sns.publish(r -> r.topicArn(topicArn).message(sesEvent.toString()));
    List<Message> messages = List.of();
    for (int i = 0; i < 20 && messages.isEmpty(); i++) {
      messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
          .waitTimeSeconds(1)).messages();
    }
    assertThat(messages).as("the topic delivered to its queue").hasSize(1);
    Message delivered = messages.get(0);
    JsonNode envelope = JSON.readTree(delivered.body());
    sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(delivered.receiptHandle()));
    ObjectNode record = JSON.createObjectNode();
    record.put("EventSource", "aws:sns").put("EventVersion", "1.0")
        .put("EventSubscriptionArn", topicArn + ":it");
    ObjectNode snsPart = record.putObject("Sns");
    for (String field : List.of("Type", "MessageId", "TopicArn", "Subject", "Message",
        "Timestamp", "SignatureVersion", "Signature")) {
      snsPart.set(field, envelope.path(field));
    }
    snsPart.set("SigningCertUrl", envelope.path("SigningCertURL"));
    snsPart.set("UnsubscribeUrl", envelope.path("UnsubscribeURL"));
    snsPart.putObject("MessageAttributes");
    ObjectNode event = JSON.createObjectNode();
    event.putArray("Records").add(record);
    SNSEvent snsEvent = LambdaEventSerializers.serializerFor(SNSEvent.class,
        SubscriptionsIT.class.getClassLoader()).fromJson(event.toString());
    assertThat(snsEvent.getRecords().get(0).getSNS().getTopicArn()).isEqualTo(topicArn);
    new MailFeedbackHandler().handleRequest(snsEvent, null);
  }

  private static ObjectNode bounce(String address, String type, String feedbackId) {
    ObjectNode event = sesEvent("Bounce", address);
    ObjectNode bounce = event.putObject("bounce");
    bounce.put("feedbackId", feedbackId).put("bounceType", type).put("bounceSubType", "General")
        .put("timestamp", Instant.now().toString());
    bounce.putArray("bouncedRecipients").addObject().put("emailAddress", address)
        .put("status", "5.1.1").put("diagnosticCode", "smtp; 550 5.1.1 user unknown");
    return event;
  }

  private static ObjectNode complaint(String address, String feedbackId) {
    ObjectNode event = sesEvent("Complaint", address);
    ObjectNode complaint = event.putObject("complaint");
    complaint.put("feedbackId", feedbackId).put("complaintFeedbackType", "abuse")
        .put("timestamp", Instant.now().toString());
    complaint.putArray("complainedRecipients").addObject().put("emailAddress", address);
    return event;
  }

  private static ObjectNode sesEvent(String type, String address) {
    ObjectNode event = JSON.createObjectNode();
    event.put("eventType", type);
    ObjectNode mail = event.putObject("mail");
    mail.put("timestamp", Instant.now().toString()).put("source", "news@example.com")
        .put("messageId", "it-" + random());
    mail.putArray("destination").add(address);
    mail.putObject("tags").putArray("ses:configuration-set")
        .add(Env.require("SES_CONFIGURATION_SET"));
    return event;
  }

  private static List<LocalSes.Sent> mails(String address) {
    return moto.rawEmails().stream().filter(m -> m.to().contains(address)).toList();
  }

  private static LocalSes.Sent single(String address) {
    List<LocalSes.Sent> mails = mails(address);
    assertThat(mails).as("emails to %s", address).hasSize(1);
    return mails.get(0);
  }

  private static LocalSes.Sent last(String address) {
    List<LocalSes.Sent> mails = mails(address);
    assertThat(mails).as("emails to %s", address).isNotEmpty();
    return mails.get(mails.size() - 1);
  }

  private static String link(String text, String path) {
    Matcher m = LINK.matcher(text);
    while (m.find()) {
      if (m.group(1).equals(path)) {
        return m.group();
      }
    }
    throw new AssertionError("no link to " + path + " in:\n" + text);
  }

  private static String token(String url) {
    String query = URI.create(url).getRawQuery();
    return URLDecoder.decode(query.substring("token=".length()), StandardCharsets.UTF_8);
  }

  private static Map<String, AttributeValue> profile(String address) {
    return dynamoDb.getItem(r -> r.tableName(table()).consistentRead(true).key(Map.of(
        "pk", AttributeValue.fromS("sub#" + id(address)), "sk", AttributeValue.fromS("profile"))))
        .item();
  }

  private static Map<String, AttributeValue> tokenItem(String token) {
    return dynamoDb.getItem(r -> r.tableName(table()).consistentRead(true).key(Map.of(
        "pk", AttributeValue.fromS("token#" + Hashing.sha256Hex(token)),
        "sk", AttributeValue.fromS("token")))).item();
  }

  private static List<Map<String, AttributeValue>> consentLog(String address) {
    return dynamoDb.query(r -> r.tableName(table()).consistentRead(true)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :event)")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("sub#" + id(address)),
            ":event", AttributeValue.fromS("event#")))).items();
  }

  private static List<Map<String, AttributeValue>> scanSubscribers() {
    return dynamoDb.scan(r -> r.tableName(table()).consistentRead(true)).items();
  }

  private static <T> List<T> concurrently(int n, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(task));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String id(String address) {
    return SubscriberIds.of(EmailAddress.parse(address));
  }

  private static String table() {
    return Env.require("SUBSCRIBERS_TABLE");
  }

  private static String address(String label) {
    return label + "." + random() + "@example.org";
  }

  private static String random() {
    return Long.toString(RANDOM.nextLong() >>> 1, 36);
  }

  /** A source address of its own per call, so rate limits of one test never touch another. */
  private static String ip() {
    return "10." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256);
  }
}
