package dev.newsroom.images;

import static dev.newsroom.config.DynamoDbAttributes.fromN;
import static dev.newsroom.config.DynamoDbAttributes.instantOrNull;
import static dev.newsroom.config.DynamoDbAttributes.longOrZero;
import static dev.newsroom.config.DynamoDbAttributes.stringOrNull;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

import dev.newsroom.config.AwsErrors;
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

/** One item per image, keyed by id; the claim is a conditional update of its status. */
public final class DynamoDbImageRepository implements ImageRepository {

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbImageRepository(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public void create(Image image) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("id", fromS(image.id()));
    item.put("editorId", fromS(image.editorId()));
    item.put("contentType", fromS(image.contentType()));
    item.put("size", fromN(image.size()));
    item.put("fileName", fromS(image.fileName()));
    item.put("status", fromS(image.status().name()));
    item.put("createdAt", fromS(image.createdAt().toString()));
    try {
      dynamoDb.putItem(r -> r.tableName(table).item(item)
          .conditionExpression("attribute_not_exists(id)"));
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  @Override
  public Optional<Image> find(String id) {
    try {
      Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
          .key(key(id)).consistentRead(true)).item();
      return item == null || item.isEmpty() ? Optional.empty() : Optional.of(image(item));
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  @Override
  public boolean claim(String id, Instant now, Instant staleBefore) {
    try {
      dynamoDb.updateItem(r -> r.tableName(table).key(key(id))
          .updateExpression("SET #status = :processing, claimedAt = :now")
          .conditionExpression("#status = :pending OR (#status = :processing AND claimedAt < :stale)")
          .expressionAttributeNames(Map.of("#status", "status"))
          .expressionAttributeValues(Map.of(
              ":processing", fromS(ImageStatus.PROCESSING.name()),
              ":pending", fromS(ImageStatus.PENDING.name()),
              ":now", fromS(now.toString()),
              ":stale", fromS(staleBefore.toString()))));
      return true;
    } catch (ConditionalCheckFailedException taken) {
      return false;
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  @Override
  public void release(String id, Instant claimedAt) {
    try {
      dynamoDb.updateItem(r -> r.tableName(table).key(key(id))
          .updateExpression("SET #status = :pending REMOVE claimedAt")
          .conditionExpression("#status = :processing AND claimedAt = :claimedAt")
          .expressionAttributeNames(Map.of("#status", "status"))
          .expressionAttributeValues(Map.of(
              ":processing", fromS(ImageStatus.PROCESSING.name()),
              ":pending", fromS(ImageStatus.PENDING.name()),
              ":claimedAt", fromS(claimedAt.toString()))));
    } catch (ConditionalCheckFailedException notOurs) {
      // Taken over or finished since: nothing of ours to give back.
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  @Override
  public void markReady(String id, int width, int height, String extension,
      List<Image.Rendition> renditions) {
    List<AttributeValue> list = new ArrayList<>();
    for (Image.Rendition r : renditions) {
      list.add(AttributeValue.fromM(Map.of("width", fromN(r.width()), "height", fromN(r.height()),
          "key", fromS(r.key()))));
    }
    finish(id, "SET #status = :status, width = :width, height = :height, extension = :ext, "
        + "renditions = :renditions REMOVE claimedAt", Map.of(
            ":status", fromS(ImageStatus.READY.name()), ":width", fromN(width),
            ":height", fromN(height),
            ":ext", fromS(extension), ":renditions", AttributeValue.fromL(list)));
  }

  @Override
  public void markRefused(String id, String reason) {
    finish(id, "SET #status = :status, reason = :reason REMOVE claimedAt", Map.of(
        ":status", fromS(ImageStatus.REFUSED.name()), ":reason", fromS(reason)));
  }

  private void finish(String id, String update, Map<String, AttributeValue> values) {
    try {
      dynamoDb.updateItem(r -> r.tableName(table).key(key(id))
          .updateExpression(update)
          .conditionExpression("attribute_exists(id)")
          .expressionAttributeNames(Map.of("#status", "status"))
          .expressionAttributeValues(values));
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  private static Image image(Map<String, AttributeValue> item) {
    List<Image.Rendition> renditions = new ArrayList<>();
    AttributeValue list = item.get("renditions");
    if (list != null) {
      for (AttributeValue r : list.l()) {
        renditions.add(new Image.Rendition(Integer.parseInt(r.m().get("width").n()),
            Integer.parseInt(r.m().get("height").n()), r.m().get("key").s()));
      }
    }
    return new Image(item.get("id").s(), item.get("editorId").s(), item.get("contentType").s(),
        Long.parseLong(item.get("size").n()), item.get("fileName").s(),
        ImageStatus.valueOf(item.get("status").s()), Instant.parse(item.get("createdAt").s()),
        instantOrNull(item, "claimedAt"), Math.toIntExact(longOrZero(item, "width")),
        Math.toIntExact(longOrZero(item, "height")), stringOrNull(item, "extension"), renditions,
        stringOrNull(item, "reason"));
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("id", fromS(id));
  }
}
