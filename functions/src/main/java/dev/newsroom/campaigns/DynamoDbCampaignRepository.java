package dev.newsroom.campaigns;

import static dev.newsroom.config.DynamoDbAttributes.fromN;
import static dev.newsroom.config.DynamoDbTransactions.transactWriteItems;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

import dev.newsroom.config.AwsErrors;
import dev.newsroom.shared.Page;
import dev.newsroom.shared.UnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The campaigns table, one partition per campaign:
 * <ul>
 *   <li>{@code sk=campaign}: control state ({@code version}), expansion ({@code pages},
 *       {@code cursor}, {@code expanded}) and counters, each written by its own conditional
 *       update;</li>
 *   <li>{@code sk=content}: the email's content as JSON, written once;</li>
 *   <li>{@code sk=r#<subscriber id>}: one recipient;</li>
 *   <li>{@code sk=counted#<attempt id>}: that an attempt's tally was added (TTL).</li>
 * </ul>
 * Plus {@code pk=digest, sk=last}: the end of the latest digest's range.
 */
public final class DynamoDbCampaignRepository implements CampaignRepository {

  static final String CAMPAIGN = "campaign";
  static final String CONTENT = "content";
  static final String RECIPIENT = "r#";
  static final String COUNTED = "counted#";
  /** Longer than a message can live in SQS (14 days). */
  static final Duration COUNTED_TTL = Duration.ofDays(15);
  private static final int MAX_CONTENT_BYTES = 380_000;

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbCampaignRepository(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public boolean create(Campaign campaign, CampaignContent content) {
    String json = ContentJson.write(content);
    if (json.length() > MAX_CONTENT_BYTES) {
      throw new dev.newsroom.shared.ValidationException("article",
          "This article is too large for an email.");
    }
    Map<String, AttributeValue> contentItem = new HashMap<>(key(campaign.id(), CONTENT));
    contentItem.put("json", fromS(json));
    return transactWriteItems(dynamoDb, List.of(
        TransactWriteItem.builder().put(p -> p.tableName(table).item(CampaignItems.item(campaign))
            .conditionExpression("attribute_not_exists(pk)")).build(),
        TransactWriteItem.builder().put(p -> p.tableName(table).item(contentItem)
            .conditionExpression("attribute_not_exists(pk)")).build()));
  }

  @Override
  public Optional<Campaign> find(String id) {
    return get(key(id, CAMPAIGN)).map(CampaignItems::campaign);
  }

  @Override
  public Optional<CampaignContent> content(String id) {
    return get(key(id, CONTENT)).map(item -> ContentJson.read(item.get("json").s()));
  }

  @Override
  public boolean save(Campaign next) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":state", fromS(next.state().wire()));
    values.put(":updatedAt", fromS(next.updatedAt().toString()));
    values.put(":queued", AttributeValue.fromBool(next.startQueued()));
    values.put(":version", fromN(next.version()));
    values.put(":expected", fromN(next.version() - 1));
    StringBuilder set = new StringBuilder(
        "SET #state = :state, updatedAt = :updatedAt, startQueued = :queued, version = :version");
    List<String> remove = new ArrayList<>();
    optional(set, remove, values, "scheduledAt", next.scheduledAt());
    optional(set, remove, values, "startedAt", next.startedAt());
    optional(set, remove, values, "finishedAt", next.finishedAt());
    String expression = set + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
    return conditionalUpdate(key(next.id(), CAMPAIGN), expression, "version = :expected",
        Map.of("#state", "state"), values);
  }

  private static void optional(StringBuilder set, List<String> remove,
      Map<String, AttributeValue> values, String name, Instant value) {
    if (value == null) {
      remove.add(name);
    } else {
      set.append(", ").append(name).append(" = :").append(name);
      values.put(":" + name, fromS(value.toString()));
    }
  }

  @Override
  public Optional<Recipient> addRecipient(String campaignId, String subscriberId, long page) {
    Map<String, AttributeValue> item = new HashMap<>(key(campaignId, RECIPIENT + subscriberId));
    item.put("state", fromS(RecipientState.PENDING.wire()));
    item.put("page", fromN(page));
    try {
      dynamoDb.putItem(p -> p.tableName(table).item(item)
          .conditionExpression("attribute_not_exists(pk)")
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return Optional.empty();
    } catch (ConditionalCheckFailedException e) {
      return Optional.of(CampaignItems.recipient(campaignId, e.item()));
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  @Override
  public Optional<Campaign> commitPage(String campaignId, long page, String nextCursor,
      boolean done, long added) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":page", fromN(page));
    values.put(":previous", fromN(page - 1));
    values.put(":done", AttributeValue.fromBool(done));
    values.put(":added", fromN(added));
    String expression = "SET pages = :page, expanded = :done"
        + (nextCursor == null ? "" : ", expansionCursor = :cursor") + " ADD recipients :added"
        + (nextCursor == null ? " REMOVE expansionCursor" : "");
    if (nextCursor != null) {
      values.put(":cursor", fromS(nextCursor));
    }
    try {
      return Optional.of(CampaignItems.campaign(dynamoDb.updateItem(u -> u.tableName(table)
          .key(key(campaignId, CAMPAIGN)).updateExpression(expression)
          .conditionExpression("pages = :previous").expressionAttributeValues(values)
          .returnValues(ReturnValue.ALL_NEW)).attributes()));
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  @Override
  public List<Recipient> recipients(String campaignId, Collection<String> subscriberIds) {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (String id : new LinkedHashSet<>(subscriberIds)) {
      keys.add(key(campaignId, RECIPIENT + id));
    }
    List<Recipient> found = new ArrayList<>();
    try {
      for (int from = 0; from < keys.size(); from += 100) {
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
            .keys(keys.subList(from, Math.min(keys.size(), from + 100)))
            .consistentRead(true).build());
        for (int round = 0; !request.isEmpty(); round++) {
          if (round >= 8) {
            throw new UnavailableException("The data store is busy.", null);
          }
          Map<String, KeysAndAttributes> ask = request;
          BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(ask));
          response.responses().getOrDefault(table, List.of())
              .forEach(item -> found.add(CampaignItems.recipient(campaignId, item)));
          request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
      }
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
    return found;
  }

  @Override
  public Page<Recipient> recipients(String campaignId, RecipientState state, String cursor,
      int limit) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":pk", fromS(CampaignItems.partition(campaignId)));
    values.put(":prefix", fromS(RECIPIENT));
    if (state != null) {
      values.put(":state", fromS(state.wire()));
    }
    try {
      QueryResponse response = dynamoDb.query(q -> q.tableName(table).consistentRead(true)
          .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
          .filterExpression(state == null ? null : "#state = :state")
          .expressionAttributeNames(state == null ? null : Map.of("#state", "state"))
          .expressionAttributeValues(values).limit(limit)
          .exclusiveStartKey(cursor == null ? null : key(campaignId, RECIPIENT + cursor)));
      List<Recipient> items = response.items().stream()
          .map(item -> CampaignItems.recipient(campaignId, item)).toList();
      String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
          ? response.lastEvaluatedKey().get("sk").s().substring(RECIPIENT.length()) : null;
      return new Page<>(items, next);
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  @Override
  public boolean claim(String campaignId, String subscriberId, Instant leaseUntil) {
    return conditionalUpdate(key(campaignId, RECIPIENT + subscriberId),
        "SET #state = :sending, leaseUntil = :lease", "#state = :pending",
        Map.of("#state", "state"), Map.of(":sending", fromS(RecipientState.SENDING.wire()),
            ":pending", fromS(RecipientState.PENDING.wire()),
            ":lease", fromN(leaseUntil.toEpochMilli())));
  }

  @Override
  public boolean settle(String campaignId, String subscriberId, RecipientState from,
      RecipientState to, String reason, String batchId, Instant leaseExpiredBy) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":to", fromS(to.wire()));
    values.put(":from", fromS(from.wire()));
    values.put(":by", fromS(batchId));
    String condition = "#state = :from";
    if (leaseExpiredBy != null) {
      condition += " AND leaseUntil <= :now";
      values.put(":now", fromN(leaseExpiredBy.toEpochMilli()));
    }
    String set = "SET #state = :to, settledBy = :by";
    if (reason != null) {
      set += ", reason = :reason";
      values.put(":reason", fromS(reason));
    }
    return conditionalUpdate(key(campaignId, RECIPIENT + subscriberId), set, condition,
        Map.of("#state", "state"), values);
  }

  @Override
  public boolean release(String campaignId, String subscriberId) {
    return conditionalUpdate(key(campaignId, RECIPIENT + subscriberId),
        "SET #state = :pending REMOVE leaseUntil", "#state = :sending",
        Map.of("#state", "state"), Map.of(":sending", fromS(RecipientState.SENDING.wire()),
            ":pending", fromS(RecipientState.PENDING.wire())));
  }

  @Override
  public Optional<Campaign> count(String campaignId, String batchId, Tally tally) {
    Map<String, AttributeValue> marker = new HashMap<>(key(campaignId, COUNTED + batchId));
    marker.put("expiresAt", fromN(Instant.now().plus(COUNTED_TTL).getEpochSecond()));
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":sent", fromN(tally.sent()));
    values.put(":uncertain", fromN(tally.uncertain()));
    long failed = tally.failed().values().stream().mapToLong(Long::longValue).sum();
    long skipped = tally.skipped().values().stream().mapToLong(Long::longValue).sum();
    values.put(":failed", fromN(failed));
    values.put(":skipped", fromN(skipped));
    List<String> sets = new ArrayList<>();
    reasons("failedReasons", "f", tally.failed(), sets, names, values);
    reasons("skippedReasons", "s", tally.skipped(), sets, names, values);
    if (!sets.isEmpty()) {
      // DynamoDB refuses a value the expression does not use.
      values.put(":zero", fromN(0));
    }
    String expression = "ADD sent :sent, uncertain :uncertain, failed :failed, skipped :skipped"
        + (sets.isEmpty() ? "" : " SET " + String.join(", ", sets));
    boolean added = transactWriteItems(dynamoDb, List.of(
        TransactWriteItem.builder().put(p -> p.tableName(table).item(marker)
            .conditionExpression("attribute_not_exists(pk)")).build(),
        TransactWriteItem.builder().update(u -> u.tableName(table)
            .key(key(campaignId, CAMPAIGN)).updateExpression(expression)
            .conditionExpression("attribute_exists(pk)")
            .expressionAttributeNames(names.isEmpty() ? null : names)
            .expressionAttributeValues(values)).build()));
    return added ? find(campaignId) : Optional.empty();
  }

  private static void reasons(String map, String prefix, Map<String, Long> counts,
      List<String> sets, Map<String, String> names, Map<String, AttributeValue> values) {
    int i = 0;
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      String name = "#" + prefix + i;
      String value = ":" + prefix + i;
      names.put(name, entry.getKey());
      values.put(value, fromN(entry.getValue()));
      sets.add(map + "." + name + " = if_not_exists(" + map + "." + name + ", :zero) + " + value);
      i++;
    }
  }

  @Override
  public boolean counted(String campaignId, String batchId) {
    return get(key(campaignId, COUNTED + batchId)).isPresent();
  }

  @Override
  public boolean recordFeedback(String campaignId, String subscriberId, String kind) {
    String flag = "complaint".equals(kind) ? "complained" : "bounced";
    return transactWriteItems(dynamoDb, List.of(
        TransactWriteItem.builder().update(u -> u.tableName(table)
            .key(key(campaignId, RECIPIENT + subscriberId))
            .updateExpression("SET #flag = :true")
            .conditionExpression("attribute_exists(pk) AND attribute_not_exists(#flag)")
            .expressionAttributeNames(Map.of("#flag", flag))
            .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true)))).build(),
        TransactWriteItem.builder().update(u -> u.tableName(table)
            .key(key(campaignId, CAMPAIGN)).updateExpression("ADD #flag :one")
            .conditionExpression("attribute_exists(pk)")
            .expressionAttributeNames(Map.of("#flag", flag))
            .expressionAttributeValues(Map.of(":one", fromN(1)))).build()));
  }

  @Override
  public boolean recordUnsubscribe(String campaignId, String subscriberId) {
    return transactWriteItems(dynamoDb, List.of(
        TransactWriteItem.builder().update(u -> u.tableName(table)
            .key(key(campaignId, RECIPIENT + subscriberId))
            .updateExpression("SET unsubscribed = :true")
            .conditionExpression("attribute_exists(pk) AND #state IN (:sent, :uncertain)"
                + " AND attribute_not_exists(unsubscribed)")
            .expressionAttributeNames(Map.of("#state", "state"))
            .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true),
                ":sent", fromS(RecipientState.SENT.wire()),
                ":uncertain", fromS(RecipientState.UNCERTAIN.wire())))).build(),
        TransactWriteItem.builder().update(u -> u.tableName(table)
            .key(key(campaignId, CAMPAIGN)).updateExpression("ADD unsubscribed :one")
            .conditionExpression("attribute_exists(pk)")
            .expressionAttributeValues(Map.of(":one", fromN(1)))).build()));
  }

  @Override
  public Optional<Instant> lastDigestEnd() {
    return get(Map.of("pk", fromS("digest"), "sk", fromS("last")))
        .map(item -> Instant.ofEpochMilli(Long.parseLong(item.get("end").n())));
  }

  @Override
  public void recordDigestEnd(Instant end) {
    conditionalUpdate(Map.of("pk", fromS("digest"), "sk", fromS("last")), "SET #end = :end",
        "attribute_not_exists(#end) OR #end < :end", Map.of("#end", "end"),
        Map.of(":end", fromN(end.toEpochMilli())));
  }

  private boolean conditionalUpdate(Map<String, AttributeValue> key, String update,
      String condition, Map<String, String> names, Map<String, AttributeValue> values) {
    try {
      dynamoDb.updateItem(u -> u.tableName(table).key(key).updateExpression(update)
          .conditionExpression(condition).expressionAttributeNames(names)
          .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  private Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
    try {
      Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(key)
          .consistentRead(true)).item();
      return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  static Map<String, AttributeValue> key(String campaignId, String sk) {
    return Map.of("pk", fromS(CampaignItems.partition(campaignId)), "sk", fromS(sk));
  }
}
