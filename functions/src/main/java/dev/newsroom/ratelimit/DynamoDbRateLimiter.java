package dev.newsroom.ratelimit;

import static dev.newsroom.config.DynamoDbAttributes.fromN;

import dev.newsroom.config.AwsErrors;
import dev.newsroom.config.Env;
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

  /** The largest RATE_LIMIT_MULTIPLIER accepted (the template parameter's MaxValue). */
  static final int MAX_MULTIPLIER = 1000;

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Clock clock;
  private final int multiplier;

  /** Limits as the use cases state them, times RATE_LIMIT_MULTIPLIER (template; default 1). */
  public DynamoDbRateLimiter(DynamoDbClient dynamoDb, String table, Clock clock) {
    this(dynamoDb, table, clock, multiplier(Env.optional("RATE_LIMIT_MULTIPLIER").orElse("1")));
  }

  /**
   * @param multiplier scales every limit's maximum: 1 in production; larger only where one
   *     source legitimately sends many requests, such as a load test through the dev server,
   *     whose every request comes from 127.0.0.1
   */
  DynamoDbRateLimiter(DynamoDbClient dynamoDb, String table, Clock clock, int multiplier) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.clock = clock;
    this.multiplier = multiplier;
  }

  static int multiplier(String raw) {
    try {
      int value = Integer.parseInt(raw);
      if (value >= 1 && value <= MAX_MULTIPLIER) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalStateException("RATE_LIMIT_MULTIPLIER must be 1 to " + MAX_MULTIPLIER);
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
              ":one", fromN(1),
              ":max", fromN((long) limit.max() * multiplier),
              ":expires", fromN(windowEnd + 60))));
    } catch (ConditionalCheckFailedException e) {
      throw new RateLimitedException(Duration.ofSeconds(Math.max(1, windowEnd - now.getEpochSecond())));
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }
}
