package dev.newsroom.infra.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.web.ApiEvents;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import dev.newsroom.infra.local.LocalCloud;
import dev.newsroom.infra.local.Newsroom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Keys checked against the real key table: every bad key is a 401 and the data stays as it was. */
@ExtendWith(LocalCloud.class)
class AuthIT {

  private static Newsroom newsroom;
  private static EditorKeyService keys;
  private static String key;

  @BeforeAll
  static void setUp() {
    newsroom = new Newsroom();
    keys = newsroom.keys();
    key = keys.mint("auth-editor").plaintext();
  }

  @Test
  void adminRoutes_whenKeyMissingMalformedUnknownOrRevoked_are401AndChangeNothing() {
    // given a published article and a key that was valid until it was revoked
    String slug = Newsroom.uniqueSlug("auth");
    assertThat(call("PutArticleFunction", "PUT", "", slug, "Bearer " + key).getStatusCode())
        .isEqualTo(201);
    assertThat(call("PublishArticleFunction", "POST", "/publish", slug, "Bearer " + key)
        .getStatusCode()).isEqualTo(200);
    EditorKeyService.MintedKey revoked = keys.mint("auth-editor");
    assertThat(call("UnpublishArticleFunction", "POST", "/unpublish", slug,
        "Bearer " + revoked.plaintext()).getStatusCode()).as("before revocation").isEqualTo(200);
    call("PublishArticleFunction", "POST", "/publish", slug, "Bearer " + key);
    keys.revoke(revoked.keyId());
    List<Map<String, AttributeValue>> before = newsroom.itemsOf(slug);

    // when every admin route is called with every kind of bad key
    List<String> badHeaders = Arrays.asList(null, "", "Bearer", "Bearer nope",
        "Basic " + key, "Bearer nrk." + "A".repeat(16) + key.substring(20),
        "Bearer " + key.substring(0, 21) + "B".repeat(43), "Bearer " + revoked.plaintext());
    for (String header : badHeaders) {
      for (String[] route : new String[][] {{"PutArticleFunction", "PUT", ""},
          {"PublishArticleFunction", "POST", "/publish"},
          {"UnpublishArticleFunction", "POST", "/unpublish"},
          {"DeleteArticleFunction", "DELETE", ""}, {"ListEditorArticlesFunction", "GET", ""}}) {
        APIGatewayV2HTTPResponse response = call(route[0], route[1], route[2], slug, header);

        // then
        assertThat(response.getStatusCode()).as(route[0] + " with " + header).isEqualTo(401);
        assertThat(ApiEvents.json(response).path("error").path("code").asText())
            .isEqualTo("unauthorized");
      }
    }
    assertThat(newsroom.itemsOf(slug)).isEqualTo(before);
  }

  @Test
  void revokedKey_isRefusedAtOnce_whileOtherKeysOfTheEditorStillWork() {
    EditorKeyService.MintedKey first = keys.mint("two-keys");
    EditorKeyService.MintedKey second = keys.mint("two-keys");
    String slug = Newsroom.uniqueSlug("auth");

    keys.revoke(first.keyId());

    assertThat(call("PutArticleFunction", "PUT", "", slug, "Bearer " + first.plaintext())
        .getStatusCode()).isEqualTo(401);
    assertThat(newsroom.itemsOf(slug)).isEmpty();
    APIGatewayV2HTTPResponse created = call("PutArticleFunction", "PUT", "", slug,
        "Bearer " + second.plaintext());
    assertThat(created.getStatusCode()).isEqualTo(201);
    assertThat(ApiEvents.json(created).path("editorId").asText()).isEqualTo("two-keys");
  }

  private static APIGatewayV2HTTPResponse call(String function, String method, String suffix,
      String slug, String authorization) {
    ApiEvents request = function.equals("ListEditorArticlesFunction")
        ? ApiEvents.request(method, "/api/admin/articles")
        : ApiEvents.request(method, "/api/admin/articles/" + slug + suffix)
            .pathParameter("slug", slug);
    if (function.equals("PutArticleFunction")) {
      // content differs from what is stored, so a write that slipped through would show
      request.json(EditorFlowIT.article(authorization != null && authorization.equals("Bearer "
          + key) ? "Original" : "Tampered", "world"));
    }
    if (authorization != null) {
      request.header("authorization", authorization);
    }
    return newsroom.invoke(function, request.build());
  }
}
