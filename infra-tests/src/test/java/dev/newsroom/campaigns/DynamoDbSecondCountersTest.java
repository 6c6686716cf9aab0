package dev.newsroom.campaigns;

import dev.newsroom.infra.Emulators;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The shared send rate's contract against DynamoDB Local: concurrent senders, each with its own
 * {@link PerSecondSendRate}, never get more than the limit granted in any second. Each test gets
 * a table of the campaigns table's key schema to itself.
 */
class DynamoDbSecondCountersTest extends SendRateContract {

  private final DynamoDbClient dynamoDb = Emulators.shared().dynamoDb();
  private final List<String> tables = new ArrayList<>();

  @AfterEach
  void dropTables() {
    tables.forEach(t -> dynamoDb.deleteTable(r -> r.tableName(t)));
  }

  @Override
  SecondCounters counters() {
    String table = "rate-" + UUID.randomUUID();
    tables.add(table);
    dynamoDb.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(
            a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
            a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
            k -> k.attributeName("sk").keyType(KeyType.RANGE)));
    return new DynamoDbSecondCounters(dynamoDb, table);
  }
}
