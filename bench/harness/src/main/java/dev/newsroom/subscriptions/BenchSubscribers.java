package dev.newsroom.subscriptions;

import dev.newsroom.shared.EmailAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Confirmed subscribers for benchmarks, stored as the repository stores a confirmed signup. */
public final class BenchSubscribers {

  private BenchSubscribers() {}

  /** The address of subscriber {@code i}. */
  public static String email(int i) {
    return "reader" + i + "@bench.example";
  }

  /** Stores {@code count} confirmed subscribers following all news, in batches of 25. */
  public static void load(DynamoDbClient dynamoDb, String table, int count, Instant at) {
    List<WriteRequest> pending = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      EmailAddress address = EmailAddress.parse(email(i));
      Subscriber subscriber = new Subscriber(SubscriberIds.of(address), address.canonical(), null,
          SubscriberStatus.CONFIRMED, "signup-" + i, "/", at, at, at, null, null, null, null, at,
          null, null, Topics.ALL, 2);
      pending.add(WriteRequest.builder().putRequest(p -> p.item(
          SubscriberItems.profileItem(subscriber))).build());
      if (pending.size() >= 25) {
        flush(dynamoDb, table, pending);
      }
    }
    while (!pending.isEmpty()) {
      flush(dynamoDb, table, pending);
    }
  }

  private static void flush(DynamoDbClient dynamoDb, String table, List<WriteRequest> pending) {
    List<WriteRequest> batch = new ArrayList<>(pending.subList(0, Math.min(25, pending.size())));
    pending.subList(0, batch.size()).clear();
    BatchWriteItemResponse response = dynamoDb.batchWriteItem(r -> r.requestItems(
        Map.of(table, batch)));
    pending.addAll(response.unprocessedItems().getOrDefault(table, List.of()));
  }
}
