package dev.newsroom.infra.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.contact.ContactMessage;
import dev.newsroom.contact.ContactMessageRepository;
import dev.newsroom.contact.ContactStatus;
import dev.newsroom.contact.DynamoDbContactMessageRepository;
import dev.newsroom.devserver.LocalSes;
import dev.newsroom.infra.local.LocalCloud;
import dev.newsroom.infra.local.MotoServer;
import dev.newsroom.infra.local.Newsroom;
import dev.newsroom.mail.DynamoDbOutbox;
import dev.newsroom.mail.EmailMessage;
import dev.newsroom.mail.OutboxSender;
import dev.newsroom.mail.SesMailer;
import dev.newsroom.shared.Clock;
import dev.newsroom.shared.UnavailableException;
import dev.newsroom.subscriptions.DynamoDbSuppressionList;
import dev.newsroom.web.ApiEvents;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The contact form end to end on real protocols: the handlers template.yaml names, DynamoDB Local
 * (tables, transactions, index, TTL attribute), and the notification sent by the real
 * {@link SesMailer} to moto's SES v2, read back from moto as raw MIME.
 */
@ExtendWith(LocalCloud.class)
class ContactIT {

  private static final SecureRandom RANDOM = new SecureRandom();

  private static MotoServer moto;
  private static SesV2Client ses;
  private static Newsroom newsroom;
  private static DynamoDbClient dynamoDb;
  private static String editorKey;

  @BeforeAll
  static void start() throws Exception {
    moto = MotoServer.start();
    moto.verifyDomain("example.com");
    ses = moto.sesV2();
    newsroom = new Newsroom();
    dynamoDb = AwsClients.dynamoDb();
    editorKey = newsroom.keys().mint("contact-it").plaintext();
  }

  @AfterAll
  static void stop() {
    if (ses != null) {
      ses.close();
    }
    if (moto != null) {
      moto.close();
    }
  }

  @Test
  void send_whenValid_storesTheMessageAndTheNotificationReachesSesIntact() {
    // given a visitor's message with markup in it
    String token = token();
    String sender = "Reader." + token + "@Example.ORG";

    // when it is sent through the API and the outbox item is processed
    APIGatewayV2HTTPResponse response = send(ip(), json(sender, "Tip " + token,
        "<script>alert('" + token + "')</script>\nSecond line"));
    String id = ApiEvents.json(response).path("id").asText();
    Map<String, AttributeValue> pending = outboxItem(id);
    OutboxSender.Result result = sender(ses).process("contact#" + id);

    // then the item holds the message, its context and its retention
    assertThat(response.getStatusCode()).isEqualTo(202);
    Map<String, AttributeValue> item = contactItem(id);
    assertThat(item.get("email").s()).isEqualTo("Reader." + token + "@example.org");
    assertThat(item.get("name").s()).isEqualTo("Rita " + token);
    assertThat(item.get("message").s()).endsWith("</script>\nSecond line");
    assertThat(item.get("status").s()).isEqualTo("new");
    assertThat(item.get("ip").s()).startsWith("10.");
    assertThat(item.get("userAgent").s()).isEqualTo("ContactIT/1.0");
    Instant received = Instant.parse(item.get("receivedAt").s());
    assertThat(Long.parseLong(item.get("expiresAt").n()))
        .isEqualTo(received.plus(Duration.ofDays(180)).getEpochSecond());
    assertThat(dynamoDb.describeTimeToLive(r -> r.tableName(table("CONTACT_MESSAGES_TABLE")))
        .timeToLiveDescription().attributeName()).isEqualTo("expiresAt");
    // and the outbox item was written with it, then sent
    assertThat(pending.get("status").s()).isEqualTo("pending");
    assertThat(result).isEqualTo(OutboxSender.Result.SENT);
    assertThat(outboxItem(id).get("status").s()).isEqualTo("sent");
    // and moto holds exactly one notification: answerable to the sender, the text escaped
    assertThat(emailsAbout(token)).singleElement().satisfies(mail -> {
      assertThat(mail.from()).isEqualTo("Newsroom <news@example.com>");
      assertThat(mail.to()).containsExactly("editors@example.com");
      assertThat(mail.replyTo()).containsExactly("Reader." + token + "@example.org");
      assertThat(mail.subject()).isEqualTo("Contact: Tip " + token);
      assertThat(mail.html()).contains("&lt;script&gt;alert(&#39;" + token + "&#39;)&lt;/script&gt;")
          .doesNotContain("<script");
      assertThat(mail.text()).contains("<script>alert('" + token + "')</script>\nSecond line",
          id);
    });
  }

