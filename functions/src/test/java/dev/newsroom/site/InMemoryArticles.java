package dev.newsroom.site;

import dev.newsroom.articles.Article;
import dev.newsroom.articles.ArticleRepository;
import dev.newsroom.articles.ArticleStatus;
import dev.newsroom.articles.ArticleSummary;
import dev.newsroom.shared.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Articles in memory. The listing can be frozen to play the listing index lagging behind the
 * table, as a GSI may for a moment after a write.
 */
final class InMemoryArticles implements ArticleRepository {

  private final Map<String, Article> articles = new TreeMap<>();
  private List<ArticleSummary> frozenListing;
  /** Calls that read the store: one GetItem or one (paged) Query each. */
  int reads;

  synchronized void store(Article article) {
    articles.put(article.slug(), article);
  }

  synchronized void remove(String slug) {
    articles.remove(slug);
  }

  /** From now on, listings answer what they answer now. */
  synchronized void freezeListing() {
    frozenListing = published();
  }

  @Override
  public synchronized Optional<Article> find(String slug) {
    reads++;
    return Optional.ofNullable(articles.get(slug));
  }

  @Override
  public synchronized void save(Article article, Article previous) {
    store(article);
  }

  @Override
  public synchronized void delete(Article stored) {
    remove(stored.slug());
  }

  /** The cursor is the offset of the next entry: opaque to the publisher, as the real key is. */
  @Override
  public synchronized Page<ArticleSummary> listPublished(String tag, int limit, String afterKey) {
    reads++;
    List<ArticleSummary> matching = new ArrayList<>();
    for (ArticleSummary a : frozenListing != null ? frozenListing : published()) {
      if (tag == null || a.tags().contains(tag)) {
        matching.add(a);
      }
    }
    int from = afterKey == null ? 0 : Integer.parseInt(afterKey);
    int to = Math.min(matching.size(), from + limit);
    return new Page<>(matching.subList(from, to), to < matching.size() ? Integer.toString(to)
        : null);
  }

  @Override
  public synchronized List<ArticleSummary> listPublishedBetween(String tag, Instant from, Instant until,
      int limit, boolean newestFirst) {
    reads++;
    List<ArticleSummary> matching = new ArrayList<>();
    for (ArticleSummary a : frozenListing != null ? frozenListing : published()) {
      boolean inRange = !a.publishedAt().isBefore(from) && a.publishedAt().isBefore(until);
      if (inRange && (tag == null || a.tags().contains(tag))) {
        matching.add(a);
      }
    }
    if (!newestFirst) {
      java.util.Collections.reverse(matching);
    }
    return matching.subList(0, Math.min(limit, matching.size()));
  }

  @Override
  public synchronized Page<ArticleSummary> listByStatus(ArticleStatus status, int limit, String afterKey) {
    throw new UnsupportedOperationException("not used by the site");
  }

  private List<ArticleSummary> published() {
    return articles.values().stream().filter(Article::isPublished).map(ArticleSummary::of)
        .sorted(SitePublisher.NEWEST_FIRST).toList();
  }
}
