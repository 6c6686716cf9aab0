package dev.newsroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.campaigns.CampaignFeedbackHandler;
import dev.newsroom.campaigns.CampaignJobsHandler;
import dev.newsroom.campaigns.CampaignSenderHandler;
import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.infra.Answers;
import dev.newsroom.infra.ApiCall;
import dev.newsroom.infra.Emulators;
import dev.newsroom.infra.FaultProxy;
import dev.newsroom.infra.FaultProxy.Fault;
import dev.newsroom.infra.LogCapture;
import dev.newsroom.infra.QueueDriver;
import dev.newsroom.infra.SuiteReport;
import dev.newsroom.infra.Templates;
import dev.newsroom.shared.EmailAddress;
import dev.newsroom.shared.Json;
import dev.newsroom.subscriptions.DynamoDbSubscriberRepository;
import dev.newsroom.subscriptions.LinkSigner;
import dev.newsroom.subscriptions.MailFeedbackHandler;
import dev.newsroom.subscriptions.SecretsManagerLinkKey;
import dev.newsroom.subscriptions.Subscriber;
import dev.newsroom.subscriptions.SubscriberIds;
import dev.newsroom.subscriptions.SubscriberRepository;
import dev.newsroom.subscriptions.SubscriberStatus;
import dev.newsroom.subscriptions.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A campaign's whole path with faults injected (issue 11): the real handlers (editors' routes,
 * the jobs and sender functions fed from SQS in moto as Lambda feeds them, the feedback function
 * fed SES events as SNS delivers them) over DynamoDB Local tables made from template.yaml, SES v2
 * in moto behind the fault proxy. Every test ends with the accounting of {@link #assertAccounted}:
 * each recipient is in exactly one of sent, failed, skipped or uncertain, no address got two
 * emails, and the campaign's sent count is the number of emails moto received for it.
 */
class CampaignFaultsTest {

  private static final int READERS = 30;
  /**
   * Emails per second in the pause and cancel tests: the sender sees a new campaign state
   * within {@link #STATE_REFRESH_SECONDS}, so at this rate readers are still pending by then.
   */
  private static final int SLOW_RATE = 5;
  private static final int STATE_REFRESH_SECONDS = 2;
  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);
  private static final Set<String> SETTLED = Set.of("sent", "failed", "skipped", "uncertain");

  private final Emulators world = Emulators.shared();
  private final FaultProxy ses = world.motoProxy();
  private final FaultProxy dynamoDb = world.dynamoDbProxy();
  private final QueueDriver jobs = driver("CampaignJobsQueue", "CampaignJobsFunction");
  private final QueueDriver sends = driver("CampaignSendsQueue", "CampaignSenderFunction");
  private final CampaignJobsHandler jobsFunction = new CampaignJobsHandler();
  private CampaignSenderHandler senderFunction;
  private String tag;
  private List<Reader> readers;
  private String slug;

  /** A confirmed subscriber of this test, following only its tag. */
  private record Reader(String id, String email) {}

  @BeforeEach
  void setUp() {
    world.healAll();
    world.sesMaxSendRate(Emulators.DEFAULT_MAX_SEND_RATE);
    jobs.empty();
    sends.empty();
    // A fresh sender container per test: it reads the account's send rate once.
    senderFunction = new CampaignSenderHandler();
    tag = "camp-" + UUID.randomUUID().toString().substring(0, 8);
    readers = subscribe(READERS);
    slug = publishArticle();
  }

  @AfterEach
  void heal() {
    SuiteReport.count("faults: campaign scenarios", 1);
    world.healAll();
    world.sesMaxSendRate(Emulators.DEFAULT_MAX_SEND_RATE);
  }

  /**
   * The send-rate windows ({@code rate#<second>}) expire through the table's TTL a minute later:
   * DynamoDB Local deletes them then, in the middle of whichever test of the shared world runs
   * next, and a test that compares the store before and after (PublishFaultsTest) saw one vanish.
   */
  @AfterAll
  static void dropSendRateWindows() {
    DynamoDbClient dynamoDb = Emulators.shared().dynamoDb();
    dynamoDb.scanPaginator(r -> r.tableName(campaignsTable())
        .filterExpression("begins_with(pk, :rate)")
        .expressionAttributeValues(Map.of(":rate", AttributeValue.fromS("rate#"))))
        .items().forEach(item -> dynamoDb.deleteItem(r -> r.tableName(campaignsTable())
            .key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))));
  }

  @Test
  void send_whenSesThrottlesForAWindow_backsOffAndSendsEveryoneOnce_countingNoThrottledSend() {
    // given SES refuses two sends in a row with its throttling errors, a few sends in
    String id = start();
    ses.inject("SendEmail", Fault.SES_THROTTLING, 5, 1);
    ses.inject("SendEmail", Fault.SES_TOO_MANY_REQUESTS, 5, 1);

    // when the queues are drained as Lambda drains them
    drain();

    // then the refused sends were retried later, and none counted
    Map<String, Long> stats = assertAccounted(id);
    assertThat(stats).containsEntry("sent", (long) READERS).containsEntry("failed", 0L);
    assertThat(ses.faulted("SendEmail")).isEqualTo(2);
    assertThat(ses.count("SendEmail")).isEqualTo(READERS + 2);
    assertThat(state(id)).isEqualTo("done");
  }

  @Test
  void send_whenSesAnswers500_retriesLaterAndSendsEveryoneOnce() {
    // given SES fails one send with an internal error
    String id = start();
    ses.inject("SendEmail", Fault.SES_500, 3, 1);

    // when the queues are drained
    drain();

    // then that recipient was sent to later, once, and nobody failed
    assertThat(ses.faulted("SendEmail")).isEqualTo(1);
    Map<String, Long> stats = assertAccounted(id);
    assertThat(stats).containsEntry("sent", (long) READERS).containsEntry("failed", 0L);
  }

  @Test
  void send_whenSesAcceptsButTheAnswerIsLost_countsThatRecipientUncertain_andSendsNoSecondCopy() {
    // given SES accepts the fourth email and the connection dies before its answer
    String id = start();
    ses.inject("SendEmail", Fault.LOSE_RESPONSE, 3, 1);

    // when the queues are drained
    drain();

    // then the reader got it once, and the campaign says it does not know (at most once)
    Map<String, Long> stats = assertAccounted(id);
    assertThat(stats).containsEntry("uncertain", 1L).containsEntry("sent", (long) READERS - 1);
    assertThat(received().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(READERS);
  }

  @Test
  void send_whenTheSenderDiesAfterSesAccepted_countsThatRecipientUncertain_neverSendsItAgain() {
    // given the sender's container dies right after SES accepted the seventh email: from then
    // on nothing it writes lands (as when Lambda ends it at its timeout)
    String id = start();
    ses.afterForwarding("SendEmail", 7, () -> dynamoDb.inject("*", Fault.DROP, 1_000_000));
    while (jobs.deliverOne(jobsFunction)) {
      // expansion: the recipients and their send batch
    }
    List<Message> batch = sends.receive();
    assertThat(batch).hasSize(1);
    Set<String> failed = sends.deliver(senderFunction, batch);
    assertThat(failed).as("the batch is reported failed and stays in the queue").hasSize(1);
    dynamoDb.heal();
    String crashed = onlyRecipientIn(id, "sending");

    // when the claim's lease and the message's visibility timeout have run out (moved into the
    // past here rather than waited for) and a fresh container takes the batch again
    expireLease(id, crashed);
    sends.makeVisible(batch.get(0));
    senderFunction = new CampaignSenderHandler();
    drain();

    // then that reader got one email and counts uncertain; everyone else got one and counts sent,
    // including those the dead container settled but never counted
    Map<String, Long> stats = assertAccounted(id);
    assertThat(stats).containsEntry("uncertain", 1L).containsEntry("sent", (long) READERS - 1);
    assertThat(received().get(email(crashed))).isEqualTo(1L);
    assertThat(recipientStates(id).get(crashed)).isEqualTo("uncertain");
    assertThat(state(id)).isEqualTo("done");
  }

  @Test
  void send_whenSqsDeliversTheSameBatchTwiceAtOnce_sendsEachEmailOnce() throws Exception {
    // given the expanded audience's send batch
    String id = start();
    while (jobs.deliverOne(jobsFunction)) {
      // expansion
    }
    List<Message> batch = sends.receive();
    assertThat(batch).hasSize(1);

    // when two containers get the same message at the same moment (SQS delivers at least
    // once), and then a third gets it again
    CampaignSenderHandler other = new CampaignSenderHandler();
    CountDownLatch go = new CountDownLatch(1);
    CompletableFuture<Set<String>> first = CompletableFuture.supplyAsync(() -> {
      await(go);
      return sends.deliver(senderFunction, batch);
    });
    CompletableFuture<Set<String>> second = CompletableFuture.supplyAsync(() -> {
      await(go);
      return sends.deliver(other, batch);
    });
    go.countDown();
    assertThat(first.get()).isEmpty();
    assertThat(second.get()).isEmpty();
    sends.deliver(new CampaignSenderHandler(), batch);
    drain();

    // then each reader got one email and each send was counted once
    assertThat(ses.count("SendEmail")).isEqualTo(READERS);
    Map<String, Long> stats = assertAccounted(id);
    assertThat(stats).containsEntry("sent", (long) READERS);
    assertThat(state(id)).isEqualTo("done");
  }

  @Test
  void pause_inTheMiddleOfASend_stopsWithinSeconds_andResumeSendsOnlyThePendingOnes() {
    // given a slow account and an editor who pauses after the fifth email
    world.sesMaxSendRate(SLOW_RATE);
    senderFunction = new CampaignSenderHandler();
    String id = start();
    ses.afterForwarding("SendEmail", 5, () -> assertThat(admin("pause", id).getStatusCode())
        .isEqualTo(200));

    // when the queues are drained
    drain();

    // then sending stopped within the sender's state refresh, with readers left pending
    ses.assertTriggersRan();
    assertThat(state(id)).isEqualTo("paused");
    Map<String, String> paused = recipientStates(id);
    long sentWhilePausing = paused.values().stream().filter("sent"::equals).count() - 5;
    SuiteReport.figure("campaign: emails sent after a pause (at " + SLOW_RATE + "/s)",
        Long.toString(sentWhilePausing));
    assertThat(sentWhilePausing).as("emails after the pause")
        .isLessThanOrEqualTo(SLOW_RATE * (STATE_REFRESH_SECONDS + 1));
    assertThat(paused.values()).contains("pending").doesNotContain("sending");
    assertThat(received().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(paused.values().stream().filter("sent"::equals).count());

    // and when the editor resumes, the pending readers get theirs and nobody a second one
    assertThat(admin("resume", id).getStatusCode()).isEqualTo(200);
    drain();
    Map<String, Long> stats = assertAccounted(id);
    assertThat(stats).containsEntry("sent", (long) READERS);
    assertThat(state(id)).isEqualTo("done");
  }

  @Test
  void cancel_inTheMiddleOfASend_skipsEveryoneNotSentYet() {
    // given a slow account and an editor who cancels after the fifth email
    world.sesMaxSendRate(SLOW_RATE);
    senderFunction = new CampaignSenderHandler();
    String id = start();
    ses.afterForwarding("SendEmail", 5, () -> assertThat(admin("cancel", id).getStatusCode())
        .isEqualTo(200));

    // when the queues are drained
    drain();

    // then the ones not sent before the sender saw the cancel are skipped as cancelled
    ses.assertTriggersRan();
    assertThat(state(id)).isEqualTo("cancelled");
    Map<String, Long> stats = assertAccounted(id);
    assertThat(stats.get("sent")).isGreaterThanOrEqualTo(5L).isLessThan(READERS);
    assertThat(stats.get("sent") + stats.get("skipped")).isEqualTo(READERS);
    assertThat(recipientReasons(id, "skipped")).containsOnly("cancelled");
  }

  @Test
  void unsubscribe_duringTheSend_skipsThatReaderIfNotSentYet() {
    // given a reader, late in the batch, who unsubscribes in one click while the third email
    // goes out
    String id = start();
    Reader leaving = lastInBatchOrder();
    ses.afterForwarding("SendEmail", 3, () -> unsubscribeInOneClick(leaving));

    // when the queues are drained
    drain();

    // then that reader got nothing and counts skipped as unsubscribed; the rest got one each
    ses.assertTriggersRan();
    Map<String, Long> stats = assertAccounted(id);
    assertThat(stats).containsEntry("sent", (long) READERS - 1).containsEntry("skipped", 1L);
    assertThat(received()).doesNotContainKey(leaving.email());
    assertThat(recipientReasons(id, "skipped")).containsExactly("unsubscribed");
    // they left through a link of no campaign, before this one reached them
    assertThat(Answers.body(admin("get", id)).at("/stats/unsubscribedSince").asLong())
        .isZero();
  }

  @Test
  void unsubscribe_throughTheNewslettersOwnLink_countsOnceOnThatCampaignOnly() {
    // given a campaign every reader got
    String id = start();
    drain();
    Reader leaving = readers.get(0);
    Reader notFromIt = readers.get(1);

    // when one reader leaves through the List-Unsubscribe link of the email SES got, and the
    // mail client retries the POST; another through a link naming a campaign they never got
    String header = world.moto().rawEmails().stream()
        .filter(m -> m.to().contains(leaving.email())).findFirst().orElseThrow()
        .headers().get("List-Unsubscribe");
    oneClick(header.substring(1, header.length() - 1));
    oneClick(header.substring(1, header.length() - 1));
    unsubscribeInOneClick(notFromIt, "c-not-sent-to-them");

    // then the campaign counts one, and marks that recipient only
    assertThat(Answers.body(admin("get", id)).at("/stats/unsubscribedSince").asLong())
        .isEqualTo(1);
    assertThat(recipientItems(id).stream().filter(i -> i.containsKey("unsubscribed"))
        .map(i -> i.get("sk").s().substring(2))).containsExactly(leaving.id());
    assertThat(new DynamoDbSubscriberRepository(world.dynamoDb(),
        Env.require("SUBSCRIBERS_TABLE"), null).find(notFromIt.id()).orElseThrow().status())
        .isEqualTo(SubscriberStatus.UNSUBSCRIBED);
    assertAccounted(id);
  }

  @Test
  void hardBounce_duringTheSend_isCountedOnTheCampaign_andASuppressedReaderIsSkipped() {
    // given, while the fifth email goes out, SES reports a hard bounce of the first one (tagged
    // with this campaign), and one of an earlier email to a reader late in the batch
    String id = start();
    List<String> order = batchOrder();
    Reader bouncedNow = reader(order.get(0));
    Reader bouncedBefore = reader(order.get(order.size() - 1));
    ses.afterForwarding("SendEmail", 5, () -> {
      deliverSesEvent(bounce(bouncedNow, id));
      deliverSesEvent(bounce(bouncedBefore, null));
    });

    // when the queues are drained
    drain();

    // then the campaign counts one bounce, and the suppressed reader got nothing
    ses.assertTriggersRan();
    Map<String, Long> stats = assertAccounted(id);
    assertThat(stats).containsEntry("sent", (long) READERS - 1).containsEntry("skipped", 1L);
    assertThat(Answers.body(admin("get", id)).at("/stats/bounced").asLong()).isEqualTo(1);
    assertThat(recipientStates(id).get(bouncedNow.id())).isEqualTo("sent");
    assertThat(recipientReasons(id, "skipped")).containsExactly("suppressed");
    assertThat(received()).doesNotContainKey(bouncedBefore.email());
  }

  // ------------------------------------------------------------------ the accounting

  /**
   * Every reader is a recipient settled in exactly one of the four end states; no address got
   * two emails; a sent recipient got exactly one email, a failed or skipped one none, an
   * uncertain one at most one; the campaign's counters equal the recipients' states, and its
   * sent count the emails moto received for sent recipients.
   *
   * @return the campaign's stats
   */
  private Map<String, Long> assertAccounted(String campaignId) {
    Map<String, String> states = recipientStates(campaignId);
    assertThat(states.keySet()).as("one recipient per reader")
        .containsExactlyInAnyOrderElementsOf(readers.stream().map(Reader::id).toList());
    assertThat(states.values()).as("every recipient settled").allMatch(SETTLED::contains);
    Map<String, Long> received = received();
    assertThat(received.values()).as("no address got two emails").allMatch(n -> n == 1);
    long sentAndReceived = 0;
    for (Reader reader : readers) {
      long got = received.getOrDefault(reader.email(), 0L);
      String state = states.get(reader.id());
      switch (state) {
        case "sent" -> {
          assertThat(got).as("emails to a sent recipient").isEqualTo(1);
          sentAndReceived++;
        }
        case "failed", "skipped" -> assertThat(got).as("emails to a " + state + " recipient")
            .isZero();
        default -> assertThat(got).as("emails to an uncertain recipient").isLessThanOrEqualTo(1);
      }
    }
    JsonNode json = Answers.body(admin("get", campaignId)).path("stats");
    Map<String, Long> stats = new LinkedHashMap<>();
    for (String name : List.of("recipients", "sent", "failed", "skipped", "uncertain")) {
      stats.put(name, json.path(name).asLong());
    }
    Map<String, Long> byState = states.values().stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(stats.get("recipients")).isEqualTo(READERS);
    for (String state : SETTLED) {
      assertThat(stats.get(state)).as("campaign's %s count", state)
          .isEqualTo(byState.getOrDefault(state, 0L));
    }
    assertThat(stats.get("sent")).as("sent count = emails the emulator received for them")
        .isEqualTo(sentAndReceived);
    return stats;
  }

  /** Emails moto accepted per address of this test's readers. */
  private Map<String, Long> received() {
    Set<String> ours = readers.stream().map(Reader::email).collect(Collectors.toSet());
    Map<String, Long> counts = new HashMap<>();
    world.moto().rawEmails().forEach(m -> m.to().stream().filter(ours::contains)
        .forEach(to -> counts.merge(to, 1L, Long::sum)));
    return counts;
  }

  private Map<String, String> recipientStates(String campaignId) {
    Map<String, String> states = new HashMap<>();
    recipientItems(campaignId).forEach(item -> states.put(item.get("sk").s().substring(2),
        item.get("state").s()));
    return states;
  }

  private List<String> recipientReasons(String campaignId, String state) {
    return recipientItems(campaignId).stream().filter(i -> i.get("state").s().equals(state))
        .map(i -> i.get("reason").s()).toList();
  }

  private List<Map<String, AttributeValue>> recipientItems(String campaignId) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    world.dynamoDb().queryPaginator(q -> q.tableName(campaignsTable()).consistentRead(true)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :r)")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("campaign#" + campaignId),
            ":r", AttributeValue.fromS("r#")))).items().forEach(items::add);
    return items;
  }

  private String onlyRecipientIn(String campaignId, String state) {
    List<String> ids = recipientStates(campaignId).entrySet().stream()
        .filter(e -> e.getValue().equals(state)).map(Map.Entry::getKey).toList();
    assertThat(ids).hasSize(1);
    return ids.get(0);
  }

  /** Ninety seconds later, as far as the claim is concerned. */
  private void expireLease(String campaignId, String subscriberId) {
    world.dynamoDb().updateItem(u -> u.tableName(campaignsTable())
        .key(Map.of("pk", AttributeValue.fromS("campaign#" + campaignId),
            "sk", AttributeValue.fromS("r#" + subscriberId)))
        .updateExpression("SET leaseUntil = :past")
        .expressionAttributeValues(Map.of(":past", AttributeValue.fromN(
            Long.toString(Instant.now().minusSeconds(1).toEpochMilli())))));
  }

  // ------------------------------------------------------------------ Lambda's part

  /** Delivers jobs and send batches until both queues are empty, delayed messages included. */
  private void drain() {
    long end = System.nanoTime() + DRAIN_LIMIT.toNanos();
    while (System.nanoTime() < end) {
      boolean delivered = jobs.deliverOne(jobsFunction);
      delivered |= sends.deliverOne(senderFunction);
      if (!delivered) {
        if (jobs.waiting() == 0 && sends.waiting() == 0) {
          return;
        }
        sleep(250);
      }
    }
    throw new AssertionError("the campaign queues were not empty after " + DRAIN_LIMIT);
  }

  private QueueDriver driver(String queue, String function) {
    int batchSize = Templates.template()
        .at("/Resources/" + function + "/Properties/Events").elements().next()
        .at("/Properties/BatchSize").asInt();
    return new QueueDriver(Env.require(queue.equals("CampaignJobsQueue")
        ? "CAMPAIGN_JOBS_QUEUE_URL" : "CAMPAIGN_SENDS_QUEUE_URL"), batchSize, world.sqs());
  }

  /** The send batch expansion queued, in the order the sender goes through it. */
  private List<String> batchOrder() {
    while (jobs.deliverOne(jobsFunction)) {
      // expansion
    }
    List<Message> batch = sends.receive();
    assertThat(batch).hasSize(1);
    sends.makeVisible(batch.get(0));
    List<String> ids = new ArrayList<>();
    parse(batch.get(0).body()).path("recipients").forEach(n -> ids.add(n.asText()));
    assertThat(ids).hasSize(READERS);
    return ids;
  }

  private Reader lastInBatchOrder() {
    List<String> order = batchOrder();
    return reader(order.get(order.size() - 1));
  }

  // ------------------------------------------------------------------ readers and editors

  private List<Reader> subscribe(int count) {
    SubscriberRepository repository = new DynamoDbSubscriberRepository(world.dynamoDb(),
        Env.require("SUBSCRIBERS_TABLE"), null);
    Instant now = Instant.now();
    List<Reader> made = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String email = tag + "-" + i + "@example.org";
      String id = SubscriberIds.of(EmailAddress.parse(email));
      Subscriber confirmed = new Subscriber(id, email, null, SubscriberStatus.CONFIRMED,
          "signup-" + i, "/", now, now, now, null, null, null, null, now, null, null,
          Topics.only(List.of(tag)), 1);
      assertThat(repository.apply(new SubscriberRepository.Change(confirmed, List.of(), null,
          null, null))).isTrue();
      made.add(new Reader(id, email));
    }
    LogCapture.remember(made.get(0).email());
    return made;
  }

  private Reader reader(String id) {
    return readers.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  private String email(String subscriberId) {
    return reader(subscriberId).email();
  }

  private String publishArticle() {
    String article = "campaign-" + tag;
    String json = "{\"title\":\"Campaign faults\",\"author\":\"Infra\",\"summary\":\"Under "
        + "faults.\",\"body\":\"Every reader *once*.\",\"tags\":[\"" + tag + "\"]}";
    assertThat(ApiCall.to("PUT", "/api/admin/articles/{slug}").path("slug", article)
        .bearer(world.editorKey()).json(json).invoke().getStatusCode()).isEqualTo(201);
    assertThat(ApiCall.to("POST", "/api/admin/articles/{slug}/publish").path("slug", article)
        .bearer(world.editorKey()).invoke().getStatusCode()).isEqualTo(200);
    return article;
  }

  /** Creates the campaign of the article for the readers of its tag and starts it. */
  private String start() {
    APIGatewayV2HTTPResponse created = ApiCall.to("POST", "/api/admin/campaigns")
        .bearer(world.editorKey())
        .json("{\"article\":\"" + slug + "\",\"audience\":[\"" + tag + "\"]}").invoke();
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
    String id = Answers.body(created).path("id").asText();
    APIGatewayV2HTTPResponse started = admin("start", id);
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(202);
    return id;
  }

  private APIGatewayV2HTTPResponse admin(String action, String id) {
    ApiCall call = action.equals("get")
        ? ApiCall.to("GET", "/api/admin/campaigns/{id}")
        : ApiCall.to("POST", "/api/admin/campaigns/{id}/" + action);
    return call.path("id", id).bearer(world.editorKey()).invoke();
  }

  private String state(String id) {
    return Answers.body(admin("get", id)).path("state").asText();
  }

  private void unsubscribeInOneClick(Reader reader) {
    unsubscribeInOneClick(reader, null);
  }

  /** @param campaignId the campaign the link names, or null for a link of no campaign */
  private void unsubscribeInOneClick(Reader reader, String campaignId) {
    LinkSigner signer = new LinkSigner(new SecretsManagerLinkKey(AwsClients.secretsManager(),
        Env.require("SUBSCRIPTION_LINK_SECRET")));
    String token = signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, reader.id(), null, campaignId);
    APIGatewayV2HTTPResponse response = ApiCall.to("POST", "/api/subscriptions/unsubscribe")
        .query("token", token).form("List-Unsubscribe=One-Click").invoke();
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
  }

  /** A mail client's RFC 8058 one-click POST to a List-Unsubscribe URL. */
  private static void oneClick(String url) {
    String token = java.net.URLDecoder.decode(url.substring(url.indexOf("?token=") + 7),
        java.nio.charset.StandardCharsets.UTF_8);
    APIGatewayV2HTTPResponse response = ApiCall.to("POST", "/api/subscriptions/unsubscribe")
        .query("token", token).form("List-Unsubscribe=One-Click").invoke();
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
  }

  /**
   * An SES hard-bounce event, tagged with the campaign and recipient as SES returns the send's
   * message tags (campaignId null: an earlier email that was no campaign's).
   */
  private ObjectNode bounce(Reader reader, String campaignId) {
    ObjectNode event = Json.mapper().createObjectNode();
    event.put("eventType", "Bounce");
    ObjectNode bounce = event.putObject("bounce");
    bounce.put("feedbackId", "fb-" + UUID.randomUUID()).put("bounceType", "Permanent")
        .put("bounceSubType", "General").put("timestamp", Instant.now().toString());
    bounce.putArray("bouncedRecipients").addObject().put("emailAddress", reader.email())
        .put("status", "5.1.1").put("diagnosticCode", "smtp; 550 5.1.1 user unknown");
    ObjectNode mail = event.putObject("mail");
    mail.put("timestamp", Instant.now().toString()).put("messageId", "m-" + UUID.randomUUID());
    mail.putArray("destination").add(reader.email());
    ObjectNode tags = mail.putObject("tags");
    tags.putArray("ses:configuration-set").add(Env.require("SES_CONFIGURATION_SET"));
    if (campaignId != null) {
      tags.putArray("campaign").add(campaignId);
      tags.putArray("recipient").add(reader.id());
    }
    return event;
  }

  /** The topic has two subscribers: suppression (subscriptions) and the campaign's counts. */
  private static void deliverSesEvent(ObjectNode sesEvent) {
    SNSEvent.SNS sns = new SNSEvent.SNS();
    sns.setType("Notification");
    sns.setMessageId(UUID.randomUUID().toString());
    sns.setTopicArn("arn:aws:sns:us-east-1:000000000000:MailEventsTopic");
    sns.setMessage(sesEvent.toString());
    SNSEvent.SNSRecord record = new SNSEvent.SNSRecord();
    record.setEventSource("aws:sns");
    record.setSns(sns);
    SNSEvent event = new SNSEvent();
    event.setRecords(List.of(record));
    new MailFeedbackHandler().handleRequest(event, null);
    new CampaignFeedbackHandler().handleRequest(event, null);
  }

  private static String campaignsTable() {
    return Env.require("CAMPAIGNS_TABLE");
  }

  private static JsonNode parse(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
