package dev.newsroom.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.articles.Article;
import dev.newsroom.articles.InMemoryArticleRepository;
import dev.newsroom.pages.SiteConfig;
import dev.newsroom.shared.StdoutCapture;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SitePublisherTest {

  private final InMemoryArticleRepository articles = new InMemoryArticleRepository();
  private final InMemoryPageStore store = new InMemoryPageStore();
  private final SitePublisher publisher = new SitePublisher(articles, store,
      new SiteRenderer(new SiteConfig("https://news.example.com", "Newsroom")));

  @Test
  void publish_whenArticlePublished_writesItsPageListingsFeedSitemapAndFixedPages() {
    // given the seed article is published
    Article seed = Articles.seed();
    articles.put(seed);

    // when its change is published
    publisher.publish(Set.of(seed.slug()), Set.of("world", "middle-east"));

    // then every page that shows it exists
    assertThat(store.files).containsKeys("articles/" + seed.slug() + "/index.html",
        "index.html", "tags/world/index.html", "tags/middle-east/index.html", "feed.xml",
        "sitemap.xml", "contact/index.html", "subscribe/thanks/index.html",
        "contact/thanks/index.html", "404.html", "robots.txt");
    assertThat(store.text("index.html")).contains("/articles/" + seed.slug() + "/");
    assertThat(store.text("feed.xml")).contains(seed.title());
  }

  @Test
  void publish_whenNothingChanged_writesNothing() {
    // given a published site
    Article seed = Articles.seed();
    articles.put(seed);
    publisher.publish(Set.of(seed.slug()), Set.of());
    store.puts.clear();

    // when the same change is delivered again (a retry or a replay)
    SitePublisher.Result again = publisher.publish(Set.of(seed.slug()), Set.of());

    // then no object is written or deleted
    assertThat(store.puts).isEmpty();
    assertThat(again.written()).isZero();
    assertThat(again.deleted()).isZero();
    assertThat(again.unchanged()).isGreaterThan(10);
  }

  @Test
  void publish_countsTheRunAndThePagesItWrote() {
    Article seed = Articles.seed();
    articles.put(seed);

    try (StdoutCapture out = StdoutCapture.start()) {
      SitePublisher.Result first = publisher.publish(Set.of(seed.slug()), Set.of());
      publisher.publish(Set.of(seed.slug()), Set.of());

      assertThat(out.metric("PublishRuns")).isEqualTo(2);
      assertThat(out.metric("PagesWritten")).isEqualTo(first.written()).isGreaterThan(10);
    }
  }

  @Test
  void publish_whenArticleUnpublished_deletesItsPageAndItsListingEntries() {
    // given two published articles sharing a tag
    Article seed = Articles.seed();
    Article other = Articles.published("other-story", Articles.SEED_TIME.plusSeconds(60),
        "world");
    articles.put(seed);
    articles.put(other);
    publisher.publish(Set.of(seed.slug(), other.slug()), Set.of());

    // when the seed is unpublished
    articles.put(Articles.draft(seed));
    SitePublisher.Result result = publisher.publish(Set.of(seed.slug()),
        Set.of("world", "middle-east"));

    // then its page is gone, its only-tag listing is gone, and no listing links to it
    assertThat(store.files).doesNotContainKeys("articles/" + seed.slug() + "/index.html",
        "tags/middle-east/index.html");
    assertThat(store.text("index.html")).doesNotContain(seed.slug()).contains(other.slug());
    assertThat(store.text("tags/world/index.html")).doesNotContain(seed.slug());
    assertThat(store.text("sitemap.xml")).doesNotContain(seed.slug(), "middle-east");
    assertThat(result.deleted()).isEqualTo(2);
  }

  @Test
  void publish_whenArticleDeleted_deletesItsPage() {
    Article seed = Articles.seed();
    articles.put(seed);
    publisher.publish(Set.of(seed.slug()), Set.of());

    articles.remove(seed.slug());
    publisher.publish(Set.of(seed.slug()), Set.of("world", "middle-east"));

    assertThat(store.files.keySet()).noneMatch(k -> k.contains(seed.slug()));
    assertThat(store.text("index.html")).contains("No articles yet");
  }

  @Test
  void publish_whenListingShrinksByAPage_deletesTheLastPage() {
    // given eleven articles: two home pages
    for (int i = 1; i <= 11; i++) {
      articles.put(Articles.published("a" + i, Instant.parse("2024-01-01T00:00:00Z")
          .plusSeconds(i), "t"));
    }
    publisher.rebuildAll();
    assertThat(store.files).containsKeys("page/2/index.html", "tags/t/page/2/index.html");

    // when one is unpublished
    articles.put(Articles.draft(articles.find("a5").orElseThrow()));
    publisher.publish(Set.of("a5"), Set.of("t"));

    // then the second pages are gone and the first no longer links to them
    assertThat(store.files).doesNotContainKeys("page/2/index.html", "tags/t/page/2/index.html");
    assertThat(store.text("index.html")).doesNotContain("/page/2/");
  }

  @Test
  void publish_whenTagRemoved_dropsTheArticleFromTheOldTag() {
    Article seed = Articles.seed();
    articles.put(seed);
    publisher.publish(Set.of(seed.slug()), Set.of());

    // the stream gives the old and new tags; the publisher also adds the current ones
    articles.put(Articles.withTags(seed, "world"));
    publisher.publish(Set.of(seed.slug()), Set.of("world", "middle-east"));

    assertThat(store.files).doesNotContainKey("tags/middle-east/index.html")
        .containsKey("tags/world/index.html");
    assertThat(store.text("articles/" + seed.slug() + "/index.html"))
        .doesNotContain("/tags/middle-east/");
  }

  @Test
  void publish_whenListingIndexLags_usesTheArticleAsJustRead() {
    // given the listing index still shows the old title, and does not yet show a new article
    Article seed = Articles.seed();
    articles.put(seed);
    articles.freezeListing();
    Article fresh = Articles.published("breaking", Articles.SEED_TIME.plusSeconds(3600), "world");
    articles.put(fresh);
    articles.put(Articles.withTitle(seed, "Corrected headline"));

    // when both changes are published
    publisher.publish(Set.of(seed.slug(), fresh.slug()), Set.of());

    // then the listings show the state the consistent reads saw, newest first
    assertThat(store.text("index.html")).containsSubsequence("/articles/breaking/",
        "Corrected headline").doesNotContain(seed.title());
    assertThat(store.text("tags/world/index.html")).contains("/articles/breaking/");
  }

  @Test
  void rebuildAll_whenBucketHoldsStalePages_removesThemAndRendersEverything() {
    // given a page of an article that no longer exists, and one published article never rendered
    store.put(SiteFile.page("articles/gone/index.html", SiteFile.HTML, "<p>old</p>"));
    store.put(SiteFile.page("tags/old-tag/index.html", SiteFile.HTML, "<p>old</p>"));
    articles.put(Articles.seed());

    // when everything is rebuilt
    publisher.rebuildAll();

    // then stale pages are gone and the published article is live
    assertThat(store.files).doesNotContainKeys("articles/gone/index.html",
        "tags/old-tag/index.html")
        .containsKeys("articles/" + Articles.seed().slug() + "/index.html",
            "tags/middle-east/index.html");
  }

  @Test
  void publish_whenManyArticles_readsTheListingInQueryPages() {
    for (int i = 1; i <= SitePublisher.QUERY_SIZE + 5; i++) {
      articles.put(Articles.published("n" + i, Instant.parse("2024-01-01T00:00:00Z")
          .plusSeconds(i)));
    }

    publisher.publish(List.of("n1"), List.of());

    int pages = (SitePublisher.QUERY_SIZE + 5 + SiteRenderer.PAGE_SIZE - 1) / SiteRenderer.PAGE_SIZE;
    assertThat(store.files).containsKey("page/" + pages + "/index.html")
        .doesNotContainKey("page/" + (pages + 1) + "/index.html");
    assertThat(store.text("page/" + pages + "/index.html")).contains("/articles/n1/");
  }

  @Test
  void reconcile_whenTimesDifferWithinASecond_ordersByTimeNotByText() {
    // "12:00:00Z" sorts after "12:00:00.5Z" as text, though it is earlier
    Article whole = Articles.published("whole", Instant.parse("2024-02-03T12:00:00Z"));
    Article half = Articles.published("half", Instant.parse("2024-02-03T12:00:00.500Z"));

    List<dev.newsroom.articles.ArticleSummary> merged = SitePublisher.reconcile(List.of(),
        Set.of("whole", "half"), new java.util.TreeMap<>(java.util.Map.of("whole", whole,
            "half", half)), null);

    assertThat(merged).extracting(dev.newsroom.articles.ArticleSummary::slug)
        .containsExactly("half", "whole");
  }
}
