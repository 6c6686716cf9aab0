package dev.newsroom.articles;

import dev.newsroom.shared.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Opaque page cursors: base64url of a versioned listing key ({@code time#slug}). Decoding checks
 * the shape fully, so a forged cursor is a 400, never a malformed query.
 */
public final class ArticleCursor {

  private static final String PREFIX = "v1:";

  private ArticleCursor() {}

  public static String encode(String listingKey) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((PREFIX + listingKey).getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the listing key in its canonical form, or null for a null cursor. */
  public static String decode(String cursor) {
    if (cursor == null) {
      return null;
    }
    try {
      String text = cursor.length() > 400 ? ""
          : new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith(PREFIX)) {
        String key = text.substring(PREFIX.length());
        int hash = key.indexOf('#');
        String slug = key.substring(hash + 1);
        if (hash > 0 && Slugs.isSlug(slug)) {
          Instant time = Instant.parse(key.substring(0, hash));
          if (!time.isBefore(ListingKeys.EARLIEST) && !time.isAfter(ListingKeys.LATEST)) {
            return ListingKeys.of(time, slug);
          }
        }
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      // fall through to the one answer for every bad cursor
    }
    throw new ValidationException("cursor", "The cursor is not valid.");
  }
}
