package dev.newsroom.mail;

import static dev.newsroom.config.DynamoDbAttributes.fromN;
import static dev.newsroom.config.DynamoDbAttributes.putIfPresent;
import static dev.newsroom.config.DynamoDbAttributes.stringOrNull;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

import dev.newsroom.config.AwsErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The outbox table. Business writes add {@link #enqueue} to their own transaction, so a record
 * and its email are stored together or not at all; the table's stream drives the sender.
 */
public final class DynamoDbOutbox implements Outbox {

  /** A claim older than this belongs to a sender that died; the message may be claimed again. */
  static final Duration LEASE = Duration.ofMinutes(2);
  /** Settled messages are kept this long for support, then TTL removes them. */
  static final Duration KEEP = Duration.ofDays(7);

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbOutbox(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  /**
   * The write that puts a message in the outbox, for a caller's transaction. Its id is derived
   * from what the message is for (e.g. {@code confirm#<tokenHash>}), so the same request can
   * never enqueue twice: the condition fails the whole transaction instead.
   */
  public static TransactWriteItem enqueue(String table, String id, EmailMessage message,
      Instant now) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("id", fromS(id));
    item.put("status", fromS("pending"));
    item.put("kind", fromS(message.kind()));
    item.put("to", fromS(message.to()));
    putIfPresent(item, "replyTo", message.replyTo());
    item.put("subject", fromS(message.subject()));
    item.put("text", fromS(message.text()));
    item.put("html", fromS(message.html()));
    Map<String, AttributeValue> headers = new HashMap<>();
    message.headers().forEach((name, value) -> headers.put(name, fromS(value)));
    item.put("headers", AttributeValue.fromM(headers));
    item.put("createdAt", fromS(now.toString()));
    return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
        .conditionExpression("attribute_not_exists(id)")).build();
  }

  @Override
  public Optional<EmailMessage> claim(String id, Instant now) {
    try {
      Map<String, AttributeValue> item = dynamoDb.updateItem(r -> r.tableName(table)
          .key(key(id))
          .updateExpression("SET #st = :sending, claimedAt = :now ADD attempts :one")
          .conditionExpression("#st = :pending OR (#st = :sending AND claimedAt < :stale)")
          .expressionAttributeNames(Map.of("#st", "status"))
          .expressionAttributeValues(Map.of(
              ":sending", fromS("sending"), ":pending", fromS("pending"),
              ":now", fromS(now.toString()), ":stale", fromS(now.minus(LEASE).toString()),
              ":one", fromN(1)))
          .returnValues(ReturnValue.ALL_NEW)).attributes();
      return Optional.of(message(item));
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  @Override
  public void markSent(String id, Instant now) {
    settle(id, "sent", now, null);
  }

  @Override
  public void release(String id) {
    try {
      dynamoDb.updateItem(r -> r.tableName(table).key(key(id))
          .updateExpression("SET #st = :pending REMOVE claimedAt")
          .conditionExpression("#st = :sending")
          .expressionAttributeNames(Map.of("#st", "status"))
          .expressionAttributeValues(Map.of(":pending", fromS("pending"),
              ":sending", fromS("sending"))));
    } catch (ConditionalCheckFailedException e) {
      // already settled by someone else: nothing to give back
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  @Override
  public void markFailed(String id, String reason, Instant now) {
    settle(id, "failed", now, reason);
  }

  private void settle(String id, String status, Instant now, String reason) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":status", fromS(status));
    values.put(":now", fromS(now.toString()));
    values.put(":expires", fromN(now.plus(KEEP).getEpochSecond()));
    values.put(":reason", fromS(reason == null ? "" : reason));
    try {
      dynamoDb.updateItem(r -> r.tableName(table).key(key(id))
          .updateExpression("SET #st = :status, settledAt = :now, expiresAt = :expires,"
              + " reason = :reason REMOVE claimedAt")
          .expressionAttributeNames(Map.of("#st", "status"))
          .expressionAttributeValues(values));
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  private static EmailMessage message(Map<String, AttributeValue> item) {
    Map<String, String> headers = new HashMap<>();
    AttributeValue stored = item.get("headers");
    if (stored != null) {
      stored.m().forEach((name, value) -> headers.put(name, value.s()));
    }
    return new EmailMessage(item.get("kind").s(), item.get("to").s(),
        stringOrNull(item, "replyTo"), item.get("subject").s(), item.get("text").s(),
        item.get("html").s(), headers);
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("id", fromS(id));
  }
}
