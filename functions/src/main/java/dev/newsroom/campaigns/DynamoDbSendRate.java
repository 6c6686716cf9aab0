package dev.newsroom.campaigns;

import static dev.newsroom.config.DynamoDbAttributes.fromN;

import dev.newsroom.config.AwsErrors;
import dev.newsroom.shared.Clock;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The shared rate as one counter per second ({@code pk=rate#<epoch second>}), taken by a
 * conditional ADD that cannot pass the limit. A sender takes several sends at once, so the
 * counter costs a fraction of a write per email; an item lives a minute (TTL).
 */
public final class DynamoDbSendRate implements SendRate {

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final SendLimit limit;
  private final Clock clock;

  public DynamoDbSendRate(DynamoDbClient dynamoDb, String table, SendLimit limit, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.limit = limit;
    this.clock = clock;
  }

  @Override
  public Grant acquire(int wanted) {
    int max = limit.perSecond();
    long second = clock.now().getEpochSecond();
    Instant until = Instant.ofEpochSecond(second + 1);
    int ask = Math.min(wanted, max);
    for (int round = 0; round < 2 && ask > 0; round++) {
      Integer used = take(second, ask, max);
      if (used == null) {
        return new Grant(ask, until);
      }
      ask = Math.min(wanted, max - used);
    }
    return new Grant(0, until);
  }

  @Override
  public int limit() {
    return limit.perSecond();
  }

  /** @return null when taken, else how many were used already */
  private Integer take(long second, int n, int max) {
    try {
      dynamoDb.updateItem(u -> u.tableName(table)
          .key(Map.of("pk", AttributeValue.fromS("rate#" + second),
              "sk", AttributeValue.fromS("rate")))
          .updateExpression("ADD used :n SET expiresAt = :expires")
          .conditionExpression("attribute_not_exists(used) OR used <= :room")
          .expressionAttributeValues(Map.of(":n", fromN(n), ":room", fromN(max - n),
              ":expires", fromN(second + 60)))
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return null;
    } catch (ConditionalCheckFailedException e) {
      AttributeValue used = e.item() == null ? null : e.item().get("used");
      return used == null ? max : Integer.parseInt(used.n());
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }
}
