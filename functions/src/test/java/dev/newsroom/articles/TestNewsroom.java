package dev.newsroom.articles;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.InMemoryEditorKeyRepository;
import dev.newsroom.shared.MutableClock;
import dev.newsroom.web.ApiEvents;
import java.time.Duration;
import java.time.Instant;

/** Every article handler wired to in-memory fakes, plus one valid editor key. */
final class TestNewsroom {

  static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

  final MutableClock clock = new MutableClock(START);
  final InMemoryArticleRepository repository = new InMemoryArticleRepository();
  final InMemoryEditorKeyRepository keyStore = new InMemoryEditorKeyRepository();
  final ArticleService service = new ArticleService(repository, clock);
  final EditorKeyService keys = new EditorKeyService(keyStore, clock);
  final String key = keys.mint("alice").plaintext();

  final GetArticleHandler get = new GetArticleHandler(service);
  final ListArticlesHandler list = new ListArticlesHandler(service);
  final PutArticleHandler put = new PutArticleHandler(service, keys);
  final PublishArticleHandler publish = new PublishArticleHandler(service, keys);
  final UnpublishArticleHandler unpublish = new UnpublishArticleHandler(service, keys);
  final DeleteArticleHandler delete = new DeleteArticleHandler(service, keys);
  final ListEditorArticlesHandler listForEditors = new ListEditorArticlesHandler(service, keys);

  static String articleJson(String title, String... tags) {
    StringBuilder tagJson = new StringBuilder();
    for (String tag : tags) {
      tagJson.append(tagJson.length() == 0 ? "" : ",").append('"').append(tag).append('"');
    }
    return "{\"title\":\"" + title + "\",\"summary\":\"About " + title + "\","
        + "\"body\":\"Some *news* about " + title + ".\",\"author\":\"Ann Editor\","
        + "\"tags\":[" + tagJson + "]}";
  }

  APIGatewayV2HTTPResponse putArticle(String slug, String json) {
    return put.handleRequest(ApiEvents.request("PUT", "/api/admin/articles/" + slug)
        .bearer(key).pathParameter("slug", slug).json(json).build(), null);
  }

  APIGatewayV2HTTPResponse publishArticle(String slug) {
    return publish.handleRequest(ApiEvents.request("POST", "/api/admin/articles/" + slug
        + "/publish").bearer(key).pathParameter("slug", slug).build(), null);
  }

  APIGatewayV2HTTPResponse unpublishArticle(String slug) {
    return unpublish.handleRequest(ApiEvents.request("POST", "/api/admin/articles/" + slug
        + "/unpublish").bearer(key).pathParameter("slug", slug).build(), null);
  }

  APIGatewayV2HTTPResponse deleteArticle(String slug) {
    return delete.handleRequest(ApiEvents.request("DELETE", "/api/admin/articles/" + slug)
        .bearer(key).pathParameter("slug", slug).build(), null);
  }

  APIGatewayV2HTTPResponse getArticle(String slug) {
    return get.handleRequest(ApiEvents.request("GET", "/api/articles/" + slug)
        .pathParameter("slug", slug).build(), null);
  }

  /** Creates and publishes an article, one clock minute after the previous one. */
  void published(String slug, String... tags) {
    clock.advance(Duration.ofMinutes(1));
    require(putArticle(slug, articleJson("Title of " + slug, tags)), 201);
    require(publishArticle(slug), 200);
  }

  private static void require(APIGatewayV2HTTPResponse response, int status) {
    if (response.getStatusCode() != status) {
      throw new AssertionError("setup expected " + status + " but got "
          + response.getStatusCode() + ": " + response.getBody());
    }
  }
}
