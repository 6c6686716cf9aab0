package dev.newsroom.contact;

import static dev.newsroom.config.DynamoDbAttributes.fromN;
import static dev.newsroom.config.DynamoDbAttributes.instantOrNull;
import static dev.newsroom.config.DynamoDbAttributes.putIfPresent;
import static dev.newsroom.config.DynamoDbAttributes.stringOrNull;
import static dev.newsroom.config.DynamoDbTransactions.conditionFailed;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

import dev.newsroom.config.AwsErrors;
import dev.newsroom.mail.DynamoDbOutbox;
import dev.newsroom.shared.Page;
import dev.newsroom.shared.UnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Contact messages in their own table, one item per message ({@code pk=id}). The editors' listing
 * is the {@code byStatus} index ({@code status}, {@code receivedKey = receivedAt#id}), read
 * newest first with Query. A new message and its outbox items are one transaction.
 */
public final class DynamoDbContactMessageRepository implements ContactMessageRepository {

  static final String STATUS_INDEX = "byStatus";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final String outboxTable;

  public DynamoDbContactMessageRepository(DynamoDbClient dynamoDb, String table,
      String outboxTable) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.outboxTable = outboxTable;
  }

  @Override
  public Saved saveNew(ContactMessage message, String previousId,
      List<OutgoingEmail> emails) {
    List<TransactWriteItem> writes = new ArrayList<>();
    if (previousId != null) {
      // The same content in the previous window is the same message sent twice across the edge.
      writes.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName(table)
          .key(key(previousId)).conditionExpression("attribute_not_exists(id)")).build());
    }
    writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item(message))
        .conditionExpression("attribute_not_exists(id)")).build());
    for (OutgoingEmail email : emails) {
      writes.add(DynamoDbOutbox.enqueue(outboxTable, email.outboxId(), email.message(),
          message.receivedAt()));
    }
    try {
      dynamoDb.transactWriteItems(r -> r.transactItems(writes));
      return new Saved(message.id(), false);
    } catch (TransactionCanceledException e) {
      if (previousId != null && conditionFailed(e, 0)) {
        return new Saved(previousId, true);
      }
      if (conditionFailed(e)) {
        return new Saved(message.id(), true);
      }
      // A concurrent twin or throttling: nothing was written, so the client may simply retry.
      throw new UnavailableException("The data store is busy.", e);
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  @Override
  public Optional<ContactMessage> find(String id) {
    try {
      Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(key(id))
          .consistentRead(true)).item();
      return item == null || item.isEmpty() ? Optional.empty() : Optional.of(message(item));
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  /**
   * Reads until the page plus one is full, so the last page carries no cursor. Expired items are
   * filtered out by the query (a filter applies after Limit, hence the loop).
   */
  @Override
  public Page<ContactMessage> list(ContactStatus status, int limit, String afterKey,
      Instant now) {
    Map<String, String> names = new HashMap<>(Map.of("#st", "status"));
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":st", fromS(status.wire()));
    values.put(":now", fromN(now.getEpochSecond()));
    String condition = "#st = :st";
    if (afterKey != null) {
      condition += " AND receivedKey < :after";
      values.put(":after", fromS(afterKey));
    }
    List<ContactMessage> found = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    try {
      do {
        String keyCondition = condition;
        Map<String, AttributeValue> from = start;
        QueryResponse response = dynamoDb.query(q -> q.tableName(table).indexName(STATUS_INDEX)
            .keyConditionExpression(keyCondition)
            .filterExpression("expiresAt > :now")
            .expressionAttributeNames(names)
            .expressionAttributeValues(values)
            .scanIndexForward(false)
            .limit(limit + 1)
            .exclusiveStartKey(from));
        response.items().forEach(item -> found.add(message(item)));
        start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
            ? response.lastEvaluatedKey() : null;
      } while (found.size() <= limit && start != null);
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
    if (found.size() > limit) {
      List<ContactMessage> page = found.subList(0, limit);
      return new Page<>(page, page.get(limit - 1).listingKey());
    }
    return new Page<>(found, null);
  }

  @Override
  public Optional<ContactMessage> markHandled(String id, String editorId, Instant now) {
    try {
      Map<String, AttributeValue> item = dynamoDb.updateItem(r -> r.tableName(table)
          .key(key(id))
          .updateExpression("SET #st = :handled, handledAt = :now, handledBy = :editor")
          .conditionExpression("attribute_exists(id) AND #st = :new")
          .expressionAttributeNames(Map.of("#st", "status"))
          .expressionAttributeValues(Map.of(":handled", fromS(ContactStatus.HANDLED.wire()),
              ":new", fromS(ContactStatus.NEW.wire()), ":now", fromS(now.toString()),
              ":editor", fromS(editorId)))
          .returnValues(ReturnValue.ALL_NEW)).attributes();
      return Optional.of(message(item));
    } catch (ConditionalCheckFailedException e) {
      // Missing, or handled already: either way the stored state is the answer.
      return find(id);
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  static Map<String, AttributeValue> item(ContactMessage m) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("id", fromS(m.id()));
    item.put("status", fromS(m.status().wire()));
    item.put("receivedKey", fromS(m.listingKey()));
    item.put("receivedAt", fromS(m.receivedAt().toString()));
    item.put("name", fromS(m.name()));
    item.put("email", fromS(m.email()));
    putIfPresent(item, "subject", m.subject());
    item.put("message", fromS(m.message()));
    putIfPresent(item, "page", m.page());
    item.put("ip", fromS(m.ip()));
    item.put("userAgent", fromS(m.userAgent()));
    item.put("contentHash", fromS(m.contentHash()));
    item.put("expiresAt", fromN(m.expiresAt().getEpochSecond()));
    putIfPresent(item, "handledAt", m.handledAt());
    putIfPresent(item, "handledBy", m.handledBy());
    return item;
  }

  static ContactMessage message(Map<String, AttributeValue> item) {
    return new ContactMessage(
        item.get("id").s(),
        Instant.parse(item.get("receivedAt").s()),
        item.get("name").s(),
        item.get("email").s(),
        stringOrNull(item, "subject"),
        item.get("message").s(),
        stringOrNull(item, "page"),
        item.get("ip").s(),
        item.get("userAgent").s(),
        item.get("contentHash").s(),
        Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n())),
        ContactStatus.fromWire(item.get("status").s()),
        instantOrNull(item, "handledAt"),
        stringOrNull(item, "handledBy"));
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("id", fromS(id));
  }
}
