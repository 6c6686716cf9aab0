package dev.newsroom.devserver;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Plays Lambda's DynamoDB event source mapping for one table's stream and one handler, the one
 * copy the dev server's background pollers and the infra tests' synchronous drivers share: every
 * shard from TRIM_HORIZON, batches of {@code batchSize}; a reported item failure
 * (ReportBatchItemFailures) or a thrown error re-invokes from the failed record, up to
 * {@code maxRetries} retries; then the rest of the batch goes to {@code onExhausted}, where Lambda
 * would use the OnFailure destination.
 *
 * <p>What differs between the two callers is a parameter: the pause before a retry (the dev server
 * backs off like Lambda, tests do not wait) and what happens to an exhausted batch (a log line in
 * the dev server, an SQS message in tests).
 */
public final class StreamMapping {

  /** Receives a batch that failed every retry, already cut at its first failed record. */
  public interface Exhausted {
    void accept(String streamArn, String shardId, List<Record> batch);
  }

  /** What one {@link #drain()} did. */
  public record Outcome(int invocations, int records, int exhausted) {}

  private final String table;
  private final RequestHandler<DynamodbEvent, Object> handler;
  private final int batchSize;
  private final int maxRetries;
  private final IntFunction<Duration> retryPause;
  private final Exhausted onExhausted;
  private final DynamoDbClient dynamoDb;
  private final DynamoDbStreamsClient streams;
  /** Shard id to the last sequence number handled (delivered or exhausted). */
  private final Map<String, String> positions = new HashMap<>();

  /**
   * @param retryPause the pause before retry number n (1-based)
   */
  public StreamMapping(String table, RequestHandler<DynamodbEvent, Object> handler, int batchSize,
      int maxRetries, IntFunction<Duration> retryPause, Exhausted onExhausted,
      DynamoDbClient dynamoDb, DynamoDbStreamsClient streams) {
    this.table = table;
    this.handler = handler;
    this.batchSize = batchSize;
    this.maxRetries = maxRetries;
    this.retryPause = retryPause;
    this.onExhausted = onExhausted;
    this.dynamoDb = dynamoDb;
    this.streams = streams;
  }

  public int maxRetries() {
    return maxRetries;
  }

  /** Skips everything already in the stream, so a test sees only what it causes. */
  public synchronized void skipToEnd() {
    for (Map.Entry<String, List<Record>> shard : readAll(streamArn()).entrySet()) {
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
    int exhausted = 0;
    String streamArn = streamArn();
    for (Map.Entry<String, List<Record>> shard : readAll(streamArn).entrySet()) {
      List<Record> pending = shard.getValue();
      records += pending.size();
      for (int start = 0; start < pending.size(); start += batchSize) {
        int end = Math.min(pending.size(), start + batchSize);
        List<Record> batch = pending.subList(start, end);
        for (int attempt = 0; ; attempt++) {
          if (attempt > 0) {
            pause(retryPause.apply(attempt));
          }
          invocations++;
          String failedAt = invoke(streamArn, batch);
          if (failedAt == null) {
            break;
          }
          batch = from(batch, failedAt);
          if (attempt == maxRetries) {
            onExhausted.accept(streamArn, shard.getKey(), batch);
            exhausted++;
            break;
          }
        }
        positions.put(shard.getKey(), pending.get(end - 1).dynamodb().sequenceNumber());
      }
    }
    return new Outcome(invocations, records, exhausted);
  }

  private String streamArn() {
    return dynamoDb.describeTable(r -> r.tableName(table)).table().latestStreamArn();
  }

  /** New records of every shard, in order. */
  private Map<String, List<Record>> readAll(String streamArn) {
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
        // DynamoDB Local answers this for a shard with no record yet.
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

  /** An interrupt (the dev server stopping) ends the pause, not the delivery in progress. */
  private static void pause(Duration duration) {
    if (duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
}