  @Test
  void outbox_whenSesIsDown_keepsTheMessagePendingAndLaterSendsItExactlyOnce() throws Exception {
    // given a stored message and an SES endpoint where nothing listens
    String token = token();
    String id = ApiEvents.json(send(ip(), json("down-" + token + "@example.org",
        "Outage " + token, "Sent while SES was down"))).path("id").asText();
    int closedPort = MotoServer.freePort();

    // when the sender runs against it
    try (SesV2Client down = sesAt("http://127.0.0.1:" + closedPort)) {
      assertThatThrownBy(() -> sender(down).process("contact#" + id))
          .isInstanceOf(UnavailableException.class);
    }

    // then nothing is lost: the message is stored and its email pending, not claimed
    assertThat(contactItem(id)).isNotEmpty();
    assertThat(outboxItem(id).get("status").s()).isEqualTo("pending");
    assertThat(emailsAbout(token)).isEmpty();

    // and when SES is back, the retry sends it once and a replay sends nothing
    assertThat(sender(ses).process("contact#" + id)).isEqualTo(OutboxSender.Result.SENT);
    assertThat(sender(ses).process("contact#" + id)).isEqualTo(OutboxSender.Result.SKIPPED);
    assertThat(emailsAbout(token)).hasSize(1);
    assertThat(outboxItem(id).get("attempts").n()).isEqualTo("2");
  }

  @Test
  void send_whenSubmittedConcurrentlyThenRetriedOften_storesOneMessageWithOneEmail()
      throws Exception {
    // given one message, sent by four concurrent requests
    String token = token();
    String sender = "twice-" + token + "@example.org";
    String body = json(sender, "Twice " + token, "Double click");
    String ip = ip();
    List<Callable<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      calls.add(() -> send(ip, body));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<APIGatewayV2HTTPResponse> concurrent = new ArrayList<>();
    try {
      for (Future<APIGatewayV2HTTPResponse> answer : pool.invokeAll(calls)) {
        concurrent.add(answer.get());
      }
    } finally {
      pool.shutdownNow();
    }

    // when the client then retries it more often than the per-address limit allows
    List<APIGatewayV2HTTPResponse> retries = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      retries.add(send(ip, body));
    }

