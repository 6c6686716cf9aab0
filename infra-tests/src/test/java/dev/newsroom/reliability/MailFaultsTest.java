package dev.newsroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.infra.Emulators;
import dev.newsroom.infra.FaultProxy.Fault;
import dev.newsroom.infra.FaultProxy;
import dev.newsroom.infra.LogCapture;
import dev.newsroom.infra.StreamDriver;
import dev.newsroom.infra.SuiteReport;
import dev.newsroom.mail.DynamoDbOutbox;
import dev.newsroom.mail.EmailMessage;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The transactional outbox's sender (MailSenderFunction) with SES and DynamoDB failing under it,
 * driven as Lambda's stream event source mapping drives it: an accepted email is sent exactly once
 * when the fault clears, and after MaximumRetryAttempts the batch goes to the DLQ while the
 * message itself stays in the outbox.
 */
class MailFaultsTest {

  private final Emulators world = Emulators.shared();
  private final FaultProxy ses = world.motoProxy();
  private final FaultProxy dynamoDb = world.dynamoDbProxy();
  private final StreamDriver sender = world.driver("MailSenderFunction");
  private String recipient;
  private String outboxId;

  @BeforeEach
  void setUp() {
    world.healAll();
    sender.drain();
    sender.purgeDeadLetters();
    recipient = "reader-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    LogCapture.remember(recipient);
    outboxId = "test#" + UUID.randomUUID();
  }

  @AfterEach
  void heal() {
    SuiteReport.count("faults: mail scenarios", 1);
    world.healAll();
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class,
      names = {"SES_THROTTLING", "SES_TOO_MANY_REQUESTS", "SES_500", "DROP"})
  void send_whenSesFailsOnce_isRetriedByTheSdk_andSentOnce(Fault fault) {
    // given an accepted email, and SES failing the first attempt
    enqueue();
    ses.inject("SendEmail", fault, 1);

    // when the stream delivers it
    StreamDriver.Outcome outcome = sender.drain();

    // then one invocation sent it once
    assertThat(outcome.invocations()).isEqualTo(1);
    assertThat(sentTo(recipient)).isEqualTo(1);
    assertThat(ses.count("SendEmail")).isEqualTo(2);
    assertThat(status()).isEqualTo("sent");
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"SES_THROTTLING", "SES_500", "DROP"})
  void send_whenSesFailsAFewInvocations_isRetriedByTheStream_andSentOnceWhenItClears(Fault fault) {
    // given SES failing every attempt of the first two invocations (3 SDK attempts each)
    enqueue();
    ses.inject("SendEmail", fault, 6);

    // when the stream delivers it
    StreamDriver.Outcome outcome = sender.drain();

    // then the third invocation sent it, once, and nothing went to the DLQ
    assertThat(outcome.invocations()).isEqualTo(3);
    assertThat(outcome.sentToDlq()).isZero();
    assertThat(sentTo(recipient)).isEqualTo(1);
    assertThat(status()).isEqualTo("sent");
  }

  @Test
  void send_whenSesThrottlesPastEveryRetry_endsInTheDlq_andTheMessageIsKept() {
    // given SES throttling for longer than the event source mapping retries
    enqueue();
    ses.inject("SendEmail", Fault.SES_THROTTLING, 10_000);

    // when the stream delivers it
    StreamDriver.Outcome outcome = sender.drain();

    // then Lambda tried 1 + MaximumRetryAttempts times, then parked the batch in the DLQ
    assertThat(outcome.invocations()).isEqualTo(1 + sender.maxRetries());
    assertThat(outcome.sentToDlq()).isEqualTo(1);
    JsonNode deadLetter = sender.deadLetters().get(0);
    assertThat(deadLetter.at("/requestContext/condition").asText())
        .isEqualTo("RetryAttemptsExhausted");
    assertThat(deadLetter.at("/DDBStreamBatchInfo/batchSize").asInt()).isEqualTo(1);
    // nothing was sent, and nothing accepted is lost: the message waits, claimable, in the outbox
    assertThat(sentTo(recipient)).isZero();
    Map<String, AttributeValue> item = item();
    assertThat(item.get("status").s()).isEqualTo("pending");
    assertThat(item.get("to").s()).isEqualTo(recipient);
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"DYNAMODB_THROUGHPUT", "DYNAMODB_500", "DROP"})
  void send_whenTheClaimFailsForOneInvocation_isSentOnceOnTheNext(Fault fault) {
    // given the outbox table refuses the claim for every attempt of one invocation
    enqueue();
    dynamoDb.inject("UpdateItem", fault, 3);

    // when the stream delivers it
    StreamDriver.Outcome outcome = sender.drain();

    // then the retry claimed and sent it, once
    assertThat(outcome.invocations()).isEqualTo(2);
    assertThat(sentTo(recipient)).isEqualTo(1);
    assertThat(status()).isEqualTo("sent");
  }

  @Test
  void send_whenMarkingSentFails_isNotSentAgainOnTheRetry() {
    // given the claim works, SES sends, then recording "sent" fails for every attempt
    enqueue();
    dynamoDb.inject("UpdateItem", Fault.DYNAMODB_THROUGHPUT, 1, 3);

    // when the stream delivers it (and retries, since the invocation failed)
    StreamDriver.Outcome outcome = sender.drain();

    // then the retry finds the live claim and does not send a second copy
    assertThat(outcome.invocations()).isEqualTo(2);
    assertThat(outcome.sentToDlq()).isZero();
    assertThat(sentTo(recipient)).isEqualTo(1);
  }

  @Test
  void replayedStreamRecord_afterSending_sendsNothing() {
    // given an email sent
    enqueue();
    sender.drain();
    assertThat(sentTo(recipient)).isEqualTo(1);

    // when the same record is delivered again (Lambda delivers at least once)
    new dev.newsroom.mailsender.MailSenderHandler().handleRequest(replay(), null);

    // then no second copy goes out
    assertThat(sentTo(recipient)).isEqualTo(1);
  }

  private void enqueue() {
    EmailMessage message = new EmailMessage("test", recipient, null, "Subject",
        "Text", "<p>Html</p>", Map.of());
    world.dynamoDb().transactWriteItems(r -> r.transactItems(DynamoDbOutbox.enqueue(
        System.getProperty("OUTBOX_TABLE"), outboxId, message, Instant.now())));
  }

  private com.amazonaws.services.lambda.runtime.events.DynamodbEvent replay() {
    var keys = Map.of("id",
        new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue()
            .withS(outboxId));
    var stream = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord();
    stream.setKeys(keys);
    stream.setSequenceNumber("1");
    var record = new com.amazonaws.services.lambda.runtime.events.DynamodbEvent
        .DynamodbStreamRecord();
    record.setEventName("INSERT");
    record.setDynamodb(stream);
    var event = new com.amazonaws.services.lambda.runtime.events.DynamodbEvent();
    event.setRecords(java.util.List.of(record));
    return event;
  }

  private Map<String, AttributeValue> item() {
    return world.dynamoDb().getItem(r -> r.tableName(System.getProperty("OUTBOX_TABLE"))
        .key(Map.of("id", AttributeValue.fromS(outboxId))).consistentRead(true)).item();
  }

  private String status() {
    return item().get("status").s();
  }

  private long sentTo(String address) {
    return world.moto().rawEmails().stream().filter(m -> m.to().contains(address)).count();
  }
}
