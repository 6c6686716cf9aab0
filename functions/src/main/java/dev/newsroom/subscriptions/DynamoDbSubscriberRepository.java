package dev.newsroom.subscriptions;

import static dev.newsroom.config.DynamoDbAttributes.fromN;
import static dev.newsroom.config.DynamoDbTransactions.conditionFailed;
import static dev.newsroom.config.DynamoDbTransactions.conflicted;
import static dev.newsroom.subscriptions.SubscriberItems.PROFILE;
import static dev.newsroom.subscriptions.SubscriberItems.TOKEN;
import static dev.newsroom.subscriptions.SubscriberItems.eventItem;
import static dev.newsroom.subscriptions.SubscriberItems.key;
import static dev.newsroom.subscriptions.SubscriberItems.profileItem;
import static dev.newsroom.subscriptions.SubscriberItems.subscriberKey;
import static dev.newsroom.subscriptions.SubscriberItems.tokenItem;
import static dev.newsroom.subscriptions.SubscriberItems.tokenKey;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

import dev.newsroom.config.AwsErrors;
import dev.newsroom.mail.DynamoDbOutbox;
import dev.newsroom.shared.UnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The subscribers table (items laid out by {@link SubscriberItems}), one partition per
 * subscriber and one per confirmation token:
 * <ul>
 *   <li>{@code pk=sub#<id>, sk=profile}: the subscription, with a {@code version} for conditional
 *       writes; {@code topicTags} (a string set) only when it follows chosen tags, so a
 *       profile without it, stored before topics existed too, follows all news;</li>
 *   <li>{@code pk=sub#<id>, sk=event#<time>#<random>}: the consent log, written only by
 *       conditional puts of new items, never updated;</li>
 *   <li>{@code pk=token#<sha256>, sk=token}: a confirmation token's hash, its subscriber and
 *       signup, and {@code expiresAt} for TTL.</li>
 * </ul>
 * A change and the email it causes are one TransactWriteItems with the outbox table.
 */
public final class DynamoDbSubscriberRepository implements SubscriberRepository {

  /** BatchWriteItem's limit. */
  private static final int BATCH = 25;
  private static final int UNPROCESSED_ATTEMPTS = 5;
  /** The SDK's DynamoDB base delay (25 ms), doubling, with full jitter, at most 1 s a wait. */
  private static final BackoffStrategy UNPROCESSED_BACKOFF =
      BackoffStrategy.exponentialDelay(Duration.ofMillis(25), Duration.ofSeconds(1));

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final String outboxTable;

  /** @param outboxTable the outbox, or null for functions that never send mail */
  public DynamoDbSubscriberRepository(DynamoDbClient dynamoDb, String table, String outboxTable) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.outboxTable = outboxTable;
  }

  @Override
  public Optional<Subscriber> find(String id) {
    return get(subscriberKey(id), PROFILE).map(SubscriberItems::subscriber);
  }

  @Override
  public Optional<ConfirmationToken> findToken(String hash) {
    return get(tokenKey(hash), TOKEN).map(SubscriberItems::token);
  }

  @Override
  public boolean apply(Change change) {
    Subscriber next = change.next();
    Instant now = next.updatedAt();
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(putProfile(next));
    for (ConsentEvent event : change.events()) {
      writes.add(TransactWriteItem.builder().put(p -> p.tableName(table)
          .item(eventItem(next.id(), event))
          .conditionExpression("attribute_not_exists(pk)")).build());
    }
    if (change.newToken() != null) {
      writes.add(TransactWriteItem.builder().put(p -> p.tableName(table)
          .item(tokenItem(change.newToken()))
          .conditionExpression("attribute_not_exists(pk)")).build());
    }
    if (change.spentTokenHash() != null) {
      writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
          .key(key(tokenKey(change.spentTokenHash()), TOKEN))
          .updateExpression("SET usedAt = :now")
          .conditionExpression(
              "attribute_exists(pk) AND attribute_not_exists(usedAt) AND expiresAt > :epoch")
          .expressionAttributeValues(Map.of(":now", fromS(now.toString()),
              ":epoch", fromN(now.getEpochSecond())))).build());
    }
    if (change.email() != null) {
      if (outboxTable == null) {
        throw new IllegalStateException("this function has no outbox table");
      }
      writes.add(DynamoDbOutbox.enqueue(outboxTable, change.email().outboxId(),
          change.email().message(), now));
    }
    try {
      dynamoDb.transactWriteItems(r -> r.transactItems(writes));
      return true;
    } catch (TransactionCanceledException e) {
      // A failed condition, or a concurrent transaction on the same items: another request got
      // there first, and the caller decides again from what is stored now.
      if (conditionFailed(e) || conflicted(e)) {
        return false;
      }
      throw new UnavailableException("The data store is busy.", e);
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  @Override
  public List<ConsentEvent> events(String id) {
    List<ConsentEvent> events = new ArrayList<>();
    for (Map<String, AttributeValue> item : queryEvents(id, false)) {
      events.add(SubscriberItems.event(item));
    }
    return events;
  }

  @Override
  public boolean erase(Subscriber tombstone) {
    try {
      dynamoDb.putItem(p -> p.tableName(table).item(profileItem(tombstone))
          .conditionExpression(versionCondition(tombstone))
          .expressionAttributeNames(versionNames(tombstone))
          .expressionAttributeValues(versionValues(tombstone)));
    } catch (ConditionalCheckFailedException e) {
      return false;
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
    // The tombstone is in place (no more mail, nothing personal on it); now the log goes. If
    // this is interrupted, erasing again sweeps the rest.
    deleteEvents(tombstone.id());
    return true;
  }

  @Override
  public void deleteEvents(String id) {
    List<WriteRequest> deletes = new ArrayList<>();
    for (Map<String, AttributeValue> item : queryEvents(id, true)) {
      deletes.add(WriteRequest.builder().deleteRequest(d -> d.key(
          key(item.get("pk").s(), item.get("sk").s()))).build());
    }
    for (int from = 0; from < deletes.size(); from += BATCH) {
      deleteAll(deletes.subList(from, Math.min(deletes.size(), from + BATCH)));
    }
  }

  private void deleteAll(List<WriteRequest> batch) {
    Map<String, List<WriteRequest>> pending = Map.of(table, batch);
    try {
      // Unprocessed items (throttling) are sent again after the SDK's jittered exponential
      // backoff, a few times; then the caller retries the whole erase.
      for (int attempt = 1; !pending.getOrDefault(table, List.of()).isEmpty(); attempt++) {
        if (attempt > UNPROCESSED_ATTEMPTS) {
          throw new UnavailableException("The data store is busy.", null);
        }
        if (attempt > 1) {
          sleep(UNPROCESSED_BACKOFF.computeDelay(attempt - 1));
        }
        Map<String, List<WriteRequest>> request = pending;
        BatchWriteItemResponse response = dynamoDb.batchWriteItem(r -> r.requestItems(request));
        pending = response.unprocessedItems();
      }
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("Interrupted.", e);
    }
  }

  private List<Map<String, AttributeValue>> queryEvents(String id, boolean keysOnly) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    try {
      do {
        Map<String, AttributeValue> from = start;
        QueryResponse response = dynamoDb.query(q -> {
          q.tableName(table).consistentRead(true)
              .keyConditionExpression("pk = :pk AND begins_with(sk, :event)")
              .expressionAttributeValues(Map.of(":pk", fromS(subscriberKey(id)),
                  ":event", fromS("event#")))
              .exclusiveStartKey(from);
          if (keysOnly) {
            q.projectionExpression("pk, sk");
          }
        });
        items.addAll(response.items());
        start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
            ? response.lastEvaluatedKey() : null;
      } while (start != null);
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
    return items;
  }

  private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
    try {
      Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
          .key(key(pk, sk)).consistentRead(true)).item();
      return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  /** Written whole; only over the version it was derived from (or where none is stored). */
  private TransactWriteItem putProfile(Subscriber next) {
    return TransactWriteItem.builder().put(p -> p.tableName(table).item(profileItem(next))
        .conditionExpression(versionCondition(next))
        .expressionAttributeNames(versionNames(next))
        .expressionAttributeValues(versionValues(next))).build();
  }

  private static String versionCondition(Subscriber next) {
    return next.version() == 1 ? "attribute_not_exists(pk)" : "#v = :expected";
  }

  private static Map<String, String> versionNames(Subscriber next) {
    return next.version() == 1 ? null : Map.of("#v", "version");
  }

  private static Map<String, AttributeValue> versionValues(Subscriber next) {
    return next.version() == 1 ? null : Map.of(":expected", fromN(next.version() - 1));
  }
}
