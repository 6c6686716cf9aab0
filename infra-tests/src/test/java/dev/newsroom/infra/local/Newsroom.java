package dev.newsroom.infra.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.devserver.HttpApiBridge;
import dev.newsroom.devserver.SamTemplate;
import dev.newsroom.editors.DynamoDbEditorKeyRepository;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.infra.contract.OpenApiContract;
import dev.newsroom.shared.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The deployed shape of Newsroom inside the test JVM: each function's handler class, built with
 * its public no-arg constructor (the real adapters), invoked as Lambda would, plus direct table
 * reads for asserting what was (not) written. Call after {@link LocalCloud} has run.
 */
public final class Newsroom {

  private static final SecureRandom RANDOM = new SecureRandom();

  public final SamTemplate template;
  private final HttpApiBridge bridge;
  private final Map<String, String> handlerByFunction;

  public Newsroom() {
    try {
      template = LocalCloud.template();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    bridge = new HttpApiBridge(template.routes());
    handlerByFunction = template.functions().stream()
        .collect(Collectors.toMap(SamTemplate.Function::id, SamTemplate.Function::handlerClass));
  }

  /**
   * Invokes the handler template.yaml names for {@code functionId}, and checks the exchange
   * against openapi.yaml: the response always, the request when it was accepted.
   */
  public APIGatewayV2HTTPResponse invoke(String functionId, APIGatewayV2HTTPEvent event) {
    String handler = handlerByFunction.get(functionId);
    if (handler == null) {
      throw new IllegalArgumentException("template.yaml has no function " + functionId);
    }
    APIGatewayV2HTTPResponse response = bridge.invoke(handler, event);
    OpenApiContract.assertExchange(event, response);
    return response;
  }

  public String handlerClass(String functionId) {
    return handlerByFunction.get(functionId);
  }

  public EditorKeyService keys() {
    return new EditorKeyService(new DynamoDbEditorKeyRepository(AwsClients.dynamoDb(),
        Env.require("EDITOR_KEYS_TABLE")), Clock.system());
  }

  /** A slug no other test or run uses, so tests share tables without seeing each other. */
  public static String uniqueSlug(String prefix) {
    return prefix + "-" + Long.toString(RANDOM.nextLong() >>> 1, 36);
  }

  /** Every stored item of one article (the article and its tag listing entries), raw. */
  public List<Map<String, AttributeValue>> itemsOf(String slug) {
    return AwsClients.dynamoDb().query(r -> r.tableName(Env.require("ARTICLES_TABLE"))
        .keyConditionExpression("pk = :pk").consistentRead(true)
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(slug)))).items();
  }
}
