package dev.newsroom.articles;

import java.time.Instant;
import java.util.List;

/**
 * An article as stored: the body is already sanitised HTML.
 *
 * @param publishedAt first publication time (kept across unpublish), or null if never published
 * @param editorId the editor who last wrote it
 * @param version optimistic-lock counter, bumped on every write
 */
public record Article(
    String slug,
    String title,
    String summary,
    String bodyHtml,
    String author,
    List<String> tags,
    String heroImageUrl,
    String heroImageAlt,
    ArticleStatus status,
    Instant publishedAt,
    Instant updatedAt,
    String editorId,
    long version) {

  public Article {
    tags = List.copyOf(tags);
  }

  public boolean isPublished() {
    return status == ArticleStatus.PUBLISHED;
  }

  /** Newest-first sort key shared by the listing index and the cursor. */
  public String listingKey() {
    return ListingKeys.of(publishedAt, slug);
  }

  Article withStatus(ArticleStatus newStatus, Instant newPublishedAt, Instant now, String editor) {
    return new Article(slug, title, summary, bodyHtml, author, tags, heroImageUrl, heroImageAlt,
        newStatus, newPublishedAt, now, editor, version + 1);
  }

  boolean sameContent(Article other) {
    return title.equals(other.title) && summary.equals(other.summary)
        && bodyHtml.equals(other.bodyHtml) && author.equals(other.author)
        && tags.equals(other.tags) && java.util.Objects.equals(heroImageUrl, other.heroImageUrl)
        && java.util.Objects.equals(heroImageAlt, other.heroImageAlt)
        && java.util.Objects.equals(publishedAt, other.publishedAt);
  }
}
