package dev.newsroom.infra;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.devserver.StreamEvents;
import dev.newsroom.web.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Plays Lambda's DynamoDB event source mapping for one function of template.yaml, synchronously,
 * so a test decides when the stream is read: batches of {@code BatchSize}; a reported item failure
 * (or a thrown error) re-invokes from the failed record, up to {@code MaximumRetryAttempts}; then
 * the batch's description goes to the {@code OnFailure} SQS destination, as Lambda sends it.
 *
 * <p>The stream is read over a direct connection: Lambda's poller is not the function, so faults
 * injected between the function and DynamoDB do not touch it.
 */
public final class StreamDriver {

  /** What one {@link #drain()} did. */
  public record Outcome(int invocations, int records, int sentToDlq) {}

  private final String functionId;
  private final String table;
  private final RequestHandler<DynamodbEvent, Object> handler;
  private final int batchSize;
  private final int maxRetries;
  private final String dlqUrl;
  private final DynamoDbClient dynamoDb;
  private final DynamoDbStreamsClient streams;
  private final SqsClient sqs;
  /** Shard id to the last sequence number handled (delivered or sent to the DLQ). */
  private final Map<String, String> positions = new HashMap<>();
  private int totalInvocations;

  StreamDriver(String functionId, String table, RequestHandler<DynamodbEvent, Object> handler,
      int batchSize, int maxRetries, String dlqUrl, DynamoDbClient dynamoDb,
      DynamoDbStreamsClient streams, SqsClient sqs) {
    this.functionId = functionId;
    this.table = table;
    this.handler = handler;
    this.batchSize = batchSize;
    this.maxRetries = maxRetries;
    this.dlqUrl = dlqUrl;
    this.dynamoDb = dynamoDb;
    this.streams = streams;
    this.sqs = sqs;
  }

  public String functionId() {
    return functionId;
  }

  public int maxRetries() {
    return maxRetries;
  }

  public int totalInvocations() {
    return totalInvocations;
  }

  /** Skips everything already in the stream, so a test sees only what it causes. */
  public synchronized void skipToEnd() {
    for (Map.Entry<String, List<Record>> shard : readAll().entrySet()) {
      List<Record> records = shard.getValue();
      if (!records.isEmpty()) {
        positions.put(shard.getKey(), records.get(records.size() - 1).dynamodb().sequenceNumber());
      }
    }
  }

  /** Delivers every record written since the last call, with Lambda's retry rules. */
  public synchronized Outcome drain() {
    int invocations = 0;
    int records = 0;
    int toDlq = 0;
    String streamArn = streamArn();
    for (Map.Entry<String, List<Record>> shard : readAll().entrySet()) {
      List<Record> pending = shard.getValue();
      records += pending.size();
      for (int start = 0; start < pending.size(); start += batchSize) {
        List<Record> batch = pending.subList(start, Math.min(pending.size(), start + batchSize));
        int retries = 0;
        while (!batch.isEmpty()) {
          invocations++;
          String failedAt = invoke(streamArn, batch);
          if (failedAt == null) {
            break;
          }
          batch = from(batch, failedAt);
          if (retries++ == maxRetries) {
            sendToDlq(streamArn, shard.getKey(), batch);
            toDlq++;
            break;
          }
        }
        positions.put(shard.getKey(),
            pending.get(Math.min(pending.size(), start + batchSize) - 1).dynamodb()
                .sequenceNumber());
      }
    }
    totalInvocations += invocations;
    return new Outcome(invocations, records, toDlq);
  }

  private String streamArn() {
    return dynamoDb.describeTable(r -> r.tableName(table)).table().latestStreamArn();
  }

  /** New records of every shard, in order. */
  private Map<String, List<Record>> readAll() {
    String streamArn = streamArn();
    Map<String, List<Record>> byShard = new LinkedHashMap<>();
    for (Shard shard : streams.describeStream(r -> r.streamArn(streamArn)).streamDescription()
        .shards()) {
      List<Record> records = new ArrayList<>();
      String after = positions.get(shard.shardId());
      String iterator;
      try {
        iterator = streams.getShardIterator(r -> {
          r.streamArn(streamArn).shardId(shard.shardId());
          if (after == null) {
            r.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
          } else {
            r.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
          }
        }).shardIterator();
      } catch (TrimmedDataAccessException empty) {
        continue;
      }
      // An open shard keeps handing out iterators; stop at the first empty page.
      for (int page = 0; iterator != null && page < 1000; page++) {
        String current = iterator;
        GetRecordsResponse response;
        try {
          response = streams.getRecords(r -> r.shardIterator(current).limit(1000));
        } catch (TrimmedDataAccessException empty) {
          break;
        }
        if (response.records().isEmpty()) {
          break;
        }
        records.addAll(response.records());
        iterator = response.nextShardIterator();
      }
      byShard.put(shard.shardId(), records);
    }
    return byShard;
  }

  /** Returns the sequence number to resume from, or null when the batch succeeded. */
  private String invoke(String streamArn, List<Record> batch) {
    DynamodbEvent event = new DynamodbEvent();
    List<DynamodbEvent.DynamodbStreamRecord> converted = new ArrayList<>();
    for (Record record : batch) {
      converted.add(StreamEvents.convert(streamArn, record));
    }
    event.setRecords(converted);
    try {
      Object result = handler.handleRequest(event, null);
      if (result instanceof StreamsEventResponse response
          && response.getBatchItemFailures() != null
          && !response.getBatchItemFailures().isEmpty()) {
        return response.getBatchItemFailures().get(0).getItemIdentifier();
      }
      return null;
    } catch (RuntimeException e) {
      // A function error: Lambda retries the whole batch.
      return batch.get(0).dynamodb().sequenceNumber();
    }
  }

  private static List<Record> from(List<Record> batch, String sequenceNumber) {
    for (int i = 0; i < batch.size(); i++) {
      if (batch.get(i).dynamodb().sequenceNumber().equals(sequenceNumber)) {
        return batch.subList(i, batch.size());
      }
    }
    return batch;
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
        "approximateInvokeCount", maxRetries + 1));
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
