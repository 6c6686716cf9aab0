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
 *
 * <p>A link sent in a mailing (a newsletter campaign) names it too, under the same MAC:
 * {@code <subscriberId>.<expiry>.<mailing>.<mac>}. So a reader's unsubscribe can be counted on
 * the newsletter it came from, and nobody can move a link to another mailing's count.
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
  /** A mailing's id: a campaign id ({@code [a-z0-9-]}, at most 120 characters). */
  public static final Pattern MAILING = Pattern.compile("[a-z0-9-]{1,120}");
  private static final Pattern TOKEN = Pattern.compile(
      "([A-Za-z0-9_-]{43})\\.(0|[1-9][0-9]{0,11})\\.(?:(" + MAILING.pattern() + ")\\.)?"
          + "([A-Za-z0-9_-]{22})");
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private final LinkKey source;
  private volatile SecretKeySpec key;

  /** @param source read on first use and then kept: once per container */
  public LinkSigner(LinkKey source) {
    this.source = source;
  }

  /**
   * What a genuine token says.
   *
   * @param mailing the mailing the link was sent in, or null
   */
  public record SignedLink(String subscriberId, String mailing) {}

  /** @param expiresAt when the link stops working, or null for never (unsubscribe links) */
  public String sign(Purpose purpose, String subscriberId, Instant expiresAt) {
    return sign(purpose, subscriberId, expiresAt, null);
  }

  /**
   * @param expiresAt when the link stops working, or null for never (unsubscribe links)
   * @param mailing the mailing that carries the link ({@link #MAILING}), or null
   */
  public String sign(Purpose purpose, String subscriberId, Instant expiresAt, String mailing) {
    if (!SubscriberIds.isId(subscriberId)) {
      throw new IllegalArgumentException("not a subscriber id");
    }
    if (mailing != null && !MAILING.matcher(mailing).matches()) {
      throw new IllegalArgumentException("not a mailing id");
    }
    String expiry = expiresAt == null ? "0" : Long.toString(expiresAt.getEpochSecond());
    return subscriberId + "." + expiry + "." + (mailing == null ? "" : mailing + ".")
        + mac(purpose, subscriberId, expiry, mailing);
  }

  /** The subscriber id a genuine, unexpired token for {@code purpose} names. */
  public Optional<String> verify(Purpose purpose, String token, Instant now) {
    return open(purpose, token, now).map(SignedLink::subscriberId);
  }

  /** What a genuine, unexpired token for {@code purpose} names. */
  public Optional<SignedLink> open(Purpose purpose, String token, Instant now) {
    if (token == null) {
      return Optional.empty();
    }
    var m = TOKEN.matcher(token);
    if (!m.matches()) {
      return Optional.empty();
    }
    String id = m.group(1);
    String expiry = m.group(2);
    String mailing = m.group(3);
    boolean genuine = MessageDigest.isEqual(
        mac(purpose, id, expiry, mailing).getBytes(StandardCharsets.US_ASCII),
        m.group(4).getBytes(StandardCharsets.US_ASCII));
    long expires = Long.parseLong(expiry);
    boolean current = expires == 0 || now.getEpochSecond() < expires;
    return genuine && current ? Optional.of(new SignedLink(id, mailing)) : Optional.empty();
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

  /** A link without a mailing signs the same text as before mailings existed. */
  private String mac(Purpose purpose, String id, String expiry, String mailing) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key());
      byte[] full = mac.doFinal(("newsroom-link/v1\n" + purpose.wire + "\n" + id + "\n" + expiry
          + (mailing == null ? "" : "\n" + mailing)).getBytes(StandardCharsets.UTF_8));
      return URL.encodeToString(java.util.Arrays.copyOf(full, MAC_BYTES));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
    }
  }
}
