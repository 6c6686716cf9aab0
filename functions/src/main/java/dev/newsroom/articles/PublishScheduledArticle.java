package dev.newsroom.articles;

import dev.newsroom.scheduling.DueJobHandler;
import dev.newsroom.shared.Clock;
import dev.newsroom.shared.ConflictException;
import dev.newsroom.shared.Log;
import java.util.Map;
import java.util.Optional;

/**
 * Fires an {@code article-publish} job: publishes the article if it is still the scheduled
 * version the job was made for. The publish is a conditional write on that version, so a
 * duplicate or late job, or one overtaken by a reschedule, an edit, an unschedule or a delete,
 * publishes nothing. Then, if the schedule asked for it, the newsletter starts; a job that fails
 * there stays due, and its next firing finds the article at the published version and retries
 * the newsletter only.
 */
public final class PublishScheduledArticle implements DueJobHandler {

  public static final String KIND = "article-publish";

  private final ArticleRepository repository;
  private final NewsletterTrigger newsletter;
  private final Clock clock;

  public PublishScheduledArticle(ArticleRepository repository, NewsletterTrigger newsletter,
      Clock clock) {
    this.repository = repository;
    this.newsletter = newsletter;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void fire(String slug, long expectedVersion) {
    Optional<Article> found = repository.find(slug);
    if (found.isEmpty()) {
      return;
    }
    Article article = found.get();
    if (article.isScheduled() && article.version() == expectedVersion) {
      Article published = article.withStatus(ArticleStatus.PUBLISHED,
          article.publishedAt() == null ? article.schedule().publishAt() : article.publishedAt(),
          clock.now(), article.editorId(), article.schedule());
      try {
        repository.save(published, article);
      } catch (ConflictException e) {
        // Changed since it was read: this job is stale, or another firing published it and
        // starts the newsletter itself.
        return;
      }
      Log.info("article.scheduled_published", Map.of("slug", slug, "version",
          published.version(), "latenessMs",
          clock.now().toEpochMilli() - article.schedule().publishAt().toEpochMilli()));
      article = published;
    }
    boolean publishedByThisJob = article.isPublished() && article.version() == expectedVersion + 1
        && article.schedule() != null;
    if (publishedByThisJob && article.schedule().newsletter()) {
      newsletter.articlePublished(slug, article.version());
    }
  }
}
