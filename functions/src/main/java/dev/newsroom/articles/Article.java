package dev.newsroom.articles;

import java.time.Instant;
import dev.newsroom.scheduling.DueJob;
import java.util.List;
import java.util.Optional;

/**
 * An article as stored: the body is already sanitised HTML.
 *
 * @param publishedAt first publication time (kept across unpublish), or null if never published
 * @param editorId the editor who last wrote it
 * @param version optimistic-lock counter, bumped on every write
 * @param schedule while {@code SCHEDULED}: when to publish; kept on the article the schedule
 *     published (its newsletter request is still read then), cleared by any other publish
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
    long version,
    ArticleSchedule schedule) {

  public Article {
    tags = List.copyOf(tags);
  }

  /** An article that was never scheduled. */
  public Article(String slug, String title, String summary, String bodyHtml, String author,
      List<String> tags, String heroImageUrl, String heroImageAlt, ArticleStatus status,
      Instant publishedAt, Instant updatedAt, String editorId, long version) {
    this(slug, title, summary, bodyHtml, author, tags, heroImageUrl, heroImageAlt, status,
        publishedAt, updatedAt, editorId, version, null);
  }

  public boolean isScheduled() {
    return status == ArticleStatus.SCHEDULED;
  }

  /** The job that publishes this version at its time, while it is scheduled. */
  public Optional<DueJob> publishJob() {
    return isScheduled()
        ? Optional.of(new DueJob(PublishScheduledArticle.KIND, slug, version, schedule.publishAt()))
        : Optional.empty();
  }

  /** Sort key of the editors' status listing: scheduled articles by their time, others by edit. */
  String statusKey() {
    return ListingKeys.of(isScheduled() ? schedule.publishAt() : updatedAt, slug);
  }

  public boolean isPublished() {
    return status == ArticleStatus.PUBLISHED;
  }

  /** Newest-first sort key shared by the listing index and the cursor. */
  public String listingKey() {
    return ListingKeys.of(publishedAt, slug);
  }

  /** The next version in {@code newStatus}; any schedule is dropped. */
  Article withStatus(ArticleStatus newStatus, Instant newPublishedAt, Instant now, String editor) {
    return withStatus(newStatus, newPublishedAt, now, editor, null);
  }

  Article withStatus(ArticleStatus newStatus, Instant newPublishedAt, Instant now, String editor,
      ArticleSchedule newSchedule) {
    return new Article(slug, title, summary, bodyHtml, author, tags, heroImageUrl, heroImageAlt,
        newStatus, newPublishedAt, now, editor, version + 1, newSchedule);
  }

  boolean sameContent(Article other) {
    return title.equals(other.title) && summary.equals(other.summary)
        && bodyHtml.equals(other.bodyHtml) && author.equals(other.author)
        && tags.equals(other.tags) && java.util.Objects.equals(heroImageUrl, other.heroImageUrl)
        && java.util.Objects.equals(heroImageAlt, other.heroImageAlt)
        && java.util.Objects.equals(publishedAt, other.publishedAt);
  }
}
