package dev.newsroom.web;

import dev.newsroom.shared.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpEventsTest {

  /** The shape API Gateway sends (payload format 2.0), with fields we do not read. */
  static final String EVENT = """
      {
        "version": "2.0",
        "routeKey": "GET /api/articles/{slug}",
        "rawPath": "/api/articles/hello-world",
        "rawQueryString": "limit=5&tag=x",
        "cookies": ["a=1", "b=2"],
        "headers": {"accept": "application/json", "if-none-match": "\\"abc\\""},
        "queryStringParameters": {"limit": "5", "tag": "x"},
        "pathParameters": {"slug": "hello-world"},
        "stageVariables": null,
        "requestContext": {
          "accountId": "123456789012",
          "apiId": "api-id",
          "authentication": {"clientCert": {"subjectDN": "x", "validity": {"notAfter": "y"}}},
          "authorizer": {"jwt": {"claims": {"sub": "z"}, "scopes": ["s"]}},
          "domainName": "id.execute-api.us-east-1.amazonaws.com",
          "domainPrefix": "id",
          "http": {"method": "GET", "path": "/api/articles/hello-world", "protocol": "HTTP/1.1",
                   "sourceIp": "192.0.2.1", "userAgent": "agent"},
          "requestId": "id",
          "routeKey": "GET /api/articles/{slug}",
          "stage": "$default",
          "time": "12/Mar/2020:19:03:58 +0000",
          "timeEpoch": 1583348638390
        },
        "body": "{\\"x\\":[1,2]}",
        "isBase64Encoded": false,
        "futureField": {"nested": [1, {"deep": true}]}
      }
      """;

  @Test
  void read_whenApiGatewayEvent_keepsEveryFieldTheHandlersRead() throws IOException {
    APIGatewayV2HTTPEvent event = read(EVENT);

    assertThat(event.getRouteKey()).isEqualTo("GET /api/articles/{slug}");
    assertThat(event.getRawPath()).isEqualTo("/api/articles/hello-world");
    assertThat(event.getRawQueryString()).isEqualTo("limit=5&tag=x");
    assertThat(event.getCookies()).containsExactly("a=1", "b=2");
    assertThat(event.getHeaders()).containsEntry("if-none-match", "\"abc\"");
    assertThat(event.getQueryStringParameters()).containsEntry("limit", "5");
    assertThat(event.getPathParameters()).containsExactly(Map.entry("slug", "hello-world"));
    assertThat(event.getStageVariables()).isNull();
    assertThat(event.getBody()).isEqualTo("{\"x\":[1,2]}");
    assertThat(event.getIsBase64Encoded()).isFalse();
    assertThat(event.getRequestContext().getTimeEpoch()).isEqualTo(1583348638390L);
    assertThat(event.getRequestContext().getStage()).isEqualTo("$default");
    assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("GET");
    assertThat(event.getRequestContext().getHttp().getSourceIp()).isEqualTo("192.0.2.1");
    assertThat(new HttpRequest(event).header("If-None-Match")).contains("\"abc\"");
  }

  @Test
  void read_whenApiGatewayEvent_agreesWithDataBindingOnEveryFieldItKeeps() throws IOException {
    String json = EVENT.replace("\"stageVariables\": null",
        "\"stageVariables\": {\"env\": \"prod\"}");
    APIGatewayV2HTTPEvent bound = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .readValue(json, APIGatewayV2HTTPEvent.class);

    APIGatewayV2HTTPEvent streamed = read(json);

    // The authorizer and client certificate are skipped on purpose: no handler reads them.
    assertThat(streamed).usingRecursiveComparison()
        .ignoringFields("requestContext.authorizer", "requestContext.authentication")
        .isEqualTo(bound);
    assertThat(streamed.getStageVariables()).containsEntry("env", "prod");
    assertThat(streamed.getRequestContext().getHttp().getUserAgent()).isEqualTo("agent");
  }

  @Test
  void read_whenValuesAreNullNumbersOrNested_keepsScalarsAsTextAndDropsTheRest()
      throws IOException {
    APIGatewayV2HTTPEvent event = read("""
        {"body": null, "rawPath": 5,
         "headers": {"x-number": 1, "x-flag": true, "x-null": null, "x-object": {"a": "b"},
                     "x-array": ["c"]}}
        """);

    assertThat(event.getBody()).isNull();
    assertThat(event.getRawPath()).isEqualTo("5");
    assertThat(event.getHeaders()).containsEntry("x-number", "1").containsEntry("x-flag", "true")
        .containsEntry("x-null", null).containsEntry("x-object", null)
        .containsEntry("x-array", null);
  }

  @Test
  void read_whenBase64Body_keepsTheFlag() throws IOException {
    APIGatewayV2HTTPEvent event = read("{\"body\":\"aGk=\",\"isBase64Encoded\":true}");

    assertThat(event.getIsBase64Encoded()).isTrue();
    assertThat(new HttpRequest(event).body()).isEqualTo("hi".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void read_whenNotAnObject_fails() {
    assertThatThrownBy(() -> read("[1]")).isInstanceOf(IOException.class);
  }

  @Test
  void write_whenResponse_writesWhatApiGatewayReads() throws Exception {
    APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder()
        .withStatusCode(201)
        .withHeaders(Map.of("Content-Type", "application/json"))
        .withCookies(List.of("s=1; Secure"))
        .withBody("{\"ok\":\"é\\n\"}")
        .withIsBase64Encoded(false)
        .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    HttpEvents.write(response, out);

    var json = Json.mapper().readTree(out.toByteArray());
    assertThat(json.get("statusCode").asInt()).isEqualTo(201);
    assertThat(json.at("/headers/Content-Type").asText()).isEqualTo("application/json");
    assertThat(json.at("/cookies/0").asText()).isEqualTo("s=1; Secure");
    assertThat(json.get("body").asText()).isEqualTo("{\"ok\":\"é\\n\"}");
    assertThat(json.get("isBase64Encoded").asBoolean()).isFalse();
  }

  @Test
  void streamEntry_whenEvent_answersLikeTheTypedEntry() throws Exception {
    HttpHandler handler = new HttpHandler() {
      @Override
      protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.json(200, Map.of("slug", request.pathParameter("slug").orElse(""),
            "ip", request.sourceIp()));
      }
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    handler.handleRequest(new ByteArrayInputStream(EVENT.getBytes(StandardCharsets.UTF_8)), out,
        null);

    var streamed = Json.mapper().readTree(out.toByteArray());
    APIGatewayV2HTTPResponse typed = handler.handleRequest(read(EVENT), null);
    assertThat(streamed.get("statusCode").asInt()).isEqualTo(typed.getStatusCode()).isEqualTo(200);
    assertThat(streamed.get("body").asText()).isEqualTo(typed.getBody());
    var body = Json.mapper().readTree(typed.getBody());
    assertThat(body.get("slug").asText()).isEqualTo("hello-world");
    assertThat(body.get("ip").asText()).isEqualTo("192.0.2.1");
  }

  private static APIGatewayV2HTTPEvent read(String json) throws IOException {
    return HttpEvents.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
