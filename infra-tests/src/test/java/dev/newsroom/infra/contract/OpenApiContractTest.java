package dev.newsroom.infra.contract;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract checker against the real openapi.yaml: it accepts the documented shapes only. */
class OpenApiContractTest {

  private static final String ARTICLE = """
      {"slug":"hello-newsroom","title":"Hello","summary":"","author":"Ann","tags":["world"],
       "heroImage":{"url":"https://img.example.org/a.jpg","alt":"A room"},
       "publishedAt":"2026-01-05T09:00:00Z","updatedAt":"2026-01-05T09:00:00Z",
       "bodyHtml":"<p>Hi</p>"}""";

  @Test
  void response_whenDocumentedShape_passes() {
    assertThatCode(() -> OpenApiContract.assertResponseMatches("GET",
        "/api/articles/hello-newsroom", 200, ARTICLE)).doesNotThrowAnyException();
  }

  @Test
  void response_whenRequiredFieldMissing_fails() {
    String withoutSlug = ARTICLE.replace("\"slug\":\"hello-newsroom\",", "");

    assertThatThrownBy(() -> OpenApiContract.assertResponseMatches("GET",
        "/api/articles/hello-newsroom", 200, withoutSlug))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("GET /api/articles/{slug} -> 200 body does not match")
        .hasMessageContaining("slug");
  }

  @Test
  void response_whenUndocumentedField_fails() {
    String withStatus = ARTICLE.replace("{\"slug\"", "{\"status\":\"draft\",\"slug\"");

    assertThatThrownBy(() -> OpenApiContract.assertResponseMatches("GET",
        "/api/articles/hello-newsroom", 200, withStatus))
        .isInstanceOf(AssertionError.class).hasMessageContaining("status");
  }

  @Test
  void response_whenWrongFormat_fails() {
    String badDate = ARTICLE.replace("\"updatedAt\":\"2026-01-05T09:00:00Z\"",
        "\"updatedAt\":\"yesterday\"");

    assertThatThrownBy(() -> OpenApiContract.assertResponseMatches("GET",
        "/api/articles/hello-newsroom", 200, badDate))
        .isInstanceOf(AssertionError.class).hasMessageContaining("updatedAt");
  }

  @Test
  void response_whenStatusNotDocumented_fails() {
    assertThatThrownBy(() -> OpenApiContract.assertResponseMatches("DELETE",
        "/api/admin/articles/x", 200, "{}"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("answered 200, which openapi.yaml does not document");
  }

  @Test
  void response_whenErrorShapeDiffers_fails() {
    assertThatThrownBy(() -> OpenApiContract.assertResponseMatches("GET", "/api/articles/x",
        404, "{\"message\":\"Not Found\"}"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("error");
    assertThatCode(() -> OpenApiContract.assertResponseMatches("GET", "/api/articles/x", 404,
        "{\"error\":{\"code\":\"not_found\",\"message\":\"No published article has this slug.\"}}"))
        .doesNotThrowAnyException();
  }

  @Test
  void response_whenBodyWhereNoneIsDocumented_fails() {
    assertThatThrownBy(() -> OpenApiContract.assertResponseMatches("DELETE",
        "/api/admin/articles/x", 204, "{}"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("documents no body");
  }

  @Test
  void response_whenDocumentedHeaderHasWrongValue_fails() {
    APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder().withStatusCode(401)
        .withHeaders(Map.of("Content-Type", "application/json; charset=utf-8",
            "Cache-Control", "public, max-age=60"))
        .withBody("{\"error\":{\"code\":\"unauthorized\",\"message\":\"A key.\"}}").build();

    assertThatThrownBy(() -> OpenApiContract.assertResponseMatches("GET", "/api/admin/articles",
        response))
        .isInstanceOf(AssertionError.class).hasMessageContaining("header Cache-Control");
  }

  @Test
  void request_whenUnknownFieldOrMissingRequired_fails() {
    assertThatCode(() -> OpenApiContract.assertRequestMatches("PUT", "/api/admin/articles/a",
        "application/json", "{\"title\":\"T\",\"author\":\"A\",\"body\":\"B\"}"))
        .doesNotThrowAnyException();

    assertThatThrownBy(() -> OpenApiContract.assertRequestMatches("PUT",
        "/api/admin/articles/a", "application/json",
        "{\"title\":\"T\",\"author\":\"A\",\"body\":\"B\",\"colour\":\"red\"}"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("colour");
    assertThatThrownBy(() -> OpenApiContract.assertRequestMatches("PUT",
        "/api/admin/articles/a", "application/json", "{\"title\":\"T\",\"body\":\"B\"}"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("author");
  }

  @Test
  void request_whenFormPost_isReadAsFlatFields() {
    assertThatCode(() -> OpenApiContract.assertRequestMatches("POST", "/api/contact",
        "application/x-www-form-urlencoded",
        "name=Ada&email=ada%40example.org&message=Hello+there&website="))
        .doesNotThrowAnyException();

    assertThatThrownBy(() -> OpenApiContract.assertRequestMatches("POST", "/api/contact",
        "application/x-www-form-urlencoded", "name=Ada&message=Hello"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("email");
    assertThatThrownBy(() -> OpenApiContract.assertRequestMatches("POST", "/api/contact",
        "text/plain", "hello"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("text/plain");
  }

  @Test
  void schema_whenKeywordMisspelt_fails() {
    OpenApiContract contract = new OpenApiContract(yaml("""
        openapi: 3.1.0
        paths:
          /api/things:
            get:
              responses:
                "200":
                  content:
                    application/json:
                      schema: { type: object, requried: [id] }
        """));

    assertThatThrownBy(() -> contract.checkResponse("GET", "/api/things", 200, Map.of(), "{}"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("requried");
  }

  @Test
  void response_whenHtmlPage_isCheckedForItsMediaTypeOnly() {
    OpenApiContract contract = new OpenApiContract(yaml("""
        openapi: 3.1.0
        paths:
          /api/page:
            get:
              responses:
                "200":
                  content:
                    text/html:
                      schema: { type: string }
        """));

    assertThatCode(() -> contract.checkResponse("GET", "/api/page", 200,
        Map.of("Content-Type", "text/html; charset=utf-8"), "<p>Done</p>"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> contract.checkResponse("GET", "/api/page", 200,
        Map.of("Content-Type", "application/json"), "{}"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("application/json");
  }

  @Test
  void anyCheck_whenRouteNotDocumented_fails() {
    assertThatThrownBy(() -> OpenApiContract.assertResponseMatches("PATCH", "/api/articles/x",
        200, "{}"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("documents no operation for PATCH /api/articles/x");
  }

  private static JsonNode yaml(String text) {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
