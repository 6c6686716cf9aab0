package dev.newsroom.subscriptions;

import dev.newsroom.pages.SitePaths;
import java.time.Instant;

/**
 * The absolute URLs emails carry. They all lead to the API under the site's own origin
 * (CloudFront routes {@code /api/*}), where GET shows a page and only POST acts.
 *
 * @param siteUrl the public origin without a trailing slash, e.g. {@code https://news.example.com}
 */
record SubscriptionLinks(String siteUrl, LinkSigner signer) {

  static final String CONFIRM_PATH = "/api/subscriptions/confirm";
  static final String UNSUBSCRIBE_PATH = "/api/subscriptions/unsubscribe";
  static final String DATA_REQUESTS_PATH = SitePaths.SUBSCRIPTION_DATA_REQUESTS;
  static final String EXPORT_PATH = "/api/subscriptions/export";
  static final String ERASE_PATH = "/api/subscriptions/erase";

  SubscriptionLinks {
    siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
  }

  String confirm(String token) {
    return siteUrl + CONFIRM_PATH + "?token=" + token;
  }

  /** Never expires: old emails keep a working link (and RFC 8058 one-click needs it). */
  String unsubscribe(String subscriberId) {
    return siteUrl + UNSUBSCRIBE_PATH + "?token="
        + signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, subscriberId, null);
  }

  String export(String subscriberId, Instant expiresAt) {
    return siteUrl + EXPORT_PATH + "?token="
        + signer.sign(LinkSigner.Purpose.EXPORT, subscriberId, expiresAt);
  }

  String erase(String subscriberId, Instant expiresAt) {
    return siteUrl + ERASE_PATH + "?token="
        + signer.sign(LinkSigner.Purpose.ERASE, subscriberId, expiresAt);
  }

  /** Where anyone can ask for a copy or the erasure of their data. */
  String dataRequests() {
    return siteUrl + DATA_REQUESTS_PATH;
  }

  String home() {
    return siteUrl + "/";
  }
}
