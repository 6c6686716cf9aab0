package dev.newsroom.contact;

import dev.newsroom.shared.Paging;
import java.time.Instant;

/** Cursors of the editors' listing ({@link Paging}): the listing key is {@code receivedAt#id}. */
final class ContactCursor {

  private ContactCursor() {}

  static String encode(String listingKey) {
    return Paging.encodeCursor(listingKey);
  }

  /** The listing key, or null for a null cursor. */
  static String decode(String cursor) {
    return Paging.decodeCursor(cursor, 200, ContactCursor::checked);
  }

  private static String checked(String key) {
    int hash = key.lastIndexOf('#');
    if (hash > 0 && ContactService.isId(key.substring(hash + 1))) {
      Instant.parse(key.substring(0, hash));
      return key;
    }
    return null;
  }
}
