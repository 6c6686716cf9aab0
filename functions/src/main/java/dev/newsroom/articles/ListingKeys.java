package dev.newsroom.articles;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Sort keys of the listing indexes: {@code time#slug} with the time in fixed width. Plain
 * {@code Instant.toString()} drops zero fractions ({@code 12:00:00Z} against
 * {@code 12:00:00.5Z}), and then string order is not time order within a second.
 */
final class ListingKeys {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** Only four-digit years keep the fixed width; publication dates are checked against these. */
  static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private ListingKeys() {}

  static String of(Instant time, String slug) {
    return TIME.format(time) + "#" + slug;
  }

  /** The time a key was made from. */
  static Instant timeOf(String key) {
    return TIME.parse(key.substring(0, key.indexOf('#')), Instant::from);
  }
}
