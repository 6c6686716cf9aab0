package dev.newsroom.site;

import dev.newsroom.articles.Article;
import dev.newsroom.articles.ArticleRepository;
import dev.newsroom.articles.ArticleSummary;
import dev.newsroom.pages.SitePaths;
import dev.newsroom.shared.Metric;
import dev.newsroom.shared.Metrics;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Keeps the site bucket in step with the articles, at a cost that does not grow with the archive.
 * A batch of changes touches only the pages its articles sit on: their own pages, the archive day
 * of each publication time and each tag's month (before and after the change), the home page and
 * the first page of each tag they carry (the newest few), the feed, and that day's sitemap file.
 * Archive pages are fixed ranges of time, so no page shifts when an article is published.
 *
 * <p>It always renders from the current stored state, never from the event that woke it, so
 * replays, retries and out-of-order batches converge on the same bytes; a file whose MD5 already
 * matches is not written again, and no file is written twice in one run.
 */
public final class SitePublisher {

  /** The listing index's own order: publication time, then slug, both descending. */
  static final Comparator<ArticleSummary> NEWEST_FIRST = Comparator
      .comparing(ArticleSummary::publishedAt).thenComparing(ArticleSummary::slug).reversed();

  static final Instant BEGINNING = Instant.MIN;
  static final Instant END = Instant.MAX;

  /** What a run did, for logs and tests. */
  public record Result(int written, int deleted, int unchanged) {}

  private final ArticleRepository articles;
  private final PageStore store;
  private final SiteRenderer renderer;

  public SitePublisher(ArticleRepository articles, PageStore store, SiteRenderer renderer) {
    this.articles = articles;
    this.store = store;
    this.renderer = renderer;
  }

  /**
   * Brings every page that {@code changes} (the published versions of articles before and
   * after a batch of edits) sit on up to date with the stored articles.
   */
  public Result publish(Collection<Placement> changes) {
    SiteRun run = SiteRun.touching(store);
    Batch batch = new Batch(changes, run);
    run.forEachInParallel(batch.slugs, slug -> run.sync(SitePaths.ARTICLES_PREFIX + slug + "/",
        Optional.ofNullable(batch.fresh.get(slug)).map(renderer::articlePage).stream().toList()));
    List<Instant> times = new ArrayList<>();
    Map<String, List<Instant>> tagTimes = new TreeMap<>();
    for (Placement placement : batch.placements) {
      times.add(placement.publishedAt());
      for (String tag : placement.tags()) {
        tagTimes.computeIfAbsent(tag, t -> new ArrayList<>()).add(placement.publishedAt());
      }
    }
    boolean daysChanged = new Archive(batch, run, null).refresh(times);
    boolean tagsChanged = false;
    for (Map.Entry<String, List<Instant>> tagged : tagTimes.entrySet()) {
      String tag = tagged.getKey();
      new Archive(batch, run, tag).refresh(tagged.getValue());
      List<ArticleSummary> newest = batch.list(tag, BEGINNING, END, SiteRenderer.PAGE_SIZE, true);
      String key = SitePaths.key(SitePaths.tag(tag));
      tagsChanged |= run.isStored(key) == newest.isEmpty();
      run.sync(key, newest.isEmpty() ? List.of() : List.of(renderer.tagPage(tag, newest)));
    }
    run.write(renderer.homePage(batch.list(null, BEGINNING, END, SiteRenderer.PAGE_SIZE, true)));
    run.write(renderer.feed(batch.feed()));
    if (tagsChanged || !run.isStored(SitePaths.SITEMAP_PAGES_KEY)) {
      run.write(renderer.sitemapPages(run.folders(SitePaths.TAGS_PREFIX)));
    }
    if (daysChanged || !run.isStored(SitePaths.SITEMAP_INDEX_KEY)) {
      run.write(renderer.sitemapIndex(run.keys(SitePaths.SITEMAPS_PREFIX)));
    }
    Result result = run.finish();
    Metrics.count(Metric.PUBLISH_RUNS, 1);
    Metrics.count(Metric.PAGES_WRITTEN, result.written());
    return result;
  }

