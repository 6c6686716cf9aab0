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

/**
 * Listings through the handlers against the real indexes. Every test uses its own tag, so the
 * assertions are exact even when the tables hold other runs' data (a shared LocalStack).
 */
@ExtendWith(LocalCloud.class)
class ListingIT {

  private static Newsroom newsroom;
  private static String key;

  @BeforeAll
  static void setUp() {
    newsroom = new Newsroom();
    key = newsroom.keys().mint("listing-editor").plaintext();
  }

  @Test
  void list_pagesNewestFirstWithCursorsUntilTheEnd() {
    // given seven articles published one after another under one tag, and a draft
    String tag = Newsroom.uniqueSlug("paging");
    List<String> published = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String slug = Newsroom.uniqueSlug("page" + i);
      putAndPublish(slug, null, tag);
      published.add(0, slug);
    }
    put(Newsroom.uniqueSlug("draft"), null, tag);

    // when reading three at a time
    List<String> seen = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = list(tag, "3", cursor);
      sizes.add(page.path("items").size());
      page.path("items").forEach(item -> seen.add(item.path("slug").asText()));
      cursor = page.has("nextCursor") ? page.path("nextCursor").asText() : null;
    } while (cursor != null && sizes.size() < 10);

    // then
    assertThat(seen).containsExactlyElementsOf(published);
    assertThat(sizes).containsExactly(3, 3, 1);
  }

  @Test
  void list_withoutTag_showsNewestPublishedFirstAcrossTags() {
    String first = Newsroom.uniqueSlug("all");
    String second = Newsroom.uniqueSlug("all");
    String draft = Newsroom.uniqueSlug("all-draft");
    putAndPublish(first, null, Newsroom.uniqueSlug("a"));
    putAndPublish(second, null, Newsroom.uniqueSlug("b"));
    put(draft, null, Newsroom.uniqueSlug("c"));

    List<String> top = slugs(list(null, "50", null));

    assertThat(top).contains(first, second).doesNotContain(draft);
    assertThat(top.indexOf(second)).isLessThan(top.indexOf(first));
  }

  @Test
  void list_ordersByPublicationTimeEvenWithinOneSecond() {
    // given imported articles whose dates differ by half a second, one without a fraction
    String tag = Newsroom.uniqueSlug("second");
    String whole = Newsroom.uniqueSlug("whole");
    String half = Newsroom.uniqueSlug("half");
    String older = Newsroom.uniqueSlug("older");
    putAndPublish(half, "2001-02-03T04:05:06.5Z", tag);
    putAndPublish(whole, "2001-02-03T04:05:06Z", tag);
    putAndPublish(older, "1999-12-31T23:59:59.999Z", tag);

    assertThat(slugs(list(tag, null, null))).containsExactly(half, whole, older);
    JsonNode firstPage = list(tag, "1", null);
    JsonNode secondPage = list(tag, "1", firstPage.path("nextCursor").asText());
    assertThat(slugs(secondPage)).containsExactly(whole);
  }

  @Test
  void list_whenQueryForgedOrOutOfRange_is400() {
    String forged = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString("v1:2024-01-01T00:00:00Z#x' OR 1=1".getBytes());
    for (String[] query : new String[][] {{"cursor", forged}, {"cursor", "%%"},
        {"limit", "0"}, {"limit", "51"}, {"tag", "Not A Tag"}}) {
      APIGatewayV2HTTPResponse response = newsroom.invoke("ListArticlesFunction",
          ApiEvents.request("GET", "/api/articles").query(query[0], query[1]).build());

      assertThat(response.getStatusCode()).as(String.join("=", query)).isEqualTo(400);
      assertThat(ApiEvents.json(response).path("error").path("code").asText())
          .isEqualTo("invalid_field");
    }
  }

  @Test
  void listForEditors_showsDraftsMostRecentlyUpdatedFirst() {
    String older = Newsroom.uniqueSlug("ed-old");
    String newer = Newsroom.uniqueSlug("ed-new");
    put(older, null, "world");
    put(newer, null, "world");

    APIGatewayV2HTTPResponse response = newsroom.invoke("ListEditorArticlesFunction",
        ApiEvents.request("GET", "/api/admin/articles").bearer(key).query("limit", "50").build());

    assertThat(response.getStatusCode()).isEqualTo(200);
    List<String> drafts = slugs(ApiEvents.json(response));
    assertThat(drafts).contains(older, newer);
    assertThat(drafts.indexOf(newer)).isLessThan(drafts.indexOf(older));
  }

  private static void put(String slug, String publishedAt, String tag) {
    String json = "{\"title\":\"About " + slug + "\",\"author\":\"Ann\",\"body\":\"Text.\","
        + "\"tags\":[\"" + tag + "\"]"
        + (publishedAt == null ? "" : ",\"publishedAt\":\"" + publishedAt + "\"") + "}";
    APIGatewayV2HTTPResponse response = newsroom.invoke("PutArticleFunction",
        ApiEvents.request("PUT", "/api/admin/articles/" + slug).bearer(key)
            .pathParameter("slug", slug).json(json).build());
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
  }

  private static void putAndPublish(String slug, String publishedAt, String tag) {
    put(slug, publishedAt, tag);
    APIGatewayV2HTTPResponse response = newsroom.invoke("PublishArticleFunction",
        ApiEvents.request("POST", "/api/admin/articles/" + slug + "/publish").bearer(key)
            .pathParameter("slug", slug).build());
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
  }

  private static JsonNode list(String tag, String limit, String cursor) {
    ApiEvents request = ApiEvents.request("GET", "/api/articles");
    if (tag != null) {
      request.query("tag", tag);
    }
    if (limit != null) {
      request.query("limit", limit);
    }
    if (cursor != null) {
      request.query("cursor", cursor);
    }
    APIGatewayV2HTTPResponse response = newsroom.invoke("ListArticlesFunction", request.build());
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return ApiEvents.json(response);
  }

  private static List<String> slugs(JsonNode page) {
    List<String> slugs = new ArrayList<>();
    page.path("items").forEach(item -> slugs.add(item.path("slug").asText()));
    return slugs;
  }
}
