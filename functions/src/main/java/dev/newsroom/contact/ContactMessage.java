package dev.newsroom.contact;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One message sent through the contact form, as stored for the editors.
 *
 * @param id derived from the content (or the sender's Idempotency-Key), so a repeat finds it
 * @param email the sender's normalised address
 * @param subject the subject, or null
 * @param page the page the form was on, or null
 * @param contentHash what the sender wrote, hashed: tells a repeat from a reused key
 * @param expiresAt when retention ends (the table's TTL)
 * @param handledAt when an editor marked it handled, or null
 * @param handledBy that editor's id, or null
 */
public record ContactMessage(String id, Instant receivedAt, String name, String email,
    String subject, String message, String page, String ip, String userAgent, String contentHash,
    Instant expiresAt, ContactStatus status, Instant handledAt, String handledBy) {

  private static final DateTimeFormatter KEY_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  /**
   * The listing's sort key, {@code time#id}, with the time in fixed width: {@code toString()}
   * drops zero fractions, and then string order is not time order within a second.
   */
  public String listingKey() {
    return KEY_TIME.format(receivedAt) + "#" + id;
  }

  public boolean isExpired(Instant now) {
    return !expiresAt.isAfter(now);
  }
}
