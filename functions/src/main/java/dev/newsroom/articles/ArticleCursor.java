package dev.newsroom.articles;

import dev.newsroom.shared.Paging;
import java.time.Instant;

/**
 * Cursors of the article listings ({@link Paging}): the listing key is {@code time#slug}, and
 * decoding gives it in its canonical form.
 */
public final class ArticleCursor {

  private ArticleCursor() {}

  public static String encode(String listingKey) {
    return Paging.encodeCursor(listingKey);
  }

  /** Returns the listing key in its canonical form, or null for a null cursor. */
  public static String decode(String cursor) {
    return Paging.decodeCursor(cursor, 400, ArticleCursor::canonical);
  }

  private static String canonical(String key) {
    int hash = key.indexOf('#');
    String slug = key.substring(hash + 1);
    if (hash > 0 && Slugs.isSlug(slug)) {
      Instant time = Instant.parse(key.substring(0, hash));
      if (!time.isBefore(ListingKeys.EARLIEST) && !time.isAfter(ListingKeys.LATEST)) {
        return ListingKeys.of(time, slug);
      }
    }
    return null;
  }
}
