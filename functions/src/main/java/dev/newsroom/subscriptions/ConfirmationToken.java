package dev.newsroom.subscriptions;

import java.time.Instant;

/**
 * A stored confirmation token: only its SHA-256 is kept, the token itself is in the email alone.
 * It confirms the signup it was issued for ({@code signupId}), once, before {@code expiresAt}.
 *
 * @param page the page the signup came from, for the confirmation's consent entry
 * @param usedAt when it confirmed, or null
 */
public record ConfirmationToken(String hash, String subscriberId, String signupId, String page,
    String consentVersion, Instant createdAt, Instant expiresAt, Instant usedAt) {

  /** Unused and unexpired. DynamoDB TTL deletes lazily, so expiry is checked here too. */
  boolean isUsable(Instant now) {
    return usedAt == null && now.isBefore(expiresAt);
  }
}
