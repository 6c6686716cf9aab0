package dev.newsroom.editors;

import static dev.newsroom.config.DynamoDbAttributes.instantOrNull;

import dev.newsroom.config.AwsErrors;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Editor keys in DynamoDB, one item per key id. */
public final class DynamoDbEditorKeyRepository implements EditorKeyRepository {

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbEditorKeyRepository(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public Optional<EditorKey> find(String keyId) {
    try {
      Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
          .key(Map.of("keyId", AttributeValue.fromS(keyId)))).item();
      if (item == null || item.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new EditorKey(keyId, item.get("editorId").s(),
          item.get("secretHash").s(), Instant.parse(item.get("createdAt").s()),
          instantOrNull(item, "revokedAt")));
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  @Override
  public void create(EditorKey key) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("keyId", AttributeValue.fromS(key.keyId()));
    item.put("editorId", AttributeValue.fromS(key.editorId()));
    item.put("secretHash", AttributeValue.fromS(key.secretHash()));
    item.put("createdAt", AttributeValue.fromS(key.createdAt().toString()));
    dynamoDb.putItem(r -> r.tableName(table).item(item)
        .conditionExpression("attribute_not_exists(keyId)"));
  }

  @Override
  public boolean revoke(String keyId, Instant at) {
    try {
      dynamoDb.updateItem(r -> r.tableName(table)
          .key(Map.of("keyId", AttributeValue.fromS(keyId)))
          .updateExpression("SET revokedAt = if_not_exists(revokedAt, :at)")
          .conditionExpression("attribute_exists(keyId)")
          .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(at.toString()))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }
}
