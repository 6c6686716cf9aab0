package dev.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.web.ApiEvents;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The PUT body is read strictly: every kind of bad JSON is a precise 4xx and writes nothing. */
class StrictJsonTest {

  private static final String VALID = TestNewsroom.articleJson("Fine");

  static Stream<Arguments> badBodies() {
    return Stream.of(
        Arguments.of("truncated", "{\"title\":", "malformed_json"),
        Arguments.of("not JSON", "hello", "malformed_json"),
        Arguments.of("empty", "", "malformed_json"),
        Arguments.of("whitespace only", "  \n ", "malformed_json"),
        Arguments.of("null", "null", "malformed_json"),
        Arguments.of("array", "[]", "malformed_json"),
        Arguments.of("string", "\"a\"", "malformed_json"),
        Arguments.of("trailing object", VALID + " {}", "malformed_json"),
        Arguments.of("trailing garbage", VALID + " x", "malformed_json"),
        Arguments.of("trailing comma", VALID.replace("]}", "],}"), "malformed_json"),
        Arguments.of("duplicate field", "{\"title\":\"a\",\"title\":\"b\",\"body\":\"x\","
            + "\"author\":\"y\"}", "malformed_json"),
        Arguments.of("single quotes", "{'title':'a'}", "malformed_json"),
        Arguments.of("comment", "{/* c */\"title\":\"a\"}", "malformed_json"),
        Arguments.of("NaN", "{\"title\":NaN}", "malformed_json"),
        Arguments.of("title number", VALID.replace("\"Fine\"", "5"), "invalid_type"),
        Arguments.of("title boolean", VALID.replace("\"Fine\"", "true"), "invalid_type"),
        Arguments.of("title object", VALID.replace("\"Fine\"", "{\"a\":1}"), "invalid_type"),
        Arguments.of("title array", VALID.replace("\"Fine\"", "[\"Fine\"]"), "invalid_type"),
        Arguments.of("tags string", "{\"title\":\"a\",\"tags\":\"world\"}", "invalid_type"),
        Arguments.of("tag number", "{\"title\":\"a\",\"tags\":[1]}", "invalid_type"),
        Arguments.of("heroImage string", "{\"title\":\"a\",\"heroImage\":\"https://x.org/a\"}",
            "invalid_type"),
        Arguments.of("unknown field", VALID.replace("{", "{\"status\":\"published\","),
            "unknown_field"),
        Arguments.of("unknown nested field", "{\"title\":\"a\",\"heroImage\":{\"url\":"
            + "\"https://x.org/a.jpg\",\"alt\":\"x\",\"onload\":\"x\"}}", "unknown_field"),
        Arguments.of("deep array", "[".repeat(5000) + "]".repeat(5000), "malformed_json"),
        Arguments.of("deep in a field", "{\"title\":" + "[".repeat(5000) + "]".repeat(5000)
            + "}", "invalid_type"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void put_whenBodyIsBadJson_is400WithCodeAndWritesNothing(String why, String body,
      String code) {
    TestNewsroom app = new TestNewsroom();

    APIGatewayV2HTTPResponse response = app.putArticle("a-story", body);

    assertError(response, 400, code);
    assertThat(app.repository.writes()).isZero();
  }

  @Test
  void put_whenBodyIsNotUtf8_is400InvalidEncoding() {
    TestNewsroom app = new TestNewsroom();
    byte[] body = "{\"title\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

    APIGatewayV2HTTPResponse response = app.put.handleRequest(ApiEvents.request("PUT",
        "/api/admin/articles/a-story").bearer(app.key).pathParameter("slug", "a-story")
        .header("content-type", "application/json").bytes(body).build(), null);

    assertError(response, 400, "invalid_encoding");
    assertThat(app.repository.writes()).isZero();
  }

  @Test
  void put_whenBodyOver256KiB_is413AndWritesNothing() {
    TestNewsroom app = new TestNewsroom();
    String body = "{\"title\":\"a\",\"author\":\"b\",\"body\":\"" + "x".repeat(256 * 1024)
        + "\"}";

    APIGatewayV2HTTPResponse response = app.putArticle("a-story", body);

    assertError(response, 413, "payload_too_large");
    assertThat(app.repository.writes()).isZero();
  }

  @Test
  void put_whenBase64BodyOver256KiB_is413() {
    TestNewsroom app = new TestNewsroom();

    APIGatewayV2HTTPResponse response = app.put.handleRequest(ApiEvents.request("PUT",
        "/api/admin/articles/a-story").bearer(app.key).pathParameter("slug", "a-story")
        .header("content-type", "application/json").bytes(new byte[256 * 1024 + 1]).build(),
        null);

    assertError(response, 413, "payload_too_large");
  }

  @Test
  void put_whenBodyExactly256KiB_isReadNotRefusedForSize() {
    // given a valid article padded with spaces to exactly the limit
    TestNewsroom app = new TestNewsroom();
    String padded = VALID + " ".repeat(256 * 1024 - VALID.length());

    APIGatewayV2HTTPResponse response = app.putArticle("a-story", padded);

    assertThat(response.getStatusCode()).isEqualTo(201);
  }

  @Test
  void put_whenContentTypeNotJson_is415AndWritesNothing() {
    TestNewsroom app = new TestNewsroom();
    for (String type : new String[] {null, "text/plain", "application/x-www-form-urlencoded",
        "application/jsonx", "multipart/form-data; boundary=x"}) {
      ApiEvents event = ApiEvents.request("PUT", "/api/admin/articles/a-story").bearer(app.key)
          .pathParameter("slug", "a-story").body(VALID);
      if (type != null) {
        event.header("content-type", type);
      }

      assertError(app.put.handleRequest(event.build(), null), 415, "unsupported_media_type");
    }
    assertThat(app.repository.writes()).isZero();
  }

  @Test
  void put_whenJsonWithCharsetParameter_isAccepted() {
    TestNewsroom app = new TestNewsroom();

    APIGatewayV2HTTPResponse response = app.put.handleRequest(ApiEvents.request("PUT",
        "/api/admin/articles/a-story").bearer(app.key).pathParameter("slug", "a-story")
        .header("Content-Type", "Application/JSON; charset=UTF-8").body(VALID).build(), null);

    assertThat(response.getStatusCode()).isEqualTo(201);
  }

  static void assertError(APIGatewayV2HTTPResponse response, int status, String code) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders()).containsEntry("Content-Type",
        "application/json; charset=utf-8");
    JsonNode error = ApiEvents.json(response).path("error");
    assertThat(error.path("code").asText()).as(response.getBody()).isEqualTo(code);
    assertThat(error.path("message").asText()).isNotBlank();
  }
}
