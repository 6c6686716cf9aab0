package dev.newsroom.web;

import dev.newsroom.shared.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds HTTP API (payload v2) events the way API Gateway sends them, for handler tests. */
public final class ApiEvents {

  private final String method;
  private final String path;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final Map<String, String> pathParameters = new LinkedHashMap<>();
  private final Map<String, String> query = new LinkedHashMap<>();
  private String body;
  private boolean base64;

  private ApiEvents(String method, String path) {
    this.method = method;
    this.path = path;
  }

  public static ApiEvents request(String method, String path) {
    return new ApiEvents(method, path);
  }

  public ApiEvents header(String name, String value) {
    headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
    return this;
  }

  public ApiEvents bearer(String key) {
    return header("authorization", "Bearer " + key);
  }

  public ApiEvents pathParameter(String name, String value) {
    pathParameters.put(name, value);
    return this;
  }

  public ApiEvents query(String name, String value) {
    query.put(name, value);
    return this;
  }

  /** A JSON body with its content type. */
  public ApiEvents json(String json) {
    header("content-type", "application/json");
    body = json;
    base64 = false;
    return this;
  }

  public ApiEvents body(String text) {
    body = text;
    base64 = false;
    return this;
  }

  /** Raw bytes, base64-encoded as API Gateway does for non-text bodies. */
  public ApiEvents bytes(byte[] raw) {
    body = Base64.getEncoder().encodeToString(raw);
    base64 = true;
    return this;
  }

  public APIGatewayV2HTTPEvent build() {
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(method + " " + path)
        .withRawPath(path)
        .withHeaders(Map.copyOf(headers))
        .withPathParameters(pathParameters.isEmpty() ? null : Map.copyOf(pathParameters))
        .withQueryStringParameters(query.isEmpty() ? null : Map.copyOf(query))
        .withBody(body)
        .withIsBase64Encoded(base64)
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withStage("$default")
            .withRequestId("test-request")
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method).withPath(path).withProtocol("HTTP/1.1")
                .withSourceIp("203.0.113.7").withUserAgent("junit").build())
            .build())
        .build();
  }

  /** The response body as a JSON tree. */
  public static JsonNode json(APIGatewayV2HTTPResponse response) {
    try {
      return Json.MAPPER.readTree(response.getBody().getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new AssertionError("response body is not JSON: " + response.getBody(), e);
    }
  }
}
