package dev.newsroom.operations;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The outbox table's unsent messages, by a scan: the table holds settled messages for a week
 * only (TTL), so it stays small, and a redrive is rare.
 */
public final class DynamoDbUnsentMail implements UnsentMail {

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbUnsentMail(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public List<String> ids() {
    return dynamoDb.scanPaginator(r -> r.tableName(table).consistentRead(true)
            .projectionExpression("id")
            .filterExpression("#st IN (:pending, :sending)")
            .expressionAttributeNames(Map.of("#st", "status"))
            .expressionAttributeValues(Map.of(":pending", AttributeValue.fromS("pending"),
                ":sending", AttributeValue.fromS("sending"))))
        .items().stream()
        .map(item -> item.get("id").s())
        .toList();
  }
}
