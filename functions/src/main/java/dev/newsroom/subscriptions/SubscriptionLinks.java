package dev.newsroom.subscriptions;

import dev.newsroom.pages.SitePaths;
import java.time.Duration;
import java.time.Instant;

/**
 * The absolute URLs emails carry. They all lead to the API under the site's own origin
 * (CloudFront routes {@code /api/*}), where GET shows a page and only POST acts. Public for the
 * newsletter, whose every email carries a subscriber's own unsubscribe and preferences links.
 *
 * @param siteUrl the public origin without a trailing slash, e.g. {@code https://news.example.com}
 */
public record SubscriptionLinks(String siteUrl, LinkSigner signer) {

  static final String CONFIRM_PATH = "/api/subscriptions/confirm";
  public static final String UNSUBSCRIBE_PATH = "/api/subscriptions/unsubscribe";
  static final String DATA_REQUESTS_PATH = SitePaths.SUBSCRIPTION_DATA_REQUESTS;
  static final String EXPORT_PATH = "/api/subscriptions/export";
  static final String ERASE_PATH = "/api/subscriptions/erase";
  public static final String PREFERENCES_PATH = "/api/subscriptions/preferences";
  /**
   * How long a preferences link works. Unlike unsubscribing, changing topics is not something
   * an old or forwarded email should allow for ever; a newer newsletter carries a fresh link.
   */
  public static final Duration PREFERENCES_LIFETIME = Duration.ofDays(365);

  public SubscriptionLinks {
    siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
  }

  String confirm(String token) {
    return siteUrl + CONFIRM_PATH + "?token=" + token;
  }

  /** Never expires: old emails keep a working link (and RFC 8058 one-click needs it). */
  public String unsubscribe(String subscriberId) {
    return unsubscribe(subscriberId, null);
  }

  /**
   * The unsubscribe link of an email sent in a mailing, which it names (signed), so that
   * leaving through it can be counted on that mailing.
   *
   * @param mailing the mailing's id ({@link LinkSigner#MAILING}), or null for none
   */
  public String unsubscribe(String subscriberId, String mailing) {
    return siteUrl + UNSUBSCRIBE_PATH + "?token="
        + signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, subscriberId, null, mailing);
  }

  String export(String subscriberId, Instant expiresAt) {
    return siteUrl + EXPORT_PATH + "?token="
        + signer.sign(LinkSigner.Purpose.EXPORT, subscriberId, expiresAt);
  }

  String erase(String subscriberId, Instant expiresAt) {
    return siteUrl + ERASE_PATH + "?token="
        + signer.sign(LinkSigner.Purpose.ERASE, subscriberId, expiresAt);
  }

  /** The subscriber's preferences page, working for {@link #PREFERENCES_LIFETIME} from now. */
  public String preferences(String subscriberId, Instant now) {
    return siteUrl + PREFERENCES_PATH + "?token=" + signer.sign(LinkSigner.Purpose.PREFERENCES,
        subscriberId, now.plus(PREFERENCES_LIFETIME));
  }

  /** Where anyone can ask for a copy or the erasure of their data. */
  String dataRequests() {
    return siteUrl + DATA_REQUESTS_PATH;
  }

  public String home() {
    return siteUrl + "/";
  }
}