  /**
   * Everything, from one pass over the listing: every published article and tag, and whatever
   * the bucket holds under the managed prefixes that should not be there (stale pages go).
   * Used after a deploy that changed templates, to recover after a batch went to the DLQ, and by
   * the dev server at start. Article pages are rendered and written a few at a time in parallel.
   */
  public Result rebuildAll() {
    // One range query paged by DynamoDB's own key: a page cut short at 1 MB continues.
    List<ArticleSummary> all = articles.listPublishedBetween(null, BEGINNING, END,
        Integer.MAX_VALUE, true);
    SiteRun run = SiteRun.everything(store);
    run.forEachInParallel(all, summary -> articles.find(summary.slug())
        .filter(Article::isPublished).ifPresent(a -> run.write(renderer.articlePage(a))));

    TreeMap<LocalDate, List<ArticleSummary>> byDay = new TreeMap<>();
    TreeMap<String, TreeMap<YearMonth, List<ArticleSummary>>> byTagMonth = new TreeMap<>();
    TreeMap<String, List<ArticleSummary>> byTag = new TreeMap<>();
    for (ArticleSummary a : all) {
      LocalDate day = LocalDate.ofInstant(a.publishedAt(), ZoneOffset.UTC);
      byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(a);
      for (String tag : a.tags()) {
        byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(a);
        byTagMonth.computeIfAbsent(tag, t -> new TreeMap<>())
            .computeIfAbsent(YearMonth.from(day), m -> new ArrayList<>()).add(a);
      }
    }
    byDay.forEach((day, list) -> {
      run.write(renderer.dayPage(day, list, byDay.lowerKey(day), byDay.higherKey(day)));
      run.write(renderer.sitemapDay(day, list));
    });
    byTag.forEach((tag, list) -> {
      run.write(renderer.tagPage(tag, list.subList(0, Math.min(SiteRenderer.PAGE_SIZE,
          list.size()))));
      TreeMap<YearMonth, List<ArticleSummary>> months = byTagMonth.get(tag);
      months.forEach((month, inMonth) -> run.write(renderer.tagMonthPage(tag, month, inMonth,
          months.lowerKey(month), months.higherKey(month))));
    });
    run.write(renderer.homePage(all.subList(0, Math.min(SiteRenderer.PAGE_SIZE, all.size()))));
    List<Article> feed = new ArrayList<>();
    for (ArticleSummary a : all.subList(0, Math.min(SiteRenderer.FEED_SIZE, all.size()))) {
      articles.find(a.slug()).filter(Article::isPublished).ifPresent(feed::add);
    }
    run.write(renderer.feed(feed));
    run.write(renderer.sitemapPages(byTag.keySet()));
    List<String> sitemaps = new ArrayList<>(List.of(SitePaths.SITEMAP_PAGES_KEY));
    byDay.keySet().forEach(day -> sitemaps.add(SitePaths.sitemapDayKey(day)));
    run.write(renderer.sitemapIndex(sitemaps));
    renderer.fixedPages().forEach(run::write);
    run.deleteUnwrittenUnder(SitePaths.ARTICLES_PREFIX, SitePaths.ARCHIVE_PREFIX,
        SitePaths.TAGS_PREFIX, SitePaths.SITEMAPS_PREFIX, SitePaths.LEGACY_HOME_PAGES_PREFIX);
    return run.finish();
  }

  /**
   * The articles a batch changed, read with consistent reads, and listings corrected by them:
   * the listing index is updated a moment after the table, and the stream can be faster, so
   * what it says about these articles is replaced by what was just read.
   */
  private final class Batch {
    final Set<String> slugs = new TreeSet<>();
    final Map<String, Article> fresh = new ConcurrentSkipListMap<>();
    final List<Placement> placements = new ArrayList<>();

    /** Reads the batch's articles a few at a time in parallel (a burst brings a hundred). */
    Batch(Collection<Placement> changes, SiteRun run) {
      placements.addAll(changes);
      changes.forEach(p -> slugs.add(p.slug()));
      run.forEachInParallel(slugs, slug -> articles.find(slug).filter(Article::isPublished)
          .ifPresent(a -> fresh.put(slug, a)));
      fresh.values().forEach(a -> placements.add(new Placement(a.slug(), a.tags(),
          a.publishedAt())));
    }

