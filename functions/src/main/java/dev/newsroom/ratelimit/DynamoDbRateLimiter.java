package dev.newsroom.ratelimit;

import dev.newsroom.config.AwsErrors;
import dev.newsroom.shared.Clock;
import dev.newsroom.shared.Hashing;
import dev.newsroom.shared.RateLimitedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Fixed-window counters, one item per scope, subject hash and window, removed by TTL after the
 * window. One conditional UpdateItem per request: the count only grows while under the limit.
 */
public final class DynamoDbRateLimiter implements RateLimiter {

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Clock clock;

  public DynamoDbRateLimiter(DynamoDbClient dynamoDb, String table, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.clock = clock;
  }

  @Override
  public void acquire(String scope, String subject, Limit limit) {
    Instant now = clock.now();
    long windowSeconds = limit.window().toSeconds();
    long windowStart = now.getEpochSecond() / windowSeconds * windowSeconds;
    long windowEnd = windowStart + windowSeconds;
    String key = scope + "#" + Hashing.sha256Hex(subject) + "#" + windowStart;
    try {
      dynamoDb.updateItem(r -> r.tableName(table)
          .key(Map.of("pk", AttributeValue.fromS(key)))
          .updateExpression("ADD #count :one SET expiresAt = :expires")
          .conditionExpression("attribute_not_exists(#count) OR #count < :max")
          .expressionAttributeNames(Map.of("#count", "count"))
          .expressionAttributeValues(Map.of(
              ":one", AttributeValue.fromN("1"),
              ":max", AttributeValue.fromN(Integer.toString(limit.max())),
              ":expires", AttributeValue.fromN(Long.toString(windowEnd + 60)))));
    } catch (ConditionalCheckFailedException e) {
      throw new RateLimitedException(Duration.ofSeconds(Math.max(1, windowEnd - now.getEpochSecond())));
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }
}
