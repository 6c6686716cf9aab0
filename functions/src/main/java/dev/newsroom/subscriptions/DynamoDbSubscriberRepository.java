package dev.newsroom.subscriptions;

import dev.newsroom.config.AwsErrors;
import dev.newsroom.mail.DynamoDbOutbox;
import dev.newsroom.shared.Hashing;
import dev.newsroom.shared.UnavailableException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The subscribers table, one partition per subscriber and one per confirmation token:
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

  static final String PROFILE = "profile";
  static final String TOKEN = "token";
  private static final DateTimeFormatter EVENT_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  /** BatchWriteItem's limit. */
  private static final int BATCH = 25;

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
    return get(subscriberKey(id), PROFILE).map(DynamoDbSubscriberRepository::subscriber);
  }

  @Override
  public Optional<ConfirmationToken> findToken(String hash) {
    return get("token#" + hash, TOKEN).map(DynamoDbSubscriberRepository::token);
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
          .key(key("token#" + change.spentTokenHash(), TOKEN))
          .updateExpression("SET usedAt = :now")
          .conditionExpression(
              "attribute_exists(pk) AND attribute_not_exists(usedAt) AND expiresAt > :epoch")
          .expressionAttributeValues(Map.of(":now", s(now.toString()),
              ":epoch", n(now.getEpochSecond())))).build());
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
      boolean lostRace = e.cancellationReasons().stream().anyMatch(reason ->
          "ConditionalCheckFailed".equals(reason.code())
              || "TransactionConflict".equals(reason.code()));
      if (lostRace) {
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
      events.add(event(item));
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
    List<WriteRequest> deletes = new ArrayList<>();
    for (Map<String, AttributeValue> item : queryEvents(tombstone.id(), true)) {
      deletes.add(WriteRequest.builder().deleteRequest(d -> d.key(
          key(item.get("pk").s(), item.get("sk").s()))).build());
    }
    for (int from = 0; from < deletes.size(); from += BATCH) {
      deleteAll(deletes.subList(from, Math.min(deletes.size(), from + BATCH)));
    }
    return true;
  }

  private void deleteAll(List<WriteRequest> batch) {
    Map<String, List<WriteRequest>> pending = Map.of(table, batch);
    try {
      // Unprocessed items (throttling) are sent again a few times, then the caller retries.
      for (int round = 0; !pending.getOrDefault(table, List.of()).isEmpty(); round++) {
        if (round >= 5) {
          throw new UnavailableException("The data store is busy.", null);
        }
        Map<String, List<WriteRequest>> request = pending;
        BatchWriteItemResponse response = dynamoDb.batchWriteItem(r -> r.requestItems(request));
        pending = response.unprocessedItems();
      }
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
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
              .expressionAttributeValues(Map.of(":pk", s(subscriberKey(id)),
                  ":event", s("event#")))
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
    return next.version() == 1 ? null : Map.of(":expected", n(next.version() - 1));
  }

  static String subscriberKey(String id) {
    return "sub#" + id;
  }

  static Map<String, AttributeValue> profileItem(Subscriber v) {
    Map<String, AttributeValue> item = new HashMap<>(key(subscriberKey(v.id()), PROFILE));
    item.put("id", s(v.id()));
    item.put("status", s(v.status().wire()));
    item.put("version", n(v.version()));
    item.put("createdAt", s(v.createdAt().toString()));
    item.put("updatedAt", s(v.updatedAt().toString()));
    put(item, "email", v.email());
    put(item, "name", v.name());
    put(item, "signupId", v.signupId());
    put(item, "page", v.page());
    put(item, "confirmedAt", v.confirmedAt());
    put(item, "unsubscribedAt", v.unsubscribedAt());
    put(item, "suppressedAt", v.suppressedAt());
    put(item, "suppressionReason", v.suppressionReason());
    put(item, "erasedAt", v.erasedAt());
    put(item, "lastConfirmationAt", v.lastConfirmationAt());
    put(item, "lastDataRequestAt", v.lastDataRequestAt());
    put(item, "lastFeedbackId", v.lastFeedbackId());
    if (!v.topics().all()) {
      item.put("topicTags", AttributeValue.fromSs(List.copyOf(v.topics().tags())));
    }
    return item;
  }

  static Subscriber subscriber(Map<String, AttributeValue> item) {
    return new Subscriber(item.get("id").s(), text(item, "email"), text(item, "name"),
        SubscriberStatus.fromWire(item.get("status").s()), text(item, "signupId"),
        text(item, "page"), time(item, "createdAt"), time(item, "updatedAt"),
        time(item, "confirmedAt"), time(item, "unsubscribedAt"), time(item, "suppressedAt"),
        text(item, "suppressionReason"), time(item, "erasedAt"),
        time(item, "lastConfirmationAt"), time(item, "lastDataRequestAt"),
        text(item, "lastFeedbackId"), topics(item), Long.parseLong(item.get("version").n()));
  }

  /** No {@code topicTags} (all news, or a profile stored before topics existed): all news. */
  private static Topics topics(Map<String, AttributeValue> item) {
    AttributeValue tags = item.get("topicTags");
    return tags == null || !tags.hasSs() || tags.ss().isEmpty()
        ? Topics.ALL : new Topics(false, new java.util.HashSet<>(tags.ss()));
  }

  /** Sort keys in fixed-width time, so the log reads oldest first; the suffix keeps them unique. */
  static Map<String, AttributeValue> eventItem(String id, ConsentEvent e) {
    Map<String, AttributeValue> item = new HashMap<>(key(subscriberKey(id),
        "event#" + EVENT_TIME.format(e.at()) + "#" + Hashing.randomToken(6)));
    item.put("type", s(e.type().wire()));
    item.put("at", s(e.at().toString()));
    put(item, "ip", e.ip());
    put(item, "userAgent", e.userAgent());
    put(item, "page", e.page());
    put(item, "consentVersion", e.consentVersion());
    put(item, "detail", e.detail());
    return item;
  }

  static ConsentEvent event(Map<String, AttributeValue> item) {
    return new ConsentEvent(ConsentEvent.Type.fromWire(item.get("type").s()),
        Instant.parse(item.get("at").s()), text(item, "ip"), text(item, "userAgent"),
        text(item, "page"), text(item, "consentVersion"), text(item, "detail"));
  }

  static Map<String, AttributeValue> tokenItem(ConfirmationToken t) {
    Map<String, AttributeValue> item = new HashMap<>(key("token#" + t.hash(), TOKEN));
    item.put("subscriberId", s(t.subscriberId()));
    item.put("signupId", s(t.signupId()));
    item.put("consentVersion", s(t.consentVersion()));
    item.put("createdAt", s(t.createdAt().toString()));
    item.put("expiresAt", n(t.expiresAt().getEpochSecond()));
    put(item, "page", t.page());
    put(item, "usedAt", t.usedAt());
    return item;
  }

  static ConfirmationToken token(Map<String, AttributeValue> item) {
    return new ConfirmationToken(item.get("pk").s().substring("token#".length()),
        item.get("subscriberId").s(), item.get("signupId").s(), text(item, "page"),
        item.get("consentVersion").s(), Instant.parse(item.get("createdAt").s()),
        Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n())), time(item, "usedAt"));
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", s(pk), "sk", s(sk));
  }

  private static void put(Map<String, AttributeValue> item, String name, String value) {
    if (value != null) {
      item.put(name, s(value));
    }
  }

  private static void put(Map<String, AttributeValue> item, String name, Instant value) {
    if (value != null) {
      item.put(name, s(value.toString()));
    }
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  private static Instant time(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : Instant.parse(value.s());
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
