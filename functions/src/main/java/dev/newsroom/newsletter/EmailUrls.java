package dev.newsroom.newsletter;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Which URLs an email may carry. */
final class EmailUrls {

  private EmailUrls() {}

  /**
   * An absolute https URL with a host and nothing that could leave an HTML attribute: what an
   * image must be, since a mail client has no page to resolve a relative URL against and many
   * block plain http.
   */
  static boolean isAbsoluteHttps(String url) {
    return url != null && url.regionMatches(true, 0, "https://", 0, 8) && hasHost(url);
  }

  /**
   * An absolute link target: https, or http on a loopback host (the dev server), never
   * anything else.
   */
  static boolean isSiteUrl(String url) {
    if (isAbsoluteHttps(url)) {
      return true;
    }
    if (url == null || !url.regionMatches(true, 0, "http://", 0, 7) || !hasHost(url)) {
      return false;
    }
    String host = URI.create(url).getHost().toLowerCase(Locale.ROOT);
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
  }

  private static boolean hasHost(String url) {
    if (url.chars().anyMatch(c -> c <= ' ' || "\"'<>`\\".indexOf(c) >= 0 || c == 0x7f)) {
      return false;
    }
    try {
      URI uri = new URI(url);
      return uri.getHost() != null && !uri.getHost().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
