package dev.newsroom.web;

import dev.newsroom.shared.JsonWriter;
import dev.newsroom.config.SdkPriming;
import dev.newsroom.shared.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What every HTTP function runs before a SnapStart snapshot: the shared request path (event JSON,
 * request, JSON body, ETag, error mapping, response JSON) on a throwaway handler, and the DynamoDB
 * calls the functions make through {@link SdkPriming}. Everything it builds is local and dropped
 * when it returns; it reads no clock and no random source, and it opens no connection.
 */
public final class Priming {

  private Priming() {}

  /** Runs the shared path; safe to call more than once. */
  public static void sharedPath() {
    HttpHandler page = new HttpHandler() {
      @Override
      protected HttpResponse handle(HttpRequest request) {
        if (request.query("fail").isPresent()) {
          throw new ValidationException("fail", "Priming the error path.");
        }
        return HttpCaching.conditional(request, HttpResponse.json(200, Map.of(
            "items", List.of(Map.of("slug", "priming", "tags", List.of("a"), "n", 1)),
            "more", false)), "no-store");
      }
    };
    invoke(page, event("GET", "/api/priming", "limit=1", Map.of("limit", "1"), null));
    invoke(page, event("GET", "/api/priming", "fail=1", Map.of("fail", "1"), null));
    try (DynamoDbClient dynamoDb = SdkPriming.dynamoDb(operation -> "{}")) {
      Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("priming"),
          "sk", AttributeValue.fromS("priming"));
      dynamoDb.getItem(r -> r.tableName("priming").key(key).consistentRead(true));
      dynamoDb.query(r -> r.tableName("priming").indexName("priming")
          .keyConditionExpression("#p = :p").expressionAttributeNames(Map.of("#p", "pk"))
          .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("priming"))).limit(1));
      dynamoDb.putItem(r -> r.tableName("priming").item(key)
          .conditionExpression("attribute_not_exists(pk)"));
      dynamoDb.updateItem(r -> r.tableName("priming").key(key).updateExpression("SET #n = :n")
          .expressionAttributeNames(Map.of("#n", "n"))
          .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1"))));
      dynamoDb.transactWriteItems(r -> r.transactItems(t -> t.put(p -> p.tableName("priming")
          .item(key))));
    }
  }

  /** Invokes a handler through Lambda's stream entry; returns the status it answered. */
  public static int invoke(HttpHandler handler, String eventJson) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try {
      handler.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)),
          out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String json = out.toString(StandardCharsets.UTF_8);
    int start = json.indexOf("\"statusCode\":") + "\"statusCode\":".length();
    int end = start;
    while (end < json.length() && Character.isDigit(json.charAt(end))) {
      end++;
    }
    return Integer.parseInt(json.substring(start, end));
  }

  /** An HTTP API (v2) event as API Gateway would send it, for priming requests. */
  public static String event(String method, String path, String rawQuery,
      Map<String, String> query, Map<String, String> pathParameters) {
    Map<String, Object> event = new java.util.LinkedHashMap<>();
    event.put("version", "2.0");
    event.put("routeKey", method + " " + path);
    event.put("rawPath", path);
    event.put("rawQueryString", rawQuery);
    event.put("headers", Map.of("accept", "application/json", "user-agent", "priming"));
    event.put("queryStringParameters", query);
    event.put("pathParameters", pathParameters);
    event.put("requestContext", Map.of("stage", "$default", "requestId", "priming",
        "http", Map.of("method", method, "path", path, "protocol", "HTTP/1.1",
            "sourceIp", "127.0.0.1", "userAgent", "priming")));
    event.put("isBase64Encoded", false);
    return JsonWriter.write(event);
  }
}
