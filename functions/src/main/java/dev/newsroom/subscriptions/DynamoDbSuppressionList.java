package dev.newsroom.subscriptions;

import dev.newsroom.config.AwsErrors;
import dev.newsroom.mail.SuppressionList;
import dev.newsroom.shared.EmailAddress;
import dev.newsroom.shared.ValidationException;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The mail sender's check against the subscribers table: an address is suppressed when its
 * profile (or the tombstone an erase left) says so, whichever feature's email it is.
 */
public final class DynamoDbSuppressionList implements SuppressionList {

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbSuppressionList(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public boolean isSuppressed(String address) {
    String id;
    try {
      id = SubscriberIds.of(EmailAddress.parse(address));
    } catch (ValidationException e) {
      return false; // not an address a visitor could have typed (SES will judge it)
    }
    try {
      Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
          .key(SubscriberItems.key(SubscriberItems.subscriberKey(id), SubscriberItems.PROFILE))
          .projectionExpression("#st")
          .expressionAttributeNames(Map.of("#st", "status"))
          .consistentRead(true)).item();
      return item != null && item.containsKey("status")
          && SubscriberStatus.SUPPRESSED.wire().equals(item.get("status").s());
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }
}
