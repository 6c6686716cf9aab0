package dev.newsroom.devserver;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Loads the seed article through the real editor handlers, so a new user sees a real article at
 * once, and the seeding itself exercises the publish path.
 */
final class SeedContent {

  static final String SEED_SLUG = "us-bombers-hit-iran-backed-militias-hard-in-syria-and-iraq";

  private SeedContent() {}

  static void load(HttpApiBridge api, String editorKey) throws IOException {
    int status = api.invoke("dev.newsroom.articles.GetArticleHandler",
        request("GET", Map.of(), null)).getStatusCode();
    if (status == 200) {
      return;
    }
    String body;
    try (InputStream in = SeedContent.class.getResourceAsStream("/seed/" + SEED_SLUG + ".json")) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, String> auth = Map.of("authorization", "Bearer " + editorKey,
        "content-type", "application/json");
    require(api.invoke("dev.newsroom.articles.PutArticleHandler", request("PUT", auth, body))
        .getStatusCode(), "PUT");
    require(api.invoke("dev.newsroom.articles.PublishArticleHandler",
        request("POST", auth, null)).getStatusCode(), "publish");
  }

  private static APIGatewayV2HTTPEvent request(String method, Map<String, String> headers,
      String body) {
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withHeaders(headers)
        .withPathParameters(Map.of("slug", SEED_SLUG))
        .withBody(body)
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method).withSourceIp("127.0.0.1").build())
            .build())
        .build();
  }

  private static void require(int status, String step) {
    if (status >= 300) {
      throw new IllegalStateException("seeding failed at " + step + ": HTTP " + status);
    }
  }
}