    // then the concurrent answers were successes (or "busy, retry"), every retry a success,
    // and all of them name the same message
    assertThat(concurrent).extracting(APIGatewayV2HTTPResponse::getStatusCode)
        .isSubsetOf(202, 503).contains(202);
    assertThat(retries).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsOnly(202);
    String id = ApiEvents.json(retries.get(0)).path("id").asText();
    assertThat(Stream.concat(concurrent.stream(), retries.stream())
        .filter(r -> r.getStatusCode() == 202).map(r -> ApiEvents.json(r).path("id").asText()))
        .containsOnly(id);
    // and exactly one message and one outbox item exist for this sender
    assertThat(scan("CONTACT_MESSAGES_TABLE", "email", sender)).hasSize(1);
    assertThat(scan("OUTBOX_TABLE", "replyTo", sender)).singleElement()
        .satisfies(item -> assertThat(item.get("id").s()).isEqualTo("contact#" + id));
  }

  @Test
  void send_whenHeaderInjectionOrOversize_is400AndStoresNothing() {
    String token = token();
    String sender = "bad-" + token + "@example.org";

    APIGatewayV2HTTPResponse injection = newsroom.invoke("SendContactMessageFunction",
        ApiEvents.request("POST", "/api/contact")
            .header("content-type", "application/x-www-form-urlencoded")
            .body("name=Eve&email=" + sender.replace("@", "%40")
                + "&subject=Hi%0D%0ABcc%3A+victim%40example.net&message=Hello").build());
    APIGatewayV2HTTPResponse injectedAddress = send(ip(), "{\"name\":\"Eve\",\"email\":\""
        + sender + "\\r\\nBcc: victim@example.net\",\"message\":\"Hello\"}");
    APIGatewayV2HTTPResponse oversize = send(ip(), json(sender, "Long", "x".repeat(5001)));

    assertThat(List.of(injection, injectedAddress, oversize))
        .extracting(APIGatewayV2HTTPResponse::getStatusCode).containsOnly(400);
    assertThat(ApiEvents.json(injection).path("error").path("field").asText())
        .isEqualTo("subject");
    assertThat(scan("CONTACT_MESSAGES_TABLE", "email", sender)).isEmpty();
    assertThat(scan("OUTBOX_TABLE", "replyTo", sender)).isEmpty();
  }

  @Test
  void send_whenOneIpGoesOverTheLimit_is429WithRetryAfterAndStoresNoMore() {
    String ip = ip();
    String token = token();
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      statuses.add(send(ip, json("limit-" + i + "-" + token + "@example.org", "Limit " + token,
          "Message " + i)).getStatusCode());
    }
    APIGatewayV2HTTPResponse refused = send(ip, json("limit-x-" + token + "@example.org",
        "Limit " + token, "One more"));

    assertThat(statuses.subList(0, 10)).containsOnly(202);
    assertThat(statuses.get(10)).isEqualTo(429);
    assertThat(refused.getStatusCode()).isEqualTo(429);
    assertThat(Long.parseLong(refused.getHeaders().get("Retry-After"))).isBetween(1L, 3600L);
    assertThat(scan("CONTACT_MESSAGES_TABLE", "ip", ip)).hasSize(10);
  }

  @Test
  void adminApi_whenMessagesArrive_listsThemNewestFirstAndMovesHandledOnes() {
    // given three messages, sent in order
    String token = token();
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sent.add(ApiEvents.json(send(ip(), json("list-" + i + "-" + token + "@example.org",
          "List " + token, "Number " + i))).path("id").asText());
    }

    // when an editor pages through the new messages two at a time
    List<String> listed = listAll("new", 2);

    // then they come newest first, and marking one handled moves it to the other list
    assertThat(listed.stream().filter(sent::contains).toList())
        .containsExactly(sent.get(2), sent.get(1), sent.get(0));
    APIGatewayV2HTTPResponse handled = newsroom.invoke("MarkContactMessageHandledFunction",
        ApiEvents.request("POST", "/api/admin/messages/" + sent.get(1) + "/handled")
            .bearer(editorKey).pathParameter("id", sent.get(1)).build());
    assertThat(handled.getStatusCode()).isEqualTo(200);
    assertThat(ApiEvents.json(handled).path("handledBy").asText()).isEqualTo("contact-it");
    assertThat(listAll("new", 2)).contains(sent.get(0), sent.get(2)).doesNotContain(sent.get(1));
    assertThat(listAll("handled", 50)).contains(sent.get(1));
    JsonNode one = ApiEvents.json(newsroom.invoke("GetContactMessageFunction",
        ApiEvents.request("GET", "/api/admin/messages/" + sent.get(0)).bearer(editorKey)
            .pathParameter("id", sent.get(0)).build()));
    assertThat(one.path("message").asText()).isEqualTo("Number 0");
    assertThat(one.path("status").asText()).isEqualTo("new");
  }

  @Test
  void adminApi_whenAMessageIsPastRetentionButNotYetDeleted_hidesIt() {
    // given a message whose TTL has passed (DynamoDB deletes such items up to days later)
    Instant now = Instant.now();
    String id = ("expired" + token() + "xxxxxxxxxxxxxxx").substring(0, 22);
    ContactMessage expired = new ContactMessage(id, now.minus(Duration.ofDays(200)), "Old",
        "old@example.org", null, "Old text", null, "10.0.0.1", "test", "hash",
        now.minus(Duration.ofDays(20)), ContactStatus.NEW, null, null);
    repository().saveNew(expired, null, List.of());

    // then neither the listing nor a direct read shows it
    assertThat(listAll("new", 1)).doesNotContain(id);
    assertThat(newsroom.invoke("GetContactMessageFunction",
        ApiEvents.request("GET", "/api/admin/messages/" + id).bearer(editorKey)
            .pathParameter("id", id).build()).getStatusCode()).isEqualTo(404);
  }

  @Test
  void repository_whenTheSameContentWasStoredInThePreviousWindow_writesNothing() {
    // given a message stored with its notification
    ContactMessageRepository repository = repository();
    String token = token();
    ContactMessage first = message(("first" + token + "xxxxxxxxxxxxxxxxx").substring(0, 22));
    ContactMessage second = message(("second" + token + "xxxxxxxxxxxxxxxx").substring(0, 22));
    repository.saveNew(first, null, List.of(notification(first)));

    // when its twin from the next window arrives, naming the first as its previous id
    ContactMessageRepository.Saved saved = repository.saveNew(second, first.id(),
        List.of(notification(second)));

    // then the transaction's condition check stopped it: no message, no email
    assertThat(saved).isEqualTo(new ContactMessageRepository.Saved(first.id(), true));
    assertThat(contactItem(second.id())).isEmpty();
    assertThat(outboxItem(second.id())).isEmpty();
  }

  private static APIGatewayV2HTTPResponse send(String ip, String json) {
    APIGatewayV2HTTPEvent event = ApiEvents.request("POST", "/api/contact")
        .header("user-agent", "ContactIT/1.0").json(json).build();
    event.getRequestContext().getHttp().setSourceIp(ip);
    return newsroom.invoke("SendContactMessageFunction", event);
  }

  private static String json(String email, String subject, String message) {
    return "{\"name\":\"Rita " + subject.substring(subject.indexOf(' ') + 1) + "\",\"email\":\""
        + email + "\",\"subject\":\"" + subject + "\",\"message\":\""
        + message.replace("\n", "\\n") + "\",\"page\":\"/contact/\",\"website\":\"\"}";
  }

  private static List<String> listAll(String status, int limit) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      ApiEvents request = ApiEvents.request("GET", "/api/admin/messages").bearer(editorKey)
          .query("status", status).query("limit", Integer.toString(limit));
      if (cursor != null) {
        request.query("cursor", cursor);
      }
      APIGatewayV2HTTPResponse response = newsroom.invoke("ListContactMessagesFunction",
          request.build());
      assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
      JsonNode page = ApiEvents.json(response);
      assertThat(page.path("items").size()).isLessThanOrEqualTo(limit);
      page.path("items").forEach(item -> ids.add(item.path("id").asText()));
      cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
    } while (cursor != null);
    return ids;
  }

  private static OutboxSender sender(SesV2Client client) {
    return new OutboxSender(new DynamoDbOutbox(dynamoDb, table("OUTBOX_TABLE")),
        new SesMailer(client, Env.require("MAIL_FROM"), null),
        new DynamoDbSuppressionList(dynamoDb, table("SUBSCRIBERS_TABLE")), Clock.system());
  }

  /** An SES client for an endpoint, given as production gets it: by the endpoint property. */
  private static SesV2Client sesAt(String endpoint) {
    String previous = System.getProperty("aws.endpointUrlSesV2");
    System.setProperty("aws.endpointUrlSesV2", endpoint);
    try {
      return SesV2Client.builder().region(AwsClients.region())
          .credentialsProvider(AwsClients.credentials()).httpClient(AwsClients.httpClient())
          .build();
    } finally {
      if (previous == null) {
        System.clearProperty("aws.endpointUrlSesV2");
      } else {
        System.setProperty("aws.endpointUrlSesV2", previous);
      }
    }
  }

  private static List<LocalSes.Sent> emailsAbout(String token) {
    return moto.rawEmails().stream().filter(mail -> mail.subject().contains(token)).toList();
  }

  private static DynamoDbContactMessageRepository repository() {
    return new DynamoDbContactMessageRepository(dynamoDb, table("CONTACT_MESSAGES_TABLE"),
        table("OUTBOX_TABLE"));
  }

  private static ContactMessage message(String id) {
    Instant now = Instant.now();
    return new ContactMessage(id, now, "Twin", "twin@example.org", null, "Same text", null,
        "10.0.0.2", "test", "hash", now.plus(Duration.ofDays(1)), ContactStatus.NEW, null, null);
  }

  private static ContactMessageRepository.OutgoingEmail notification(ContactMessage m) {
    return new ContactMessageRepository.OutgoingEmail("contact#" + m.id(), new EmailMessage(
        "contact-notification", "editors@example.com", m.email(), "Twin", "t", "h", Map.of()));
  }

  private static Map<String, AttributeValue> contactItem(String id) {
    return dynamoDb.getItem(r -> r.tableName(table("CONTACT_MESSAGES_TABLE")).consistentRead(true)
        .key(Map.of("id", AttributeValue.fromS(id)))).item();
  }

  private static Map<String, AttributeValue> outboxItem(String messageId) {
    return dynamoDb.getItem(r -> r.tableName(table("OUTBOX_TABLE")).consistentRead(true)
        .key(Map.of("id", AttributeValue.fromS("contact#" + messageId)))).item();
  }

  /** Test-only Scan: every item of a table whose attribute has this value. */
  private static List<Map<String, AttributeValue>> scan(String tableVariable, String attribute,
      String value) {
    return dynamoDb.scanPaginator(r -> r.tableName(table(tableVariable)).consistentRead(true)
        .filterExpression("#a = :v").expressionAttributeNames(Map.of("#a", attribute))
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value)))).items().stream()
        .toList();
  }

  private static String table(String variable) {
    return Env.require(variable);
  }

  private static String token() {
    return Long.toString(RANDOM.nextLong() >>> 1, 36);
  }

  /** A source address of its own per call, so rate limits of one test never touch another. */
  private static String ip() {
    return "10." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256);
  }
}
