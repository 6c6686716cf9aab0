package dev.newsroom.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.shared.Json;
import java.io.IOException;
import java.util.Map;

/** Checks on handler answers that every family of tests shares. */
public final class Answers {

  private Answers() {}

  public static JsonNode body(APIGatewayV2HTTPResponse response) {
    try {
      return Json.mapper().readTree(response.getBody() == null ? "" : response.getBody());
    } catch (IOException e) {
      throw new AssertionError("answer body is not JSON: " + response.getBody(), e);
    }
  }

  public static String header(APIGatewayV2HTTPResponse response, String name) {
    Map<String, String> headers = response.getHeaders();
    if (headers == null) {
      return null;
    }
    return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue).findFirst().orElse(null);
  }

  /** {@code {"error":{"code":"...","message":"..."}}} as JSON, never a stack trace. */
  public static boolean isJsonError(APIGatewayV2HTTPResponse response) {
    String type = header(response, "content-type");
    if (type == null || !type.startsWith("application/json")) {
      return false;
    }
    try {
      JsonNode error = Json.mapper().readTree(response.getBody()).path("error");
      return error.path("code").isTextual() && !error.path("code").asText().isEmpty()
          && error.path("message").isTextual() && !error.path("message").asText().isEmpty();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** 503 with a positive Retry-After and the JSON error shape: "busy, come back". */
  public static void assertUnavailable(APIGatewayV2HTTPResponse response) {
    assertThat(response.getStatusCode()).as("status (body %s)", response.getBody())
        .isEqualTo(503);
    assertThat(header(response, "retry-after")).as("Retry-After").isNotNull()
        .matches("[1-9][0-9]*");
    assertThat(isJsonError(response)).as("JSON error shape: %s", response.getBody()).isTrue();
  }
}
