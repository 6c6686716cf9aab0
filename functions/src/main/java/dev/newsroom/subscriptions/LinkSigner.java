package dev.newsroom.subscriptions;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed links for one subscriber and one action: {@code <subscriberId>.<expiry>.<mac>}, where the
 * MAC is HMAC-SHA256 (first 128 bits) over the purpose, the id and the expiry (epoch seconds, 0
 * for never). Nothing is stored per link, so every email, including newsletters sent long after
 * the signup, can carry a working unsubscribe link, and a copy of the table alone forges none.
 */
public final class LinkSigner {

  /** What a link may do; a link signed for one purpose is refused for any other. */
  public enum Purpose {
    UNSUBSCRIBE("unsubscribe"),
    EXPORT("export"),
    ERASE("erase"),
    /** The preferences page of a newsletter: change topics (and offers to unsubscribe). */
    PREFERENCES("preferences");

    private final String wire;

    Purpose(String wire) {
      this.wire = wire;
    }
  }

  /** Bytes of key material the secret must at least have (HMAC-SHA256 wants 256 bits). */
  static final int MIN_KEY_BYTES = 32;
  private static final int MAC_BYTES = 16;
  private static final Pattern TOKEN = Pattern.compile(
      "([A-Za-z0-9_-]{43})\\.(0|[1-9][0-9]{0,11})\\.([A-Za-z0-9_-]{22})");
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private final LinkKey source;
  private volatile SecretKeySpec key;

  /** @param source read on first use and then kept: once per container */
  public LinkSigner(LinkKey source) {
    this.source = source;
  }

  /** @param expiresAt when the link stops working, or null for never (unsubscribe links) */
  public String sign(Purpose purpose, String subscriberId, Instant expiresAt) {
    if (!SubscriberIds.isId(subscriberId)) {
      throw new IllegalArgumentException("not a subscriber id");
    }
    String expiry = expiresAt == null ? "0" : Long.toString(expiresAt.getEpochSecond());
    return subscriberId + "." + expiry + "." + mac(purpose, subscriberId, expiry);
  }

  /** The subscriber id a genuine, unexpired token for {@code purpose} names. */
  public Optional<String> verify(Purpose purpose, String token, Instant now) {
    if (token == null) {
      return Optional.empty();
    }
    var m = TOKEN.matcher(token);
    if (!m.matches()) {
      return Optional.empty();
    }
    String id = m.group(1);
    String expiry = m.group(2);
    boolean genuine = MessageDigest.isEqual(
        mac(purpose, id, expiry).getBytes(StandardCharsets.US_ASCII),
        m.group(3).getBytes(StandardCharsets.US_ASCII));
    long expires = Long.parseLong(expiry);
    boolean current = expires == 0 || now.getEpochSecond() < expires;
    return genuine && current ? Optional.of(id) : Optional.empty();
  }

  /** A failed read is not kept: the next request tries again. */
  private SecretKeySpec key() {
    SecretKeySpec loaded = key;
    if (loaded == null) {
      byte[] bytes = source.load();
      if (bytes.length < MIN_KEY_BYTES) {
        throw new IllegalStateException("the link key must have at least " + MIN_KEY_BYTES
            + " bytes");
      }
      loaded = new SecretKeySpec(bytes, "HmacSHA256");
      key = loaded;
    }
    return loaded;
  }

  private String mac(Purpose purpose, String id, String expiry) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key());
      byte[] full = mac.doFinal(("newsroom-link/v1\n" + purpose.wire + "\n" + id + "\n" + expiry)
          .getBytes(StandardCharsets.UTF_8));
      return URL.encodeToString(java.util.Arrays.copyOf(full, MAC_BYTES));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
    }
  }
}
