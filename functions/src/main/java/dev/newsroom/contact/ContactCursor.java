package dev.newsroom.contact;

import dev.newsroom.shared.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Opaque cursors of the editors' listing: base64url of a versioned listing key
 * ({@code receivedAt#id}). A forged or damaged cursor is a 400, never a malformed query.
 */
final class ContactCursor {

  private static final String PREFIX = "v1:";

  private ContactCursor() {}

  static String encode(String listingKey) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((PREFIX + listingKey).getBytes(StandardCharsets.UTF_8));
  }

  /** The listing key, or null for a null cursor. */
  static String decode(String cursor) {
    if (cursor == null) {
      return null;
    }
    try {
      if (cursor.length() <= 200) {
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int hash = text.lastIndexOf('#');
        if (text.startsWith(PREFIX) && hash > PREFIX.length()
            && ContactService.isId(text.substring(hash + 1))) {
          Instant.parse(text.substring(PREFIX.length(), hash));
          return text.substring(PREFIX.length());
        }
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      // fall through to the one answer for every bad cursor
    }
    throw new ValidationException("cursor", "The cursor is not valid.");
  }
}
