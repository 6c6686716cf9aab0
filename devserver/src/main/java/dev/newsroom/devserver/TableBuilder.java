package dev.newsroom.devserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * Creates the tables template.yaml declares, named by logical id, with the same keys, indexes,
 * streams and TTL. Tests and the dev server share it, so local tables cannot drift from the
 * template.
 */
public final class TableBuilder {

  private TableBuilder() {}

  public static void createAll(SamTemplate template, DynamoDbClient dynamoDb) {
    template.resourcesOfType("AWS::DynamoDB::Table").forEach((id, props) -> {
      try {
        dynamoDb.createTable(request(id, props));
      } catch (ResourceInUseException alreadyThere) {
        return;
      }
      // DynamoDB Local answers ACTIVE at once; LocalStack and AWS may still be CREATING.
      dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(id));
      String ttl = props.at("/TimeToLiveSpecification/AttributeName").asText(null);
      if (ttl != null) {
        dynamoDb.updateTimeToLive(r -> r.tableName(id)
            .timeToLiveSpecification(t -> t.attributeName(ttl).enabled(true)));
      }
    });
  }

  static CreateTableRequest request(String name, JsonNode props) {
    List<AttributeDefinition> attributes = new ArrayList<>();
    props.path("AttributeDefinitions").forEach(a -> attributes.add(AttributeDefinition.builder()
        .attributeName(a.path("AttributeName").asText())
        .attributeType(a.path("AttributeType").asText()).build()));
    List<GlobalSecondaryIndex> indexes = new ArrayList<>();
    props.path("GlobalSecondaryIndexes").forEach(i -> {
      List<String> nonKey = new ArrayList<>();
      i.at("/Projection/NonKeyAttributes").forEach(n -> nonKey.add(n.asText()));
      indexes.add(GlobalSecondaryIndex.builder()
          .indexName(i.path("IndexName").asText())
          .keySchema(keys(i.path("KeySchema")))
          .projection(Projection.builder()
              .projectionType(i.at("/Projection/ProjectionType").asText("ALL"))
              .nonKeyAttributes(nonKey.isEmpty() ? null : nonKey).build())
          .build());
    });
    CreateTableRequest.Builder request = CreateTableRequest.builder()
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(attributes)
        .keySchema(keys(props.path("KeySchema")))
        .globalSecondaryIndexes(indexes.isEmpty() ? null : indexes);
    String streamView = props.at("/StreamSpecification/StreamViewType").asText(null);
    if (streamView != null) {
      request.streamSpecification(StreamSpecification.builder()
          .streamEnabled(true).streamViewType(streamView).build());
    }
    return request.build();
  }

  private static List<KeySchemaElement> keys(JsonNode schema) {
    List<KeySchemaElement> keys = new ArrayList<>();
    schema.forEach(k -> keys.add(KeySchemaElement.builder()
        .attributeName(k.path("AttributeName").asText())
        .keyType(k.path("KeyType").asText()).build()));
    return keys;
  }
}
