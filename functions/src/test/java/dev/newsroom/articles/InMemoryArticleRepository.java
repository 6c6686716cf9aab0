package dev.newsroom.articles;

import dev.newsroom.scheduling.InMemoryDueJobRepository;
import dev.newsroom.shared.ConflictException;
import dev.newsroom.shared.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Articles in a map, with the adapter's contract ({@link ArticleRepositoryContract} runs against
 * both): version-checked writes, newest-first listings by the same sort keys, and a cursor that
 * is the last item's key. It counts reads and writes so tests can assert that a refused or replayed request
 * wrote nothing, and its published listing can be frozen to play the listing index trailing the
 * table, as a GSI may for a moment after a write. The one fake of {@link ArticleRepository}.
 */
public class InMemoryArticleRepository implements ArticleRepository {

  private final Map<String, Article> articles = new TreeMap<>();
  private Map<String, Article> frozenListing;
  private final InMemoryDueJobRepository jobs;
  private int writes;
  private int reads;

  public InMemoryArticleRepository() {
    this(new InMemoryDueJobRepository());
  }

  /** Publish jobs go to {@code jobs}, in the same step as the article, as the adapter does. */
  public InMemoryArticleRepository(InMemoryDueJobRepository jobs) {
    this.jobs = jobs;
  }

  @Override
  public synchronized Optional<Article> find(String slug) {
    reads++;
    return Optional.ofNullable(articles.get(slug));
  }

  @Override
  public synchronized void save(Article article, Article previous) {
    Article stored = articles.get(article.slug());
    boolean current = previous == null ? stored == null
        : stored != null && stored.version() == previous.version();
    if (!current) {
      throw new ConflictException("The article changed meanwhile. Reload and try again.");
    }
    articles.put(article.slug(), article);
    PublishJobs.toPut(article).ifPresent(jobs::put);
    PublishJobs.toDelete(article, previous).ifPresent(jobs::remove);
    writes++;
  }

  @Override
  public synchronized void delete(Article stored) {
    Article current = articles.get(stored.slug());
    if (current == null || current.version() != stored.version()) {
      throw new ConflictException("The article changed meanwhile. Reload and try again.");
    }
    articles.remove(stored.slug());
    PublishJobs.toDelete(null, stored).ifPresent(jobs::remove);
    writes++;
  }

  @Override
  public synchronized Page<ArticleSummary> listPublished(String tag, int limit, String afterKey) {
    reads++;
    return list(frozenListing != null ? frozenListing : articles,
        a -> a.isPublished() && (tag == null || a.tags().contains(tag)),
        Article::listingKey, limit, afterKey);
  }

  @Override
  public synchronized List<ArticleSummary> listPublishedBetween(String tag, Instant from,
      Instant until, int limit, boolean newestFirst) {
    reads++;
    Comparator<Article> order = Comparator.comparing(Article::listingKey);
    return articles.values().stream()
        .filter(a -> a.isPublished() && (tag == null || a.tags().contains(tag)))
        .filter(a -> !a.publishedAt().isBefore(from) && a.publishedAt().isBefore(until))
        .sorted(newestFirst ? order.reversed() : order)
        .limit(limit).map(ArticleSummary::of).toList();
  }

  @Override
  public synchronized Page<ArticleSummary> listByStatus(ArticleStatus status, int limit,
      String afterKey) {
    return list(articles, a -> a.status() == status,
        Article::statusKey, limit, afterKey);
  }

  private static Page<ArticleSummary> list(Map<String, Article> articles,
      Predicate<Article> filter, Function<Article, String> key, int limit, String afterKey) {
    List<Article> matching = articles.values().stream()
        .filter(filter)
        .filter(a -> afterKey == null || key.apply(a).compareTo(afterKey) < 0)
        .sorted(Comparator.comparing(key).reversed())
        .toList();
    List<ArticleSummary> page = new ArrayList<>();
    for (Article a : matching.subList(0, Math.min(limit, matching.size()))) {
      page.add(ArticleSummary.of(a));
    }
    String next = matching.size() > limit ? key.apply(matching.get(limit - 1)) : null;
    return new Page<>(page, next);
  }

  /** Puts an article as stored state, bypassing the service (test setup). */
  public synchronized void put(Article article) {
    articles.put(article.slug(), article);
  }

  /** Removes an article from the stored state, bypassing the service (test setup). */
  public synchronized void remove(String slug) {
    articles.remove(slug);
  }

  /** From now on, published listings answer what they answer now, whatever is written. */
  public synchronized void freezeListing() {
    frozenListing = new TreeMap<>(articles);
  }

  public synchronized int writes() {
    return writes;
  }

  /** Calls that read the store: one GetItem or one (paged) Query each. */
  public synchronized int reads() {
    return reads;
  }

  public synchronized Map<String, Article> snapshot() {
    return Map.copyOf(articles);
  }
}
