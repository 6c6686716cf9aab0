package dev.newsroom.articles;

import dev.newsroom.shared.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where articles live. Listings are newest first and never scan the whole store. */
public interface ArticleRepository {

  Optional<Article> find(String slug);

  /**
   * Writes {@code article} if the stored version is still {@code expectedVersion} (0: absent).
   * Listing entries for its tags follow its status in the same atomic write.
   *
   * @param previous the stored article being replaced, or null when creating
   * @throws dev.newsroom.shared.ConflictException when another write won
   */
  void save(Article article, Article previous);

  /** Deletes the article and its listing entries if it is still at its version. */
  void delete(Article stored);

  /**
   * Published articles, newest first.
   *
   * @param tag only this tag, or null for all
   * @param afterKey listing key to continue after, or null for the first page
   */
  Page<ArticleSummary> listPublished(String tag, int limit, String afterKey);

  /**
   * Published articles whose publication time is in {@code [from, until)}, at most
   * {@code limit} of them, newest or oldest first: what one archive page or its neighbour needs,
   * read by key range (the cost is the range's size, never the whole listing's).
   *
   * @param tag only this tag, or null for all
   */
  List<ArticleSummary> listPublishedBetween(String tag, Instant from, Instant until, int limit,
      boolean newestFirst);

  /** Articles of one status for editors, most recently updated first. */
  Page<ArticleSummary> listByStatus(ArticleStatus status, int limit, String afterKey);
}
