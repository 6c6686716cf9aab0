package dev.newsroom.infra.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.web.ApiEvents;
import java.util.ArrayList;
import java.util.List;
import dev.newsroom.infra.local.LocalCloud;
import dev.newsroom.infra.local.Newsroom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An editor's whole day through the real handlers and the real table, over HTTP. */
@ExtendWith(LocalCloud.class)
class EditorFlowIT {

  private static Newsroom newsroom;
  private static String key;

  @BeforeAll
  static void setUp() {
    newsroom = new Newsroom();
    key = newsroom.keys().mint("flow-editor").plaintext();
  }

  @Test
  void editor_createsPublishesUnpublishesAndDeletes_andReadersSeeEachStep() {
    String slug = Newsroom.uniqueSlug("flow");
    String tag = Newsroom.uniqueSlug("tag");

    // create: a draft, invisible to readers
    APIGatewayV2HTTPResponse created = put(slug, article("Harbour reopens", tag));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
    assertThat(ApiEvents.json(created).path("editorId").asText()).isEqualTo("flow-editor");
    assertThat(get(slug).getStatusCode()).isEqualTo(404);
    assertThat(newsroom.itemsOf(slug)).hasSize(1);

    // replaying the same PUT changes nothing, not even the version
    APIGatewayV2HTTPResponse replay = put(slug, article("Harbour reopens", tag));
    assertThat(replay.getStatusCode()).isEqualTo(200);
    assertThat(ApiEvents.json(replay).path("version").asLong()).isEqualTo(1);
    assertThat(newsroom.itemsOf(slug)).singleElement()
        .satisfies(item -> assertThat(item.get("version").n()).isEqualTo("1"));

    // publish: readable, listed under its tag, cacheable
    APIGatewayV2HTTPResponse published = admin("POST", "/publish", "PublishArticleFunction", slug);
    assertThat(published.getStatusCode()).as(published.getBody()).isEqualTo(200);
    APIGatewayV2HTTPResponse read = get(slug);
    assertThat(read.getStatusCode()).isEqualTo(200);
    assertThat(ApiEvents.json(read).path("bodyHtml").asText())
        .isEqualTo("<p>The <strong>harbour</strong> is open.</p>");
    String etag = read.getHeaders().get("ETag");
    assertThat(newsroom.invoke("GetArticleFunction", ApiEvents.request("GET",
        "/api/articles/" + slug).pathParameter("slug", slug).header("if-none-match", etag)
        .build()).getStatusCode()).isEqualTo(304);
    assertThat(listedUnder(tag)).containsExactly(slug);
    assertThat(newsroom.itemsOf(slug)).hasSize(2);

    // edit while published: the listing entry follows
    put(slug, article("Harbour reopens at dawn", tag));
    assertThat(ApiEvents.json(get(slug)).path("title").asText())
        .isEqualTo("Harbour reopens at dawn");
    assertThat(titlesUnder(tag)).containsExactly("Harbour reopens at dawn");

    // unpublish: gone for readers, listing entries removed, the draft kept
    APIGatewayV2HTTPResponse unpublished = admin("POST", "/unpublish",
        "UnpublishArticleFunction", slug);
    assertThat(unpublished.getStatusCode()).isEqualTo(200);
    assertThat(get(slug).getStatusCode()).isEqualTo(404);
    assertThat(listedUnder(tag)).isEmpty();
    assertThat(newsroom.itemsOf(slug)).singleElement()
        .satisfies(item -> assertThat(item.get("status").s()).isEqualTo("draft"));

    // delete: nothing left, and a second delete is a 404
    assertThat(admin("DELETE", "", "DeleteArticleFunction", slug).getStatusCode()).isEqualTo(204);
    assertThat(newsroom.itemsOf(slug)).isEmpty();
    assertThat(admin("DELETE", "", "DeleteArticleFunction", slug).getStatusCode()).isEqualTo(404);
  }

  @Test
  void delete_whenPublished_removesTheListingEntriesToo() {
    String slug = Newsroom.uniqueSlug("flow");
    String tag = Newsroom.uniqueSlug("tag");
    put(slug, article("Short-lived", tag, "world"));
    admin("POST", "/publish", "PublishArticleFunction", slug);
    assertThat(newsroom.itemsOf(slug)).hasSize(3);

    assertThat(admin("DELETE", "", "DeleteArticleFunction", slug).getStatusCode()).isEqualTo(204);

    assertThat(newsroom.itemsOf(slug)).isEmpty();
    assertThat(listedUnder(tag)).isEmpty();
  }

  @Test
  void put_whenBadJson_is400AndWritesNothing() {
    String slug = Newsroom.uniqueSlug("flow");

    APIGatewayV2HTTPResponse response = put(slug, "{\"title\":\"x\",\"unknown\":1}");

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(ApiEvents.json(response).path("error").path("code").asText())
        .isEqualTo("unknown_field");
    assertThat(newsroom.itemsOf(slug)).isEmpty();
  }

  static String article(String title, String... tags) {
    return "{\"title\":\"" + title + "\",\"author\":\"Ann Editor\","
        + "\"body\":\"The **harbour** is open.\",\"tags\":[\"" + String.join("\",\"", tags)
        + "\"]}";
  }

  private static APIGatewayV2HTTPResponse put(String slug, String json) {
    return newsroom.invoke("PutArticleFunction", ApiEvents.request("PUT",
        "/api/admin/articles/" + slug).bearer(key).pathParameter("slug", slug).json(json).build());
  }

  private static APIGatewayV2HTTPResponse admin(String method, String suffix, String function,
      String slug) {
    return newsroom.invoke(function, ApiEvents.request(method, "/api/admin/articles/" + slug
        + suffix).bearer(key).pathParameter("slug", slug).build());
  }

  private static APIGatewayV2HTTPResponse get(String slug) {
    return newsroom.invoke("GetArticleFunction", ApiEvents.request("GET", "/api/articles/" + slug)
        .pathParameter("slug", slug).build());
  }

  private static JsonNode listing(String tag) {
    APIGatewayV2HTTPResponse response = newsroom.invoke("ListArticlesFunction",
        ApiEvents.request("GET", "/api/articles").query("tag", tag).query("limit", "50").build());
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return ApiEvents.json(response);
  }

  private static List<String> listedUnder(String tag) {
    return values(listing(tag), "slug");
  }

  private static List<String> titlesUnder(String tag) {
    return values(listing(tag), "title");
  }

  private static List<String> values(JsonNode page, String field) {
    List<String> values = new ArrayList<>();
    page.path("items").forEach(item -> values.add(item.path(field).asText()));
    return values;
  }
}
