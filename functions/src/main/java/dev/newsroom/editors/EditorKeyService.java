package dev.newsroom.editors;

import dev.newsroom.shared.Clock;
import dev.newsroom.shared.Hashing;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Per-editor API keys of the form {@code nrk.<keyId>.<secret>}. The key id finds the record;
 * the secret is compared by hash in constant time. Neither is ever logged.
 */
public final class EditorKeyService {

  private static final Pattern KEY = Pattern.compile("nrk\\.([A-Za-z0-9_-]{16})\\.([A-Za-z0-9_-]{43})");
  private static final Pattern EDITOR_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /** A freshly minted key: {@code plaintext} is shown once and never stored. */
  public record MintedKey(String keyId, String editorId, String plaintext) {}

  private final EditorKeyRepository keys;
  private final Clock clock;

  public EditorKeyService(EditorKeyRepository keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  public MintedKey mint(String editorId) {
    if (editorId == null || !EDITOR_ID.matcher(editorId).matches()) {
      throw new IllegalArgumentException(
          "editor id: 1-64 characters of a-z, 0-9, '.', '_' and '-', starting alphanumeric");
    }
    String keyId = Hashing.randomToken(12);
    String secret = Hashing.randomToken(32);
    keys.create(new EditorKey(keyId, editorId, Hashing.sha256Hex(secret), clock.now(), null));
    return new MintedKey(keyId, editorId, "nrk." + keyId + "." + secret);
  }

  public boolean revoke(String keyId) {
    return keys.revoke(keyId, clock.now());
  }

  /** The editor id for a valid {@code Authorization: Bearer} header, or empty. */
  public Optional<String> authenticate(String authorization) {
    if (authorization == null || authorization.length() > 200
        || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    var match = KEY.matcher(authorization.substring(7).strip());
    if (!match.matches()) {
      return Optional.empty();
    }
    String presentedHash = Hashing.sha256Hex(match.group(2));
    return keys.find(match.group(1))
        .filter(key -> !key.isRevoked())
        .filter(key -> Hashing.constantTimeEquals(key.secretHash(), presentedHash))
        .map(EditorKey::editorId);
  }
}
