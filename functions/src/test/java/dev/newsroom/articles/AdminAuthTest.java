package dev.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.web.ApiEvents;
import dev.newsroom.web.HttpHandler;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every admin handler refuses a missing, malformed, unknown or revoked key, and changes nothing. */
class AdminAuthTest {

  private static final String SLUG = "existing-story";

  static Stream<Arguments> badKeysForEveryAdminRoute() {
    List<String> routes = List.of("PUT", "PUBLISH", "UNPUBLISH", "DELETE", "LIST");
    List<String> badKeys = List.of("missing", "malformed", "wrong scheme", "unknown key id",
        "wrong secret", "revoked");
    return routes.stream().flatMap(r -> badKeys.stream().map(k -> Arguments.of(r, k)));
  }

  @ParameterizedTest(name = "{0} with {1} key")
  @MethodSource("badKeysForEveryAdminRoute")
  void adminRoute_whenKeyNotValid_is401WithErrorShapeAndChangesNothing(String route,
      String badKey) {
    // given a published article, a live key, and a key that was revoked
    TestNewsroom app = new TestNewsroom();
    app.published(SLUG, "world");
    EditorKeyService.MintedKey revoked = app.keys.mint("bob");
    app.keys.revoke(revoked.keyId());
    Map<String, Article> before = app.repository.snapshot();
    int writesBefore = app.repository.writes();

    // when
    String header = switch (badKey) {
      case "missing" -> null;
      case "malformed" -> "Bearer not-a-key";
      case "wrong scheme" -> "Basic " + app.key;
      case "unknown key id" -> "Bearer nrk." + "Q".repeat(16) + app.key.substring(20);
      case "wrong secret" -> "Bearer " + app.key.substring(0, 21) + "x".repeat(43);
      case "revoked" -> "Bearer " + revoked.plaintext();
      default -> throw new IllegalArgumentException(badKey);
    };
    APIGatewayV2HTTPResponse response = call(app, route, header);

    // then
    assertThat(response.getStatusCode()).isEqualTo(401);
    assertThat(response.getHeaders()).containsEntry("WWW-Authenticate", "Bearer")
        .containsEntry("Cache-Control", "no-store");
    JsonNode error = ApiEvents.json(response).path("error");
    assertThat(error.path("code").asText()).isEqualTo("unauthorized");
    assertThat(error.path("message").asText()).isNotBlank();
    assertThat(response.getBody()).doesNotContain(app.key).doesNotContain(revoked.plaintext());
    assertThat(app.repository.writes()).isEqualTo(writesBefore);
    assertThat(app.repository.snapshot()).isEqualTo(before);
  }

  private static APIGatewayV2HTTPResponse call(TestNewsroom app, String route, String header) {
    ApiEvents event = switch (route) {
      case "PUT" -> ApiEvents.request("PUT", "/api/admin/articles/" + SLUG)
          .pathParameter("slug", SLUG).json(TestNewsroom.articleJson("Replaced"));
      case "PUBLISH", "UNPUBLISH" -> ApiEvents.request("POST", "/api/admin/articles/" + SLUG
          + "/" + route.toLowerCase()).pathParameter("slug", SLUG);
      case "DELETE" -> ApiEvents.request("DELETE", "/api/admin/articles/" + SLUG)
          .pathParameter("slug", SLUG);
      case "LIST" -> ApiEvents.request("GET", "/api/admin/articles").query("status", "published");
      default -> throw new IllegalArgumentException(route);
    };
    if (header != null) {
      event.header("Authorization", header);
    }
    HttpHandler handler = switch (route) {
      case "PUT" -> app.put;
      case "PUBLISH" -> app.publish;
      case "UNPUBLISH" -> app.unpublish;
      case "DELETE" -> app.delete;
      default -> app.listForEditors;
    };
    return handler.handleRequest(event.build(), null);
  }
}
