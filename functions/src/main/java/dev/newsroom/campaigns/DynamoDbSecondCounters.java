package dev.newsroom.campaigns;

import static dev.newsroom.config.DynamoDbAttributes.fromN;

import dev.newsroom.config.AwsErrors;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The send rate's per-second counters in the campaigns table ({@code pk=rate#<epoch second>},
 * {@code sk=rate}, attribute {@code used}); an item lives a minute (TTL).
 */
public final class DynamoDbSecondCounters implements SecondCounters {

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbSecondCounters(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public long add(long epochSecond, int n) {
    try {
      return Long.parseLong(dynamoDb.updateItem(u -> u.tableName(table).key(key(epochSecond))
          .updateExpression("ADD used :n SET expiresAt = :expires")
          .expressionAttributeValues(Map.of(":n", fromN(n), ":expires", fromN(epochSecond + 60)))
          .returnValues(ReturnValue.UPDATED_NEW)).attributes().get("used").n());
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  /** An eventually consistent read: half the price, and a counter only grows. */
  @Override
  public long read(long epochSecond) {
    try {
      AttributeValue used = dynamoDb.getItem(g -> g.tableName(table).key(key(epochSecond))
          .projectionExpression("used")).item().get("used");
      return used == null ? 0 : Long.parseLong(used.n());
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  private static Map<String, AttributeValue> key(long epochSecond) {
    return Map.of("pk", AttributeValue.fromS("rate#" + epochSecond),
        "sk", AttributeValue.fromS("rate"));
  }
}
