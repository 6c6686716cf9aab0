package dev.newsroom.articles;

/**
 * Starts the newsletter campaign of an article that a schedule published with
 * {@code "newsletter": true}. Called at least once per such publish (again after a crash or a
 * failure of this call), so an implementation must start at most one campaign per article.
 */
public interface NewsletterTrigger {

  /** @param publishedVersion the version of the article the schedule published */
  void articlePublished(String slug, long publishedVersion);
}
