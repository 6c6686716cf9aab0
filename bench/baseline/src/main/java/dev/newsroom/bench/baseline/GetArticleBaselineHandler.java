package dev.newsroom.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code GET /api/articles/{slug}} the way the common AWS samples write it: the default client
 * (default HTTP client, credential and region chains), the enhanced client with a reflective bean
 * schema, and an ObjectMapper created per call. The benchmark's yardstick, never deployed.
 */
public class GetArticleBaselineHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final DynamoDbClient dynamoDb = DynamoDbClient.create();
  private final DynamoDbEnhancedClient enhanced =
      DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
  private final DynamoDbTable<ArticleBean> table =
      enhanced.table(System.getenv("ARTICLES_TABLE"), TableSchema.fromBean(ArticleBean.class));

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String slug = event.getPathParameters().get("slug");
    ArticleBean article = table.getItem(Key.builder().partitionValue(slug).sortValue("article")
        .build());
    try {
      if (article == null || !"published".equals(article.getStatus())) {
        return response(404, new ObjectMapper().writeValueAsString(
            Map.of("error", Map.of("code", "not_found", "message", "No such article."))));
      }
      return response(200, new ObjectMapper().writeValueAsString(article));
    } catch (JsonProcessingException e) {
      throw new RuntimeException(e);
    }
  }

  private static APIGatewayV2HTTPResponse response(int status, String body) {
    return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
        .withHeaders(Map.of("Content-Type", "application/json")).withBody(body).build();
  }
}
