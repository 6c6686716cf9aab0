package dev.newsroom.editors;

import java.time.Instant;

/**
 * A stored editor key: only the SHA-256 of its secret is kept.
 *
 * @param revokedAt when it was revoked, or null while it is valid
 */
public record EditorKey(String keyId, String editorId, String secretHash, Instant createdAt,
    Instant revokedAt) {

  public boolean isRevoked() {
    return revokedAt != null;
  }
}
