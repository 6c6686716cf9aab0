package dev.newsroom.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.articles.Article;
import dev.newsroom.articles.InMemoryArticleRepository;
import dev.newsroom.pages.SiteConfig;
import dev.newsroom.shared.StdoutCapture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SitePublisherTest {

  private static final String SEED_DAY = "archive/2024/02/03/index.html";

  private final InMemoryArticleRepository articles = new InMemoryArticleRepository();
  private final InMemoryPageStore store = new InMemoryPageStore();
  private final SitePublisher publisher = new SitePublisher(articles, store,
      new SiteRenderer(new SiteConfig("https://news.example.com", "Newsroom")));

  private static Placement at(Article a) {
    return new Placement(a.slug(), a.tags(), a.publishedAt());
  }

  @Test
  void publish_whenArticlePublished_writesItsPageArchiveListingsFeedAndSitemaps() {
    // given the seed article is published
    Article seed = Articles.seed();
    articles.put(seed);

    // when its change is published
    publisher.publish(List.of(at(seed)));

    // then every page that shows it exists, and the sitemap index lists its day's file
    assertThat(store.files).containsKeys("articles/" + seed.slug() + "/index.html",
        "index.html", SEED_DAY, "tags/world/index.html", "tags/middle-east/index.html",
        "tags/world/2024/02/index.html", "feed.xml", "sitemap.xml", "sitemaps/2024-02-03.xml",
        "sitemaps/pages.xml");
    assertThat(store.text("index.html")).contains("/articles/" + seed.slug() + "/",
        "href=\"/archive/2024/02/03/\"");
    assertThat(store.text(SEED_DAY)).contains("/articles/" + seed.slug() + "/");
    assertThat(store.text("sitemap.xml")).contains(
        "<loc>https://news.example.com/sitemaps/2024-02-03.xml</loc>",
        "<loc>https://news.example.com/sitemaps/pages.xml</loc>");
    assertThat(store.text("sitemaps/2024-02-03.xml")).contains(seed.slug());
    assertThat(store.text("sitemaps/pages.xml")).contains("/tags/middle-east/");
    assertThat(store.text("feed.xml")).contains(seed.title(), "strikes hit more than 85");
  }

  @Test
  void publish_whenNothingChanged_writesNothing() {
    // given a published site
    Article seed = Articles.seed();
    articles.put(seed);
    publisher.publish(List.of(at(seed)));
    store.puts.clear();

    // when the same change is delivered again (a retry or a replay)
    SitePublisher.Result again = publisher.publish(List.of(at(seed)));

    // then no object is written or deleted
    assertThat(store.puts).isEmpty();
    assertThat(again.written()).isZero();
    assertThat(again.deleted()).isZero();
    assertThat(again.unchanged()).isGreaterThan(5);
  }

  @Test
  void publish_countsTheRunAndThePagesItWrote() {
    Article seed = Articles.seed();
    articles.put(seed);

    try (StdoutCapture out = StdoutCapture.start()) {
      SitePublisher.Result first = publisher.publish(List.of(at(seed)));
      publisher.publish(List.of(at(seed)));

      assertThat(out.metric("PublishRuns")).isEqualTo(2);
      assertThat(out.metric("PagesWritten")).isEqualTo(first.written()).isGreaterThan(5);
    }
  }

  @Test
  void publish_whenArticleUnpublished_deletesItsPageDayAndListingEntries() {
    // given two published articles sharing a tag, on different days
    Article seed = Articles.seed();
    Article other = Articles.published("other-story", Articles.SEED_TIME.plusSeconds(86_400),
        "world");
    articles.put(seed);
    articles.put(other);
    publisher.rebuildAll();

    // when the seed is unpublished (the stream gives its published version)
    articles.put(Articles.draft(seed));
    publisher.publish(List.of(at(seed)));

    // then its page, its day, its only-tag listing are gone, and nothing links to them
    assertThat(store.files).doesNotContainKeys("articles/" + seed.slug() + "/index.html",
        "tags/middle-east/index.html", SEED_DAY, "sitemaps/2024-02-03.xml");
    assertThat(store.text("index.html")).doesNotContain(seed.slug()).contains(other.slug());
    assertThat(store.text("tags/world/index.html")).doesNotContain(seed.slug());
    assertThat(store.text("archive/2024/02/04/index.html")).doesNotContain("/archive/2024/02/03/");
    assertThat(store.text("sitemap.xml")).doesNotContain("2024-02-03");
    assertThat(store.text("sitemaps/pages.xml")).doesNotContain("middle-east");
  }

  @Test
  void publish_whenArticleDeleted_deletesItsPage() {
    Article seed = Articles.seed();
    articles.put(seed);
    publisher.publish(List.of(at(seed)));

    articles.remove(seed.slug());
    publisher.publish(List.of(at(seed)));

    assertThat(store.files.keySet()).noneMatch(k -> k.contains(seed.slug()));
    assertThat(store.text("index.html")).contains("No articles yet");
  }

  @Test
  void publish_whenNewArticle_neverRewritesOlderArticlesOrTheirDays() {
    // given thirty articles, one a day, all rendered
    for (int i = 0; i < 30; i++) {
      articles.put(Articles.published("a" + i, Articles.SEED_TIME.plusSeconds(86_400L * i),
          "world"));
    }
    publisher.rebuildAll();
    store.puts.clear();

    // when an article is published on the same day as the newest
    Article fresh = Articles.published("fresh", Articles.SEED_TIME.plusSeconds(86_400L * 29 + 60),
        "world");
    articles.put(fresh);
    publisher.publish(List.of(at(fresh)));

    // then only its own page, its day, its tag, home, feed and its day's sitemap are written
    assertThat(store.puts).containsExactlyInAnyOrder("articles/fresh/index.html",
        "archive/2024/03/03/index.html", "sitemaps/2024-03-03.xml",
        "tags/world/2024/03/index.html", "tags/world/index.html", "index.html", "feed.xml");
  }

  @Test
  void publish_whenADayGetsItsFirstArticle_relinksTheNeighbourDaysAndTheSitemapIndex() {
    // given articles on the 3rd and the 5th
    Article third = Articles.published("third", Articles.SEED_TIME);
    Article fifth = Articles.published("fifth", Articles.SEED_TIME.plusSeconds(2 * 86_400));
    articles.put(third);
    articles.put(fifth);
    publisher.rebuildAll();
    assertThat(store.text(SEED_DAY)).contains("href=\"/archive/2024/02/05/\"");

    // when one is published on the 4th
    Article fourth = Articles.published("fourth", Articles.SEED_TIME.plusSeconds(86_400));
    articles.put(fourth);
    publisher.publish(List.of(at(fourth)));

    // then the 3rd and the 5th link to the 4th, which links to both
    assertThat(store.text(SEED_DAY)).contains("href=\"/archive/2024/02/04/\"")
        .doesNotContain("/archive/2024/02/05/");
    assertThat(store.text("archive/2024/02/05/index.html"))
        .contains("href=\"/archive/2024/02/04/\"");
    assertThat(store.text("archive/2024/02/04/index.html"))
        .contains("href=\"/archive/2024/02/03/\"", "href=\"/archive/2024/02/05/\"");
    assertThat(store.text("sitemap.xml")).contains("sitemaps/2024-02-04.xml");
  }

  @Test
  void publish_whenArchiveGrows_costsTheSame() {
    // given two sites, 10 and 1,000 articles, ten a day
    InMemoryArticleRepository big = new InMemoryArticleRepository();
    InMemoryPageStore bigStore = new InMemoryPageStore();
    SitePublisher bigPublisher = new SitePublisher(big, bigStore,
        new SiteRenderer(new SiteConfig("https://news.example.com", "Newsroom")));
    for (int i = 0; i < 1000; i++) {
      Article a = Articles.published("a" + i, Articles.SEED_TIME.plusSeconds(8640L * i),
          i % 2 == 0 ? "world" : "science");
      big.put(a);
      if (i >= 990) {
        articles.put(a);
      }
    }
    publisher.rebuildAll();
    bigPublisher.rebuildAll();
    int[] small = {store.puts.size(), articles.reads(), store.listings};
    int[] large = {bigStore.puts.size(), big.reads(), bigStore.listings};

    // when the same new article is published on both
    Article fresh = Articles.published("fresh", Articles.SEED_TIME.plusSeconds(8640L * 1000),
        "world");
    articles.put(fresh);
    big.put(fresh);
    publisher.publish(List.of(at(fresh)));
    bigPublisher.publish(List.of(at(fresh)));

    // then both write the same pages, with as many reads and listings
    assertThat(bigStore.puts.subList(large[0], bigStore.puts.size()))
        .containsExactlyInAnyOrderElementsOf(store.puts.subList(small[0], store.puts.size()));
    assertThat(big.reads() - large[1]).isEqualTo(articles.reads() - small[1]);
    assertThat(bigStore.listings - large[2]).isEqualTo(store.listings - small[2]);
  }

  @Test
  void publish_whenBatchTouchesAPageManyTimes_writesItOnce() {
    // given forty articles on one day and one tag, changed in one batch
    List<Placement> batch = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Article a = Articles.published("b" + i, Articles.SEED_TIME.plusSeconds(i), "world");
      articles.put(a);
      batch.add(at(a));
      batch.add(at(a));
    }

    // when the batch is published
    publisher.publish(batch);

    // then every page was written exactly once: 40 articles, their day, its sitemap, the tag's
    // first page and month, home, feed, the sitemap index and the pages' sitemap
    assertThat(store.puts).doesNotHaveDuplicates().hasSize(40 + 8);
    assertThat(new HashSet<>(store.puts)).contains("index.html", SEED_DAY);
  }

  @Test
  void write_whenSameKeyTwiceInOneRun_refuses() {
    SiteRun run = SiteRun.touching(store);
    run.write(SiteFile.page("index.html", SiteFile.HTML, "one"));

    assertThatThrownBy(() -> run.write(SiteFile.page("index.html", SiteFile.HTML, "two")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void publish_whenTagRemoved_dropsTheArticleFromTheOldTag() {
    Article seed = Articles.seed();
    articles.put(seed);
    publisher.publish(List.of(at(seed)));

    // the stream gives the old and new versions
    Article retagged = Articles.withTags(seed, "world");
    articles.put(retagged);
    publisher.publish(List.of(at(seed), at(retagged)));

    assertThat(store.files).doesNotContainKeys("tags/middle-east/index.html",
        "tags/middle-east/2024/02/index.html").containsKey("tags/world/index.html");
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
    Article corrected = Articles.withTitle(seed, "Corrected headline");
    articles.put(corrected);

    // when both changes are published
    publisher.publish(List.of(at(corrected), at(fresh)));

    // then the listings show the state the consistent reads saw, newest first
    assertThat(store.text("index.html")).containsSubsequence("/articles/breaking/",
        "Corrected headline").doesNotContain(seed.title());
    assertThat(store.text("tags/world/index.html")).contains("/articles/breaking/");
    assertThat(store.text(SEED_DAY)).contains("/articles/breaking/", "Corrected headline");
  }

  @Test
  void publish_whenTimesDifferWithinASecond_ordersByTimeNotByText() {
    // "12:00:00Z" sorts after "12:00:00.5Z" as text, though it is earlier
    Article whole = Articles.published("whole", Instant.parse("2024-02-03T12:00:00Z"));
    Article half = Articles.published("half", Instant.parse("2024-02-03T12:00:00.500Z"));
    articles.put(whole);
    articles.put(half);
    articles.freezeListing();

    publisher.publish(List.of(at(whole), at(half)));

    assertThat(store.text("index.html")).containsSubsequence("/articles/half/",
        "/articles/whole/");
  }

  @Test
  void rebuildAll_whenBucketHoldsStalePages_removesThemAndRendersEverything() {
    // given pages of an article and a tag that no longer exist, and the old numbered home pages
    store.put(SiteFile.page("articles/gone/index.html", SiteFile.HTML, "<p>old</p>"));
    store.put(SiteFile.page("tags/old-tag/index.html", SiteFile.HTML, "<p>old</p>"));
    store.put(SiteFile.page("page/2/index.html", SiteFile.HTML, "<p>old</p>"));
    store.put(SiteFile.page("static/site.css", "text/css", "body{}"));
    articles.put(Articles.seed());

    // when everything is rebuilt
    publisher.rebuildAll();

    // then stale pages are gone, the static files stay, and the published article is live
    assertThat(store.files).doesNotContainKeys("articles/gone/index.html",
        "tags/old-tag/index.html", "page/2/index.html")
        .containsKeys("articles/" + Articles.seed().slug() + "/index.html",
            "tags/middle-east/index.html", SEED_DAY, "static/site.css", "contact/index.html",
            "404.html", "robots.txt");
  }
}
