package dev.newsroom.articles;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.InMemoryEditorKeyRepository;
import dev.newsroom.scheduling.DueJobSweep;
import dev.newsroom.scheduling.InMemoryDueJobRepository;
import dev.newsroom.shared.Json;
import dev.newsroom.shared.MutableClock;
import dev.newsroom.web.ApiEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The article handlers and the sweep wired to in-memory fakes that share one clock. The sweep's
 * publisher reads and writes through {@link #sweepSide}, where a test can slip an editor's
 * request in between the publisher's read and its write.
 */
final class ScheduledNewsroom {

  static final Instant START = Instant.parse("2026-03-02T08:59:00Z");

  final MutableClock clock = new MutableClock(START);
  final InMemoryDueJobRepository jobs = new InMemoryDueJobRepository();
  final InMemoryArticleRepository repository = new InMemoryArticleRepository(jobs);
  final EditorKeyService keys = new EditorKeyService(new InMemoryEditorKeyRepository(), clock);
  final String key = keys.mint("alice").plaintext();
  final ArticleService service = new ArticleService(repository, clock);
  final ArticleScheduling scheduling = new ArticleScheduling(repository, clock);
  final RecordingNewsletter newsletter = new RecordingNewsletter();
  final Interleaving sweepSide = new Interleaving(repository);
  final DueJobSweep sweep = new DueJobSweep(jobs,
      List.of(new PublishScheduledArticle(sweepSide, newsletter, clock)), clock,
      Duration.ofSeconds(40));

  final ScheduleArticleHandler schedule = new ScheduleArticleHandler(scheduling, keys);
  final UnscheduleArticleHandler unschedule = new UnscheduleArticleHandler(scheduling, keys);
  final PutArticleHandler put = new PutArticleHandler(service, keys);
  final GetArticleHandler get = new GetArticleHandler(service);
  final ListArticlesHandler list = new ListArticlesHandler(service);
  final ListEditorArticlesHandler listForEditors = new ListEditorArticlesHandler(service, keys);

  APIGatewayV2HTTPResponse draft(String slug, String title) {
    return put.handleRequest(ApiEvents.request("PUT", "/api/admin/articles/" + slug).bearer(key)
        .pathParameter("slug", slug).json(TestNewsroom.articleJson(title)).build(), null);
  }

  APIGatewayV2HTTPResponse schedule(String slug, String json) {
    return schedule.handleRequest(ApiEvents.request("POST", "/api/admin/articles/" + slug
        + "/schedule").bearer(key).pathParameter("slug", slug).json(json).build(), null);
  }

  APIGatewayV2HTTPResponse schedule(String slug, Instant at) {
    return schedule(slug, "{\"publishAt\":\"" + at + "\"}");
  }

  APIGatewayV2HTTPResponse unschedule(String slug) {
    return unschedule.handleRequest(ApiEvents.request("DELETE", "/api/admin/articles/" + slug
        + "/schedule").bearer(key).pathParameter("slug", slug).build(), null);
  }

  APIGatewayV2HTTPResponse publicGet(String slug) {
    return get.handleRequest(ApiEvents.request("GET", "/api/articles/" + slug)
        .pathParameter("slug", slug).build(), null);
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> editorList(String status) throws Exception {
    APIGatewayV2HTTPResponse response = listForEditors.handleRequest(ApiEvents.request("GET",
        "/api/admin/articles").bearer(key).query("status", status).build(), null);
    return (List<Map<String, Object>>) Json.MAPPER.readValue(response.getBody(), Map.class)
        .get("items");
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> publicList() throws Exception {
    APIGatewayV2HTTPResponse response = list.handleRequest(
        ApiEvents.request("GET", "/api/articles").build(), null);
    return (List<Map<String, Object>>) Json.MAPPER.readValue(response.getBody(), Map.class)
        .get("items");
  }

  Article stored(String slug) {
    return repository.find(slug).orElseThrow();
  }

  /** Moves the clock to {@code at} and runs one sweep, as the minute's schedule would. */
  DueJobSweep.Result sweepAt(Instant at) {
    clock.advance(Duration.between(clock.now(), at));
    return sweep.sweep();
  }

  /** The repository as the sweep sees it: runs a one-shot action right before its next save. */
  static final class Interleaving implements ArticleRepository {
    private final ArticleRepository delegate;
    private Runnable beforeSave;

    Interleaving(ArticleRepository delegate) {
      this.delegate = delegate;
    }

    void beforeNextSave(Runnable action) {
      beforeSave = action;
    }

    @Override
    public Optional<Article> find(String slug) {
      return delegate.find(slug);
    }

    @Override
    public void save(Article article, Article previous) {
      Runnable action = beforeSave;
      beforeSave = null;
      if (action != null) {
        action.run();
      }
      delegate.save(article, previous);
    }

    @Override
    public void delete(Article stored) {
      delegate.delete(stored);
    }

    @Override
    public dev.newsroom.shared.Page<ArticleSummary> listPublished(String tag, int limit,
        String afterKey) {
      return delegate.listPublished(tag, limit, afterKey);
    }

    @Override
    public java.util.List<ArticleSummary> listPublishedBetween(String tag, Instant from,
        Instant until, int limit, boolean newestFirst) {
      return delegate.listPublishedBetween(tag, from, until, limit, newestFirst);
    }

    @Override
    public dev.newsroom.shared.Page<ArticleSummary> listByStatus(ArticleStatus status, int limit,
        String afterKey) {
      return delegate.listByStatus(status, limit, afterKey);
    }
  }

  /** Records each start; can be made to fail a number of times. */
  static final class RecordingNewsletter implements NewsletterTrigger {
    final List<String> started = new ArrayList<>();
    int failuresLeft;

    @Override
    public void articlePublished(String slug, long publishedVersion) {
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new IllegalStateException("campaigns unavailable");
      }
      started.add(slug + "@" + publishedVersion);
    }
  }
}
