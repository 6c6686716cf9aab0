package dev.newsroom.shared;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.function.UnaryOperator;

/**
 * What every newest-first listing shares: the page-size rule and opaque cursors. A cursor is
 * base64url of a versioned listing key ({@code v1:<key>}); decoding checks the shape fully, so a
 * forged or damaged cursor is a 400, never a malformed query. Each listing states only its limits
 * and the shape of its keys.
 */
public final class Paging {

  private static final String PREFIX = "v1:";

  private Paging() {}

  /** The requested page size, or the listing's default when none was asked for. */
  public static int limit(Integer requested, int defaultLimit, int max) {
    if (requested == null) {
      return defaultLimit;
    }
    if (requested < 1 || requested > max) {
      throw new ValidationException("limit", "The limit must be between 1 and " + max + ".");
    }
    return requested;
  }

  public static String encodeCursor(String listingKey) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((PREFIX + listingKey).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The listing key a cursor holds, or null for a null cursor.
   *
   * @param maxLength longer cursors are refused before any decoding
   * @param key the listing's check of a decoded key: the key in its canonical form, or null when
   *     it is not one of the listing's keys (it may also throw what parsing its parts throws)
   */
  public static String decodeCursor(String cursor, int maxLength, UnaryOperator<String> key) {
    if (cursor == null) {
      return null;
    }
    try {
      if (cursor.length() <= maxLength) {
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        String canonical = text.startsWith(PREFIX) ? key.apply(text.substring(PREFIX.length()))
            : null;
        if (canonical != null) {
          return canonical;
        }
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      // fall through to the one answer for every bad cursor
    }
    throw new ValidationException("cursor", "The cursor is not valid.");
  }
}
