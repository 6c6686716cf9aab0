package dev.newsroom.site;

import dev.newsroom.shared.Metrics;
import dev.newsroom.shared.Metric;
import dev.newsroom.articles.Article;
import dev.newsroom.articles.ArticleRepository;
import dev.newsroom.articles.ArticleSummary;
import dev.newsroom.pages.SitePaths;
import dev.newsroom.shared.Page;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keeps the site bucket in step with the articles. It always renders from the current stored
 * state, never from the event that woke it, so replays, retries and out-of-order batches all
 * converge on the same bytes. A file whose MD5 already matches is not written again.
 */
public final class SitePublisher {

  /** How many listing entries one Query reads; pages are cut from them in memory. */
  static final int QUERY_SIZE = 50;

  /** The listing index's own order: publication time, then slug, both descending. */
  static final Comparator<ArticleSummary> NEWEST_FIRST = Comparator
      .comparing(ArticleSummary::publishedAt).thenComparing(ArticleSummary::slug).reversed();

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
   * Re-renders the pages of {@code slugs} (deleting those no longer published), the listings
   * of {@code tags} and of the home page, the feed, the sitemap and the fixed pages.
   */
  public Result publish(Collection<String> slugs, Collection<String> tags) {
    Run run = new Run();
    Set<String> affectedTags = new TreeSet<>(tags);
    Map<String, Article> fresh = new TreeMap<>();
    for (String slug : new TreeSet<>(slugs)) {
      Optional<Article> article = articles.find(slug).filter(Article::isPublished);
      article.ifPresent(a -> {
        fresh.put(slug, a);
        affectedTags.addAll(a.tags());
      });
      run.sync(SitePaths.ARTICLES_PREFIX + slug + "/",
          article.map(renderer::articlePage).stream().toList());
    }
    Set<String> changed = new TreeSet<>(slugs);
    List<ArticleSummary> all = reconcile(listAll(null), changed, fresh, null);
    List<SiteFile> home = renderer.listingPages(null, all);
    run.write(home.get(0));
    run.sync(SitePaths.HOME_PAGES_PREFIX, home.subList(1, home.size()));
    for (String tag : affectedTags) {
      List<ArticleSummary> tagged = reconcile(listAll(tag), changed, fresh, tag);
      run.sync(SitePaths.TAGS_PREFIX + tag + "/",
          tagged.isEmpty() ? List.of() : renderer.listingPages(tag, tagged));
    }
    run.write(renderer.feed(all));
    run.write(renderer.sitemap(all, tagsOf(all)));
    renderer.fixedPages().forEach(run::write);
    Result result = run.result();
    Metrics.count(Metric.PUBLISH_RUNS, 1);
    Metrics.count(Metric.PAGES_WRITTEN, result.written());
    return result;
  }

  /**
   * The listing index is updated a moment after the table, and the stream can be faster: the
   * articles just read with a consistent read replace whatever the index said about them.
   */
  static List<ArticleSummary> reconcile(List<ArticleSummary> listed, Set<String> changed,
      Map<String, Article> fresh, String tag) {
    List<ArticleSummary> merged = new ArrayList<>();
    for (ArticleSummary summary : listed) {
      if (!changed.contains(summary.slug())) {
        merged.add(summary);
      }
    }
    for (Article article : fresh.values()) {
      if (tag == null || article.tags().contains(tag)) {
        merged.add(ArticleSummary.of(article));
      }
    }
    merged.sort(NEWEST_FIRST);
    return merged;
  }

  /**
   * Everything: every published article and tag, plus whatever the bucket still holds under
   * articles/ and tags/ (so stale pages go too). Used after a deploy that changed templates,
   * to recover after a batch went to the DLQ, and by the dev server at start.
   */
  public Result rebuildAll() {
    List<ArticleSummary> all = listAll(null);
    Set<String> slugs = new HashSet<>();
    all.forEach(a -> slugs.add(a.slug()));
    slugs.addAll(folders(SitePaths.ARTICLES_PREFIX));
    Set<String> tags = tagsOf(all);
    tags.addAll(folders(SitePaths.TAGS_PREFIX));
    return publish(slugs, tags);
  }

  /** The whole published listing (or one tag's), newest first, through the listing index. */
  private List<ArticleSummary> listAll(String tag) {
    List<ArticleSummary> all = new ArrayList<>();
    String after = null;
    do {
      Page<ArticleSummary> page = articles.listPublished(tag, QUERY_SIZE, after);
      all.addAll(page.items());
      after = page.nextCursor();
    } while (after != null);
    return all;
  }

  private static Set<String> tagsOf(List<ArticleSummary> articles) {
    Set<String> tags = new TreeSet<>();
    articles.forEach(a -> tags.addAll(a.tags()));
    return tags;
  }

  /** First path segment below {@code prefix} of every stored key: slugs or tags. */
  private Set<String> folders(String prefix) {
    Set<String> names = new LinkedHashSet<>();
    for (String key : store.fingerprints(prefix).keySet()) {
      int slash = key.indexOf('/', prefix.length());
      if (slash > prefix.length()) {
        names.add(key.substring(prefix.length(), slash));
      }
    }
    return names;
  }

  /** One publishing pass: writes what changed, deletes what should be gone, counts both. */
  private final class Run {
    private int written;
    private int deleted;
    private int unchanged;

    /** Makes the files under {@code prefix} exactly {@code files}. */
    void sync(String prefix, List<SiteFile> files) {
      Map<String, String> stored = store.fingerprints(prefix);
      Set<String> wanted = new HashSet<>();
      for (SiteFile file : files) {
        wanted.add(file.key());
        put(file, stored.get(file.key()));
      }
      for (String key : new TreeSet<>(stored.keySet())) {
        if (!wanted.contains(key)) {
          store.delete(key);
          deleted++;
        }
      }
    }

    void write(SiteFile file) {
      put(file, store.fingerprints(file.key()).get(file.key()));
    }

    private void put(SiteFile file, String storedMd5) {
      if (file.md5Hex().equals(storedMd5)) {
        unchanged++;
      } else {
        store.put(file);
        written++;
      }
    }

    Result result() {
      return new Result(written, deleted, unchanged);
    }
  }
}