    /** Like the repository's range listing, with this batch's articles as just read. */
    List<ArticleSummary> list(String tag, Instant from, Instant until, int limit,
        boolean newestFirst) {
      int asked = (int) Math.min(Integer.MAX_VALUE, (long) limit + slugs.size());
      List<ArticleSummary> merged = new ArrayList<>();
      for (ArticleSummary listed : articles.listPublishedBetween(tag, from, until, asked,
          newestFirst)) {
        if (!slugs.contains(listed.slug())) {
          merged.add(listed);
        }
      }
      for (Article article : fresh.values()) {
        boolean inRange = !article.publishedAt().isBefore(from)
            && article.publishedAt().isBefore(until);
        if (inRange && (tag == null || article.tags().contains(tag))) {
          merged.add(ArticleSummary.of(article));
        }
      }
      merged.sort(newestFirst ? NEWEST_FIRST : NEWEST_FIRST.reversed());
      return merged.size() > limit ? merged.subList(0, limit) : merged;
    }

    /** The feed's newest articles with their bodies (the index holds no body). */
    List<Article> feed() {
      List<Article> latest = new ArrayList<>();
      for (ArticleSummary a : list(null, BEGINNING, END, SiteRenderer.FEED_SIZE, true)) {
        Optional.ofNullable(fresh.get(a.slug())).or(() -> articles.find(a.slug()))
            .filter(Article::isPublished).ifPresent(latest::add);
      }
      return latest;
    }
  }

  /**
   * The archive of one listing as fixed ranges of time: days for the whole site, months for a
   * tag, each named by its first day. A range's page lists its articles and links to the nearest
   * earlier and later ranges that have any, so when a range gains its first article or loses its
   * last, those two neighbours are rendered again too (their links change); nothing else is.
   */
  private final class Archive {
    private final Batch batch;
    private final SiteRun run;
    private final String tag;

    /** The whole site's archive by day ({@code tag} null), or one tag's by month. */
    Archive(Batch batch, SiteRun run, String tag) {
      this.batch = batch;
      this.run = run;
      this.tag = tag;
    }

    /** Renders the ranges holding {@code times}; true when one of them appeared or went. */
    boolean refresh(Collection<Instant> times) {
      Set<LocalDate> done = new TreeSet<>();
      times.forEach(time -> done.add(rangeOf(time)));
      Set<LocalDate> neighbours = new TreeSet<>();
      boolean appearedOrGone = false;
      for (LocalDate range : done) {
        Optional<List<LocalDate>> around = render(range);
        if (around.isPresent()) {
          appearedOrGone = true;
          neighbours.addAll(around.get());
        }
      }
      neighbours.removeAll(done);
      neighbours.forEach(this::render);
      return appearedOrGone;
    }

    /** The range's neighbours when it appeared or went, else empty. */
    private Optional<List<LocalDate>> render(LocalDate range) {
      Instant from = range.atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant until = next(range).atStartOfDay(ZoneOffset.UTC).toInstant();
      List<ArticleSummary> inRange = batch.list(tag, from, until, Integer.MAX_VALUE, true);
      List<LocalDate> around = new ArrayList<>();
      LocalDate earlier = batch.list(tag, BEGINNING, from, 1, true).stream()
          .map(a -> rangeOf(a.publishedAt())).findFirst().orElse(null);
      LocalDate later = batch.list(tag, until, END, 1, false).stream()
          .map(a -> rangeOf(a.publishedAt())).findFirst().orElse(null);
      String key = SitePaths.key(tag == null ? SitePaths.day(range)
          : SitePaths.tagMonth(tag, YearMonth.from(range)));
      boolean existed = run.isStored(key);
      if (inRange.isEmpty()) {
        run.sync(key, List.of());
      } else {
        run.write(tag == null ? renderer.dayPage(range, inRange, earlier, later)
            : renderer.tagMonthPage(tag, YearMonth.from(range), inRange,
                earlier == null ? null : YearMonth.from(earlier),
                later == null ? null : YearMonth.from(later)));
      }
      if (tag == null) {
        String sitemap = SitePaths.sitemapDayKey(range);
        run.sync(sitemap, inRange.isEmpty() ? List.of()
            : List.of(renderer.sitemapDay(range, inRange)));
      }
      if (existed != inRange.isEmpty()) {
        return Optional.empty();
      }
      if (earlier != null) {
        around.add(earlier);
      }
      if (later != null) {
        around.add(later);
      }
      return Optional.of(around);
    }

    private LocalDate rangeOf(Instant time) {
      LocalDate day = LocalDate.ofInstant(time, ZoneOffset.UTC);
      return tag == null ? day : day.withDayOfMonth(1);
    }

    private LocalDate next(LocalDate range) {
      return tag == null ? range.plusDays(1) : range.plusMonths(1);
    }
  }
}
