package dev.newsroom.articles;

import java.time.Instant;
import java.util.List;

/** The listing view of an article: everything but the body, as the listing indexes hold it. */
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
    Instant updatedAt) {

  public ArticleSummary {
    tags = List.copyOf(tags);
  }

  public static ArticleSummary of(Article a) {
    return new ArticleSummary(a.slug(), a.title(), a.summary(), a.author(), a.tags(),
        a.heroImageUrl(), a.heroImageAlt(), a.status(), a.publishedAt(), a.updatedAt());
  }
}
