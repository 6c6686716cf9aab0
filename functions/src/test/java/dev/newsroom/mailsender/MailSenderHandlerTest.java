package dev.newsroom.mailsender;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import dev.newsroom.config.FakeLambdaContext;
import dev.newsroom.mail.EmailMessage;
import dev.newsroom.mail.InMemoryOutbox;
import dev.newsroom.mail.MailRejectedException;
import dev.newsroom.mail.OutboxSender;
import dev.newsroom.mail.RecordingMailer;
import dev.newsroom.mail.SuppressionList;
import dev.newsroom.shared.MutableClock;
import dev.newsroom.shared.StdoutCapture;
import dev.newsroom.shared.UnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailSenderHandlerTest {

  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final RecordingMailer mailer = new RecordingMailer();
  private final MailSenderHandler handler = new MailSenderHandler(new OutboxSender(outbox, mailer,
      SuppressionList.NONE, new MutableClock(Instant.parse("2026-11-24T08:00:00Z"))));

  @Test
  void handleRequest_whenInsertsArrive_sendsEachAndReportsNoFailure() {
    enqueue("a", "b");

    StreamsEventResponse response = handler.handleRequest(
        event(record("INSERT", "a", "100"), record("INSERT", "b", "101")), null);

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(mailer.sent()).extracting(EmailMessage::subject).containsExactly("a", "b");
  }

  @Test
  void handleRequest_withLambdaContext_countsAndLogsUnderTheInvocation() {
    enqueue("a", "b");

    try (StdoutCapture out = StdoutCapture.start()) {
      handler.handleRequest(event(record("INSERT", "a", "100"), record("INSERT", "b", "101")),
          new FakeLambdaContext("newsroom-MailSender", "req-9"));

      assertThat(out.metric("EmailsSent")).isEqualTo(2);
      assertThat(out.json()).filteredOn(line -> line.path("event").asText().equals("mail.sent"))
          .hasSize(2).allSatisfy(line -> assertThat(line.path("function_request_id").asText())
              .isEqualTo("req-9"));
    }
  }

  @Test
  void handleRequest_whenModifyOrRemove_sendsNothing() {
    enqueue("a");

    StreamsEventResponse response = handler.handleRequest(
        event(record("MODIFY", "a", "100"), record("REMOVE", "a", "101")), null);

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(mailer.calls()).isZero();
    assertThat(outbox.entry("a").status).isEqualTo("pending");
  }

  @Test
  void handleRequest_whenASendMayPassLater_reportsThatRecordAndStopsThere() {
    enqueue("a", "b", "c");
    mailer.failOnce("b", new UnavailableException("throttled", null));

    StreamsEventResponse response = handler.handleRequest(event(record("INSERT", "a", "100"),
        record("INSERT", "b", "101"), record("INSERT", "c", "102")), null);

    assertThat(response.getBatchItemFailures())
        .extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("101");
    assertThat(mailer.sent()).extracting(EmailMessage::subject).containsExactly("a");
    assertThat(outbox.entry("b").status).isEqualTo("pending");
    assertThat(outbox.entry("c").status).isEqualTo("pending");
  }

  @Test
  void handleRequest_whenLambdaRetriesFromTheFailedRecord_sendsTheRestOnce() {
    enqueue("a", "b", "c");
    mailer.failOnce("b", new UnavailableException("throttled", null));
    handler.handleRequest(event(record("INSERT", "a", "100"), record("INSERT", "b", "101"),
        record("INSERT", "c", "102")), null);

    // Lambda re-delivers from the reported record; a full replay must not resend "a" either
    StreamsEventResponse retry = handler.handleRequest(event(record("INSERT", "a", "100"),
        record("INSERT", "b", "101"), record("INSERT", "c", "102")), null);

    assertThat(retry.getBatchItemFailures()).isEmpty();
    assertThat(mailer.sent()).extracting(EmailMessage::subject).containsExactly("a", "b", "c");
  }

  @Test
  void handleRequest_whenRejectedForGood_goesOnWithoutReportingAFailure() {
    enqueue("a", "b");
    mailer.failOnce("a", new MailRejectedException("MessageRejected", null));

    StreamsEventResponse response = handler.handleRequest(
        event(record("INSERT", "a", "100"), record("INSERT", "b", "101")), null);

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(outbox.entry("a").status).isEqualTo("failed");
    assertThat(mailer.sent()).extracting(EmailMessage::subject).containsExactly("b");
  }

  /** Enqueues one message per id, with the id as its subject. */
  private void enqueue(String... ids) {
    for (String id : ids) {
      outbox.enqueue(id, new EmailMessage("test", "reader@example.org", null, id, "text",
          "<p>html</p>", Map.of()));
    }
  }

  private static DynamodbEvent event(DynamodbEvent.DynamodbStreamRecord... records) {
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(new ArrayList<>(List.of(records)));
    return event;
  }

  private static DynamodbEvent.DynamodbStreamRecord record(String name, String id,
      String sequence) {
    StreamRecord stream = new StreamRecord();
    stream.setKeys(Map.of("id", new AttributeValue().withS(id)));
    stream.setSequenceNumber(sequence);
    stream.setStreamViewType(StreamViewType.KEYS_ONLY);
    DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
    record.setEventName(name);
    record.setDynamodb(stream);
    return record;
  }
}
