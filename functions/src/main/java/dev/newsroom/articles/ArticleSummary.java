package dev.newsroom.articles;

import java.time.Instant;
import java.util.List;

/**
 * The listing view of an article: everything but the body, as the listing indexes hold it.
 *
 * @param publishAt when a scheduled article goes out; null for the others
 */
public record ArticleSummary(
    String slug,
    String title,
    String summary,
    String author,
    List<String> tags,
    String heroImageUrl,
    String heroImageAlt,
    ArticleStatus status,
    Instant publishedAt,
    Instant updatedAt,
    Instant publishAt) {

  public ArticleSummary {
    tags = List.copyOf(tags);
  }

  /** A summary of an article that is not scheduled. */
  public ArticleSummary(String slug, String title, String summary, String author,
      List<String> tags, String heroImageUrl, String heroImageAlt, ArticleStatus status,
      Instant publishedAt, Instant updatedAt) {
    this(slug, title, summary, author, tags, heroImageUrl, heroImageAlt, status, publishedAt,
        updatedAt, null);
  }

  public static ArticleSummary of(Article a) {
    return new ArticleSummary(a.slug(), a.title(), a.summary(), a.author(), a.tags(),
        a.heroImageUrl(), a.heroImageAlt(), a.status(), a.publishedAt(), a.updatedAt(),
        a.isScheduled() ? a.schedule().publishAt() : null);
  }
}
