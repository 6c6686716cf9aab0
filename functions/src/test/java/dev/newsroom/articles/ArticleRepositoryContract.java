package dev.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.shared.ConflictException;
import dev.newsroom.shared.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ArticleRepository} does, run against the in-memory fake (unit tests) and the
 * DynamoDB adapter on DynamoDB Local (infra-tests), so the two cannot drift. Slugs and tags are
 * unique per run, so the adapter's tables may hold other tests' articles.
 */
public abstract class ArticleRepositoryContract {

  private ArticleRepository repository;
  private String run;

  /** A repository; the same store for every call within one test. */
  protected abstract ArticleRepository repository();

  @BeforeEach
  void createRepository() {
    repository = repository();
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void save_whenNew_storesTheArticleAsGiven() {
    Article draft = article("new", 1, ArticleStatus.DRAFT, at(1));

    repository.save(draft, null);

    assertThat(repository.find(draft.slug())).contains(draft);
  }

  @Test
  void save_whenCreatingAnArticleThatExists_isAConflictAndKeepsTheStoredOne() {
    Article first = article("twice", 1, ArticleStatus.DRAFT, at(1));
    repository.save(first, null);

    assertThatThrownBy(() -> repository.save(article("twice", 1, ArticleStatus.PUBLISHED, at(2)),
        null)).isInstanceOf(ConflictException.class);
    assertThat(repository.find(first.slug())).contains(first);
  }

  @Test
  void save_whenReplacingAStaleVersion_isAConflictAndKeepsTheStoredOne() {
    Article v1 = article("stale", 1, ArticleStatus.DRAFT, at(1));
    repository.save(v1, null);
    Article v2 = article("stale", 2, ArticleStatus.DRAFT, at(2));
    repository.save(v2, v1);

    assertThatThrownBy(() -> repository.save(article("stale", 2, ArticleStatus.PUBLISHED, at(3)),
        v1)).isInstanceOf(ConflictException.class);
    assertThat(repository.find(v2.slug())).contains(v2);
  }

  @Test
  void delete_whenStale_isAConflict_andWhenCurrent_removesTheArticleAndItsListing() {
    Article v1 = article("gone", 1, ArticleStatus.PUBLISHED, at(1));
    repository.save(v1, null);
    Article v2 = article("gone", 2, ArticleStatus.PUBLISHED, at(2));
    repository.save(v2, v1);

    assertThatThrownBy(() -> repository.delete(v1)).isInstanceOf(ConflictException.class);
    repository.delete(v2);

    assertThat(repository.find(v2.slug())).isEmpty();
    assertThat(repository.listPublished(tag(), 10, null).items()).isEmpty();
  }

  @Test
  void listPublished_whenPaged_givesEveryPublishedArticleOfTheTagOnceNewestFirst() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Article a = article("list" + i, 1, ArticleStatus.PUBLISHED, at(i));
      repository.save(a, null);
      expected.add(0, a.slug());
    }
    repository.save(article("draft", 1, ArticleStatus.DRAFT, at(9)), null);

    List<String> listed = new ArrayList<>();
    String cursor = null;
    do {
      Page<ArticleSummary> page = repository.listPublished(tag(), 2, cursor);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
      page.items().forEach(s -> listed.add(s.slug()));
      cursor = page.nextCursor();
    } while (cursor != null);

    assertThat(listed).containsExactlyElementsOf(expected);
  }

  @Test
  void listPublished_whenThePageOutgrowsOneStoreResponse_stillFillsItAndGivesACursor() {
    // DynamoDB answers a query with at most 1 MB: 120 listings of about 9 KB need two answers.
    // Their summaries are longer than the API allows, so they are deleted whatever happens: the
    // store is shared with the suite's API tests.
    String summary = "s".repeat(9_000);
    List<Article> saved = new ArrayList<>();
    try {
      for (int i = 0; i < 120; i++) {
        Article a = article("big" + i, 1, ArticleStatus.PUBLISHED, at(i));
        Article big = new Article(a.slug(), a.title(), summary, a.bodyHtml(), a.author(),
            a.tags(), null, null, a.status(), a.publishedAt(), a.updatedAt(), a.editorId(),
            a.version());
        repository.save(big, null);
        saved.add(big);
      }

      Page<ArticleSummary> first = repository.listPublished(tag(), 119, null);

      assertThat(first.items()).hasSize(119);
      assertThat(first.nextCursor()).isNotNull();
      assertThat(repository.listPublished(tag(), 119, first.nextCursor()).items()).hasSize(1);
    } finally {
      saved.forEach(repository::delete);
    }
  }

  @Test
  void listPublished_whenUnpublished_leavesTheArticleOutOfItsTagListing() {
    Article published = article("withdrawn", 1, ArticleStatus.PUBLISHED, at(1));
    repository.save(published, null);

    repository.save(article("withdrawn", 2, ArticleStatus.DRAFT, at(2)), published);

    assertThat(repository.listPublished(tag(), 10, null).items()).isEmpty();
  }

  @Test
  void listByStatus_whenDrafts_givesTheMostRecentlyUpdatedFirst() {
    // Updated in the far future, later in each run: first in a table that holds other tests'
    // (and earlier runs') drafts too.
    Instant future = Instant.parse("2900-01-01T00:00:00Z").plusMillis(System.currentTimeMillis());
    Article older = article("older", 1, ArticleStatus.DRAFT, future);
    Article newer = article("newer", 1, ArticleStatus.DRAFT, future.plusSeconds(60));
    repository.save(older, null);
    repository.save(newer, null);

    assertThat(repository.listByStatus(ArticleStatus.DRAFT, 2, null).items())
        .extracting(ArticleSummary::slug).containsExactly(newer.slug(), older.slug());
  }

  private Article article(String name, long version, ArticleStatus status, Instant updated) {
    Instant published = status == ArticleStatus.PUBLISHED ? updated : null;
    return new Article("contract-" + run + "-" + name, "Title " + name, "Summary " + name,
        "<p>Body of " + name + ".</p>", "Newsroom Staff", List.of(tag()), null, null, status,
        published, updated, "editor-1", version);
  }

  private String tag() {
    return "contract-" + run;
  }

  private static Instant at(int minute) {
    return Instant.parse("2024-03-01T10:00:00Z").plusSeconds(60L * minute);
  }
}
