package dev.newsroom.mailsender;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.config.LambdaInvocation;
import dev.newsroom.mail.DynamoDbOutbox;
import dev.newsroom.mail.OutboxSender;
import dev.newsroom.mail.SesMailer;
import dev.newsroom.shared.Clock;
import dev.newsroom.shared.Invocation;
import dev.newsroom.shared.Log;
import dev.newsroom.subscriptions.DynamoDbSuppressionList;
import java.util.List;

/**
 * Reads new outbox items from the table's stream and sends them. On a failure that may pass it
 * reports that record and the rest of the batch as failed, so Lambda retries from there (in
 * order) and, after the configured attempts, sends the batch's pointer to the DLQ.
 *
 * <p>A package of its own because it wires two features: {@code mail}'s sender with the
 * subscribers' suppression list. Subscriptions write mail through the outbox, so a handler in
 * {@code mail} naming a subscriptions adapter would make the two packages depend on each other.
 */
public final class MailSenderHandler
    implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

  private final OutboxSender sender;

  public MailSenderHandler() {
    this(new OutboxSender(new DynamoDbOutbox(AwsClients.dynamoDb(), Env.require("OUTBOX_TABLE")),
        new SesMailer(AwsClients.sesV2(), Env.require("MAIL_FROM"),
            Env.optional("SES_CONFIGURATION_SET").orElse(null)),
        new DynamoDbSuppressionList(AwsClients.dynamoDb(), Env.require("SUBSCRIBERS_TABLE")),
        Clock.system()));
  }

  MailSenderHandler(OutboxSender sender) {
    this.sender = sender;
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    try (Invocation invocation = LambdaInvocation.open(context)) {
      return send(event);
    }
  }

  private StreamsEventResponse send(DynamodbEvent event) {
    for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
      if (!"INSERT".equals(record.getEventName())) {
        continue;
      }
      try {
        sender.process(record.getDynamodb().getKeys().get("id").getS());
      } catch (RuntimeException e) {
        // Lambda resumes from the first failed record, keeping the stream's order.
        Log.error("mail.retry", e);
        return StreamsEventResponse.builder().withBatchItemFailures(List.of(failure(record)))
            .build();
      }
    }
    return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
  }

  private static StreamsEventResponse.BatchItemFailure failure(
      DynamodbEvent.DynamodbStreamRecord record) {
    return StreamsEventResponse.BatchItemFailure.builder()
        .withItemIdentifier(record.getDynamodb().getSequenceNumber()).build();
  }
}
