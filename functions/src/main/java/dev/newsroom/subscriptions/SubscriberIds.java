package dev.newsroom.subscriptions;

import dev.newsroom.shared.EmailAddress;
import dev.newsroom.shared.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A subscriber's id: base64url SHA-256 of the canonical address (fully lower-cased), so that one
 * address has one subscription whatever case it is typed in, an erased address can leave a
 * tombstone that names no address, and logs carry the id instead of the address.
 */
public final class SubscriberIds {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");

  private SubscriberIds() {}

  public static String of(EmailAddress address) {
    byte[] digest = Hashing.sha256(("newsroom-subscriber\u0000" + address.canonical())
        .getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  static boolean isId(String text) {
    return text != null && ID.matcher(text).matches();
  }
}
