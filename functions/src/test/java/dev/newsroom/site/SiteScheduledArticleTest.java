package dev.newsroom.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.articles.Article;
import dev.newsroom.articles.ArticleInput;
import dev.newsroom.articles.ArticleScheduling;
import dev.newsroom.articles.ArticleService;
import dev.newsroom.articles.InMemoryArticleRepository;
import dev.newsroom.articles.PublishScheduledArticle;
import dev.newsroom.articles.ScheduleRequest;
import dev.newsroom.pages.SiteConfig;
import dev.newsroom.scheduling.DueJobSweep;
import dev.newsroom.scheduling.InMemoryDueJobRepository;
import dev.newsroom.shared.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A scheduled article and the site: the articles service schedules it, the minute sweep
 * publishes it with the real job handler, and the site publisher renders around it. Until the
 * sweep has published it, no page shows it, even when a publishing pass is handed its
 * would-be placement or the whole site is rebuilt.
 */
class SiteScheduledArticleTest {

  private static final String SLUG = "budget-embargo";
  private static final String TITLE = "Council budget, under embargo";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final InMemoryDueJobRepository jobs = new InMemoryDueJobRepository();
  private final InMemoryArticleRepository articles = new InMemoryArticleRepository(jobs);
  private final InMemoryPageStore store = new InMemoryPageStore();
  private final SitePublisher publisher = new SitePublisher(articles, store,
      new SiteRenderer(new SiteConfig("https://news.example.com", "Newsroom")));
  private final List<String> newsletters = new ArrayList<>();
  private final DueJobSweep sweep = new DueJobSweep(jobs, List.of(new PublishScheduledArticle(
      articles, (slug, version) -> newsletters.add(slug), clock)), clock, Duration.ofSeconds(50));

  @Test
  void scheduledArticle_whenBeforeAndAfterTheSweepPublishesIt_thenAbsentThenOnEveryPage() {
    // given a published article, and a draft scheduled for 11:00
    Article other = Articles.published("earlier-story", clock.now().minusSeconds(3600),
        "local");
    articles.put(other);
    new ArticleService(articles, clock).put(SLUG, new ArticleInput(TITLE, "Out at eleven.",
        "The budget is *out*.", null, "Desk", List.of("local"), null, null), "editor-1");
    Instant publishAt = Instant.parse("2026-12-01T11:00:00Z");
    new ArticleScheduling(articles, clock).schedule(SLUG,
        new ScheduleRequest(publishAt.toString(), false), "editor-1");
    Placement wouldBe = new Placement(SLUG, List.of("local"), publishAt);

    // when the site is published around it: a pass that names it, and a full rebuild
    publisher.publish(List.of(wouldBe, placement(other)));
    assertAbsent();
    publisher.rebuildAll();
    assertAbsent();

    // and the sweeps before its time fire nothing
    clock.advance(Duration.ofMinutes(59).plusSeconds(59));
    assertThat(sweep.sweep().fired()).isZero();
    publisher.publish(List.of(wouldBe));
    assertAbsent();

    // then the first sweep at its time publishes it, and the stream's pass shows it everywhere
    clock.advance(Duration.ofSeconds(1));
    assertThat(sweep.sweep().fired()).isEqualTo(1);
    Article published = articles.find(SLUG).orElseThrow();
    assertThat(published.isPublished()).isTrue();
    publisher.publish(List.of(placement(published)));

    assertThat(store.text("articles/" + SLUG + "/index.html")).contains(TITLE,
        "<em>out</em>");
    assertThat(store.text("index.html")).contains("/articles/" + SLUG + "/");
    assertThat(store.text("tags/local/index.html")).contains("/articles/" + SLUG + "/");
    assertThat(store.text("feed.xml")).contains(TITLE);
    assertThat(store.text("sitemaps/2026-12-01.xml")).contains("/articles/" + SLUG + "/");
    assertThat(newsletters).isEmpty();
  }

  private void assertAbsent() {
    assertThat(store.files).doesNotContainKey("articles/" + SLUG + "/index.html");
    assertThat(store.text("index.html")).contains("/articles/earlier-story/")
        .doesNotContain(SLUG).doesNotContain(TITLE);
    assertThat(store.text("tags/local/index.html")).doesNotContain(SLUG);
    assertThat(store.text("feed.xml")).doesNotContain(SLUG).doesNotContain(TITLE);
    assertThat(store.text("sitemaps/2026-12-01.xml")).doesNotContain(SLUG);
  }

  private static Placement placement(Article a) {
    return new Placement(a.slug(), a.tags(), a.publishedAt());
  }
}
