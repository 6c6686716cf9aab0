package dev.newsroom.infra;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.devserver.StreamMapping;
import dev.newsroom.shared.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Plays Lambda's DynamoDB event source mapping ({@link StreamMapping}) for one function of
 * template.yaml, synchronously, so a test decides when the stream is read: batches of
 * {@code BatchSize}, retries without waiting, then the batch's description goes to the
 * {@code OnFailure} SQS destination, as Lambda sends it.
 *
 * <p>The stream is read over a direct connection: Lambda's poller is not the function, so faults
 * injected between the function and DynamoDB do not touch it.
 */
public final class StreamDriver {

  /** What one {@link #drain()} did. */
  public record Outcome(int invocations, int records, int sentToDlq) {}

  private final String functionId;
  private final String dlqUrl;
  private final SqsClient sqs;
  private final StreamMapping mapping;
  private int totalInvocations;

  StreamDriver(String functionId, String table, RequestHandler<DynamodbEvent, Object> handler,
      int batchSize, int maxRetries, String dlqUrl, DynamoDbClient dynamoDb,
      DynamoDbStreamsClient streams, SqsClient sqs) {
    this.functionId = functionId;
    this.dlqUrl = dlqUrl;
    this.sqs = sqs;
    this.mapping = new StreamMapping(table, handler, batchSize, maxRetries,
        attempt -> Duration.ZERO, this::sendToDlq, dynamoDb, streams);
  }

  public String functionId() {
    return functionId;
  }

  public int maxRetries() {
    return mapping.maxRetries();
  }

  public int totalInvocations() {
    return totalInvocations;
  }

  /** Skips everything already in the stream, so a test sees only what it causes. */
  public void skipToEnd() {
    mapping.skipToEnd();
  }

  /** Delivers every record written since the last call, with Lambda's retry rules. */
  public synchronized Outcome drain() {
    StreamMapping.Outcome outcome = mapping.drain();
    totalInvocations += outcome.invocations();
    return new Outcome(outcome.invocations(), outcome.records(), outcome.exhausted());
  }

  /** The on-failure record Lambda writes for a stream batch: where it was, not what it held. */
  private void sendToDlq(String streamArn, String shardId, List<Record> batch) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("shardId", shardId);
    info.put("startSequenceNumber", batch.get(0).dynamodb().sequenceNumber());
    info.put("endSequenceNumber", batch.get(batch.size() - 1).dynamodb().sequenceNumber());
    info.put("batchSize", batch.size());
    info.put("streamArn", streamArn);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("requestContext", Map.of("condition", "RetryAttemptsExhausted",
        "functionArn", "arn:aws:lambda:us-east-1:000000000000:function:" + functionId,
        "approximateInvokeCount", maxRetries() + 1));
    body.put("DDBStreamBatchInfo", info);
    sqs.sendMessage(r -> r.queueUrl(dlqUrl).messageBody(Json.write(body)));
  }

  /** Messages waiting in this function's DLQ. */
  public List<JsonNode> deadLetters() {
    List<JsonNode> messages = new ArrayList<>();
    sqs.receiveMessage(r -> r.queueUrl(dlqUrl).maxNumberOfMessages(10).visibilityTimeout(0))
        .messages().forEach(m -> {
          try {
            messages.add(Json.mapper().readTree(m.body()));
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
        });
    return messages;
  }

  /** Deletes every waiting message (PurgeQueue is limited to once a minute). */
  public void purgeDeadLetters() {
    while (true) {
      var messages = sqs.receiveMessage(r -> r.queueUrl(dlqUrl).maxNumberOfMessages(10))
          .messages();
      if (messages.isEmpty()) {
        return;
      }
      messages.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(dlqUrl)
          .receiptHandle(m.receiptHandle())));
    }
  }
}
