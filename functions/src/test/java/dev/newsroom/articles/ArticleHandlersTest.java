package dev.newsroom.articles;

import static dev.newsroom.articles.StrictJsonTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.web.ApiEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The editor flow and the public reads, through the real handlers over in-memory fakes. */
class ArticleHandlersTest {

  private final TestNewsroom app = new TestNewsroom();

  @Test
  void put_whenNew_is201DraftRecordingTheEditor() {
    APIGatewayV2HTTPResponse response = app.putArticle("first-story",
        TestNewsroom.articleJson("First", "world"));

    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(response.getHeaders()).containsEntry("Cache-Control", "no-store");
    JsonNode json = ApiEvents.json(response);
    assertThat(json.path("slug").asText()).isEqualTo("first-story");
    assertThat(json.path("status").asText()).isEqualTo("draft");
    assertThat(json.path("editorId").asText()).isEqualTo("alice");
    assertThat(json.path("version").asLong()).isEqualTo(1);
    assertThat(json.path("bodyHtml").asText()).isEqualTo("<p>Some <em>news</em> about First.</p>");
    assertThat(json.path("tags")).extracting(JsonNode::asText).containsExactly("world");
    assertThat(json.has("publishedAt")).isFalse();
  }

  @Test
  void put_whenReplayedWithSameContent_is200AndWritesNothing() {
    app.putArticle("first-story", TestNewsroom.articleJson("First"));
    int writes = app.repository.writes();
    Article before = app.repository.find("first-story").orElseThrow();
    app.clock.advance(Duration.ofMinutes(5));

    APIGatewayV2HTTPResponse replay = app.putArticle("first-story",
        TestNewsroom.articleJson("First"));

    assertThat(replay.getStatusCode()).isEqualTo(200);
    assertThat(app.repository.writes()).isEqualTo(writes);
    assertThat(app.repository.find("first-story")).contains(before);
    assertThat(ApiEvents.json(replay).path("version").asLong()).isEqualTo(1);
  }

  @Test
  void put_whenContentChanges_is200NewVersionByThatEditor() {
    app.putArticle("first-story", TestNewsroom.articleJson("First"));
    String bobKey = app.keys.mint("bob").plaintext();
    app.clock.advance(Duration.ofMinutes(5));

    APIGatewayV2HTTPResponse response = app.put.handleRequest(ApiEvents.request("PUT",
        "/api/admin/articles/first-story").bearer(bobKey).pathParameter("slug", "first-story")
        .json(TestNewsroom.articleJson("First, revised")).build(), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    Article stored = app.repository.find("first-story").orElseThrow();
    assertThat(stored.title()).isEqualTo("First, revised");
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.editorId()).isEqualTo("bob");
    assertThat(stored.updatedAt()).isEqualTo(app.clock.now());
  }

  @Test
  void put_whenArticlePublished_keepsItPublishedWithNewContent() {
    app.published("live-story", "world");

    app.putArticle("live-story", TestNewsroom.articleJson("Corrected", "world"));

    JsonNode json = ApiEvents.json(app.getArticle("live-story"));
    assertThat(json.path("title").asText()).isEqualTo("Corrected");
  }

