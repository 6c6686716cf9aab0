package dev.newsroom.contact;

import java.time.Instant;

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

  /** The listing's sort key: newest first, ties broken by id. */
  public String listingKey() {
    return receivedAt + "#" + id;
  }

  public boolean isExpired(Instant now) {
    return !expiresAt.isAfter(now);
  }
}
