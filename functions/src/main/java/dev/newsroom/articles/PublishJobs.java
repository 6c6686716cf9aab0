package dev.newsroom.articles;

import dev.newsroom.scheduling.DueJob;
import java.util.Optional;

/**
 * The due jobs an article write changes, in the same atomic write as the article: a scheduled
 * version always has its publish job, so no trigger can be lost between two writes.
 */
final class PublishJobs {

  private PublishJobs() {}

  static Optional<DueJob> toPut(Article written) {
    return written.publishJob();
  }

  /**
   * The previous version's job, now stale. A publish keeps it: the sweep that fired it removes it
   * once its handler returned, and until then it may still have a newsletter to start. A stale job
   * left behind would be harmless anyway (its handler finds another version and does nothing).
   *
   * @param written the new version, or null when the article is deleted
   */
  static Optional<DueJob> toDelete(Article written, Article previous) {
    if (previous == null || (written != null && written.isPublished())) {
      return Optional.empty();
    }
    return previous.publishJob();
  }
}