  @Test
  void get_whenPublished_is200WithCachingHeadersAndNoEditorFields() {
    app.published("live-story", "world");

    APIGatewayV2HTTPResponse response = app.getArticle("live-story");

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders()).containsKey("ETag")
        .containsEntry("Cache-Control", GetArticleHandler.CACHE);
    JsonNode json = ApiEvents.json(response);
    assertThat(json.path("title").asText()).isEqualTo("Title of live-story");
    assertThat(json.path("publishedAt").asText()).isEqualTo(app.clock.now().toString());
    assertThat(json.has("editorId")).isFalse();
    assertThat(json.has("version")).isFalse();
  }

  @Test
  void get_whenIfNoneMatchCurrent_is304_andAfterAnEdit_is200() {
    app.published("live-story");
    String etag = app.getArticle("live-story").getHeaders().get("ETag");

    APIGatewayV2HTTPResponse unchanged = app.get.handleRequest(ApiEvents.request("GET",
        "/api/articles/live-story").pathParameter("slug", "live-story")
        .header("If-None-Match", etag).build(), null);
    app.putArticle("live-story", TestNewsroom.articleJson("Edited"));
    APIGatewayV2HTTPResponse edited = app.get.handleRequest(ApiEvents.request("GET",
        "/api/articles/live-story").pathParameter("slug", "live-story")
        .header("If-None-Match", etag).build(), null);

    assertThat(unchanged.getStatusCode()).isEqualTo(304);
    assertThat(unchanged.getBody()).isEmpty();
    assertThat(unchanged.getHeaders()).containsEntry("ETag", etag);
    assertThat(edited.getStatusCode()).isEqualTo(200);
    assertThat(edited.getHeaders().get("ETag")).isNotEqualTo(etag);
  }

  @Test
  void get_whenDraftUnknownOrInvalidSlug_isTheSame404() {
    app.putArticle("draft-story", TestNewsroom.articleJson("Draft"));

    APIGatewayV2HTTPResponse draft = app.getArticle("draft-story");
    APIGatewayV2HTTPResponse unknown = app.getArticle("no-such-story");
    APIGatewayV2HTTPResponse invalid = app.getArticle("Not..A..Slug");

    assertError(draft, 404, "not_found");
    assertThat(unknown.getBody()).isEqualTo(draft.getBody());
    assertThat(invalid.getBody()).isEqualTo(draft.getBody());
    assertThat(draft.getHeaders()).doesNotContainKey("ETag");
  }

  @Test
  void publish_setsPublishedAtOnce_andAgainIsANoOp() {
    app.putArticle("a-story", TestNewsroom.articleJson("A"));
    Instant publishTime = app.clock.now();

    APIGatewayV2HTTPResponse first = app.publishArticle("a-story");
    int writes = app.repository.writes();
    app.clock.advance(Duration.ofHours(1));
    APIGatewayV2HTTPResponse second = app.publishArticle("a-story");

    assertThat(first.getStatusCode()).isEqualTo(200);
    assertThat(ApiEvents.json(first).path("status").asText()).isEqualTo("published");
    assertThat(ApiEvents.json(first).path("publishedAt").asText())
        .isEqualTo(publishTime.toString());
    assertThat(second.getStatusCode()).isEqualTo(200);
    assertThat(app.repository.writes()).isEqualTo(writes);
  }

  @Test
  void unpublish_hidesTheArticle_andRepublishKeepsTheFirstDate() {
    app.published("a-story", "world");
    String firstDate = ApiEvents.json(app.getArticle("a-story")).path("publishedAt").asText();

    APIGatewayV2HTTPResponse unpublished = app.unpublishArticle("a-story");

    assertThat(unpublished.getStatusCode()).isEqualTo(200);
    assertThat(ApiEvents.json(unpublished).path("status").asText()).isEqualTo("draft");
    assertThat(app.getArticle("a-story").getStatusCode()).isEqualTo(404);
    assertThat(slugs(list(null, null, null))).isEmpty();
    assertThat(slugs(list("world", null, null))).isEmpty();

    app.clock.advance(Duration.ofDays(1));
    app.publishArticle("a-story");
    assertThat(ApiEvents.json(app.getArticle("a-story")).path("publishedAt").asText())
        .isEqualTo(firstDate);
  }

  @Test
  void unpublish_whenDraft_isANoOp() {
    app.putArticle("a-story", TestNewsroom.articleJson("A"));
    int writes = app.repository.writes();

    assertThat(app.unpublishArticle("a-story").getStatusCode()).isEqualTo(200);
    assertThat(app.repository.writes()).isEqualTo(writes);
  }

  @Test
  void delete_removesTheArticle_andAgainIs404() {
    app.published("a-story", "world");

    APIGatewayV2HTTPResponse deleted = app.deleteArticle("a-story");
    APIGatewayV2HTTPResponse again = app.deleteArticle("a-story");

    assertThat(deleted.getStatusCode()).isEqualTo(204);
    assertThat(deleted.getBody()).isEmpty();
    assertThat(app.repository.find("a-story")).isEmpty();
    assertThat(app.getArticle("a-story").getStatusCode()).isEqualTo(404);
    assertThat(slugs(list("world", null, null))).isEmpty();
    assertError(again, 404, "not_found");
  }

  @Test
  void publishUnpublishDelete_whenSlugUnknown_are404AndWriteNothing() {
    assertError(app.publishArticle("ghost"), 404, "not_found");
    assertError(app.unpublishArticle("ghost"), 404, "not_found");
    assertError(app.deleteArticle("ghost"), 404, "not_found");
    assertThat(app.repository.writes()).isZero();
  }

  @Test
  void list_isNewestFirstAcrossPagesWithOpaqueCursor() {
    // given seven published articles a minute apart, and one draft
    for (int i = 1; i <= 7; i++) {
      app.published("story-" + i);
    }
    app.putArticle("draft-story", TestNewsroom.articleJson("Draft"));

    // when paging three at a time
    List<String> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = ApiEvents.json(list(null, "3", cursor));
      pageSizes.add(page.path("items").size());
      seen.addAll(slugs(page));
      cursor = page.has("nextCursor") ? page.path("nextCursor").asText() : null;
      assertThat(cursor == null || !cursor.contains("story")).isTrue();
    } while (cursor != null);

    // then every published article shows once, newest first, and the last page has no cursor
    assertThat(seen).containsExactly("story-7", "story-6", "story-5", "story-4", "story-3",
        "story-2", "story-1");
    assertThat(pageSizes).containsExactly(3, 3, 1);
  }

  @Test
  void list_whenLastPageIsFull_hasNoCursor() {
    for (int i = 1; i <= 4; i++) {
      app.published("story-" + i);
    }

    JsonNode first = ApiEvents.json(list(null, "2", null));
    JsonNode second = ApiEvents.json(list(null, "2", first.path("nextCursor").asText()));

    assertThat(slugs(second)).containsExactly("story-2", "story-1");
    assertThat(second.has("nextCursor")).isFalse();
  }

  @Test
  void list_withTag_showsOnlyThatTagNewestFirst() {
    app.published("one", "world");
    app.published("two", "sport");
    app.published("three", "world", "sport");

    assertThat(slugs(list("world", null, null))).containsExactly("three", "one");
    assertThat(slugs(list("sport", null, null))).containsExactly("three", "two");
    assertThat(slugs(list("science", null, null))).isEmpty();
  }

  @Test
  void list_whenImportedWithOlderDate_sortsByPublicationDate() {
    app.published("recent");
    app.putArticle("archive", TestNewsroom.articleJson("Archive").replace("}",
        ",\"publishedAt\":\"2024-02-03T12:00:00Z\"}"));
    app.publishArticle("archive");

    assertThat(slugs(list(null, null, null))).containsExactly("recent", "archive");
  }

  @Test
  void list_whenQueryInvalid_is400OnThatParameter() {
    app.published("one");
    String forged = java.util.Base64.getUrlEncoder().encodeToString("v1:x#y".getBytes());

    for (String[] query : new String[][] {{"limit", "0"}, {"limit", "51"}, {"limit", "ten"},
        {"tag", "Not A Tag"}, {"cursor", forged}, {"cursor", "garbage"}}) {
      APIGatewayV2HTTPResponse response = app.list.handleRequest(ApiEvents.request("GET",
          "/api/articles").query(query[0], query[1]).build(), null);

      assertError(response, 400, "invalid_field");
      assertThat(ApiEvents.json(response).path("error").path("field").asText())
          .isEqualTo(query[0].equals("tag") ? "tags" : query[0]);
    }
  }

  @Test
  void list_carriesEtagAndAnswers304WhenUnchanged() {
    app.published("one");
    APIGatewayV2HTTPResponse first = list(null, null, null);

    APIGatewayV2HTTPResponse again = app.list.handleRequest(ApiEvents.request("GET",
        "/api/articles").header("if-none-match", first.getHeaders().get("ETag")).build(), null);

    assertThat(first.getHeaders()).containsEntry("Cache-Control", ListArticlesHandler.CACHE);
    assertThat(again.getStatusCode()).isEqualTo(304);
  }

  @Test
  void listForEditors_showsDraftsByDefaultAndPublishedOnRequest() {
    app.published("live");
    app.clock.advance(Duration.ofMinutes(1));
    app.putArticle("draft-a", TestNewsroom.articleJson("A"));
    app.clock.advance(Duration.ofMinutes(1));
    app.putArticle("draft-b", TestNewsroom.articleJson("B"));

    JsonNode drafts = ApiEvents.json(editorList(null));
    JsonNode published = ApiEvents.json(editorList("published"));

    assertThat(slugs(drafts)).containsExactly("draft-b", "draft-a");
    assertThat(drafts.path("items").get(0).path("status").asText()).isEqualTo("draft");
    assertThat(slugs(published)).containsExactly("live");
    assertError(editorList("archived"), 400, "invalid_field");
  }

  private APIGatewayV2HTTPResponse editorList(String status) {
    ApiEvents event = ApiEvents.request("GET", "/api/admin/articles").bearer(app.key);
    if (status != null) {
      event.query("status", status);
    }
    return app.listForEditors.handleRequest(event.build(), null);
  }

  private APIGatewayV2HTTPResponse list(String tag, String limit, String cursor) {
    ApiEvents event = ApiEvents.request("GET", "/api/articles");
    if (tag != null) {
      event.query("tag", tag);
    }
    if (limit != null) {
      event.query("limit", limit);
    }
    if (cursor != null) {
      event.query("cursor", cursor);
    }
    APIGatewayV2HTTPResponse response = app.list.handleRequest(event.build(), null);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return response;
  }

  private static List<String> slugs(APIGatewayV2HTTPResponse response) {
    return slugs(ApiEvents.json(response));
  }

  private static List<String> slugs(JsonNode page) {
    List<String> slugs = new ArrayList<>();
    page.path("items").forEach(item -> slugs.add(item.path("slug").asText()));
    return slugs;
  }
}
