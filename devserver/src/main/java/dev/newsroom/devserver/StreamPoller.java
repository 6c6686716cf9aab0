package dev.newsroom.devserver;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Plays Lambda's DynamoDB event source mapping for one stream and one handler: reads every shard
 * from the start, invokes the handler with batches, retries from the first failed record, and
 * after {@code maxRetries} drops the batch with a log line, where AWS would use the DLQ.
 */
final class StreamPoller implements Runnable {

  private final DynamoDbClient dynamoDb;
  private final DynamoDbStreamsClient streams;
  private final String table;
  private final RequestHandler<DynamodbEvent, Object> handler;
  private final int maxRetries;
  private final Map<String, String> iterators = new HashMap<>();
  private volatile boolean running = true;

  StreamPoller(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, String table,
      RequestHandler<DynamodbEvent, Object> handler, int maxRetries) {
    this.dynamoDb = dynamoDb;
    this.streams = streams;
    this.table = table;
    this.handler = handler;
    this.maxRetries = maxRetries;
  }

  void stop() {
    running = false;
  }

  @Override
  public void run() {
    String streamArn = dynamoDb.describeTable(r -> r.tableName(table)).table().latestStreamArn();
    long lastDiscovery = 0;
    while (running) {
      try {
        if (System.currentTimeMillis() - lastDiscovery > 1000) {
          discover(streamArn);
          lastDiscovery = System.currentTimeMillis();
        }
        boolean busy = false;
        for (String shard : List.copyOf(iterators.keySet())) {
          busy |= poll(streamArn, shard);
        }
        if (!busy) {
          Thread.sleep(200);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (running) {
          System.err.println("stream poller for " + table + ": " + e.getClass().getSimpleName());
        }
        sleepQuietly(1000);
      }
    }
  }

  private void discover(String streamArn) {
    for (Shard shard : streams.describeStream(r -> r.streamArn(streamArn)).streamDescription()
        .shards()) {
      iterators.computeIfAbsent(shard.shardId(), id -> streams.getShardIterator(r -> r
          .streamArn(streamArn).shardId(id).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
          .shardIterator());
    }
  }

  private boolean poll(String streamArn, String shard) {
    String iterator = iterators.get(shard);
    if (iterator == null) {
      return false;
    }
    GetRecordsResponse response;
    try {
      response = streams.getRecords(r -> r.shardIterator(iterator).limit(10));
    } catch (TrimmedDataAccessException e) {
      // DynamoDB Local answers this for an iterator taken before the shard's first record:
      // forget it, and the next discovery takes a fresh one.
      iterators.remove(shard);
      return false;
    }
    iterators.put(shard, response.nextShardIterator());
    if (response.records().isEmpty()) {
      return false;
    }
    deliver(streamArn, response.records());
    return true;
  }

  private void deliver(String streamArn, List<Record> records) {
    List<Record> batch = records;
    for (int attempt = 0; attempt <= maxRetries && !batch.isEmpty(); attempt++) {
      if (attempt > 0) {
        sleepQuietly(Math.min(4000, 250L << attempt));
      }
      String failedAt = invoke(streamArn, batch);
      if (failedAt == null) {
        return;
      }
      batch = from(batch, failedAt);
    }
    System.err.println("stream " + table + ": " + batch.size()
        + " record(s) failed every retry; AWS would send them to the DLQ");
  }

  /** Returns the sequence number of the first failed record, or null if all succeeded. */
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

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
