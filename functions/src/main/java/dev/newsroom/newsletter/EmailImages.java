package dev.newsroom.newsletter;

import dev.newsroom.images.NewsroomImage;
import dev.newsroom.images.Renditions;

/**
 * Which image an email loads. Newsroom's own images are stored as site paths
 * ({@code /images/<id>-<W>x<H>/<w>.jpg}), which a mail client cannot resolve: they become whole
 * URLs on the site's origin, at one rendition sized for the email column. Anything else must be
 * an absolute https URL, as before.
 */
final class EmailImages {

  /**
   * The rendition an email loads: the widest not over 1000 px, 1.8 times the 544-px column, so
   * sharp on high-density screens at about a third of the bytes of the 1600-px one.
   */
  static final int WIDTH = 1000;

  private final String origin;

  /** @param origin the site's origin, without a trailing slash (https, or http on loopback) */
  EmailImages(String origin) {
    this.origin = origin;
  }

  /** A Newsroom image as its email rendition's whole URL; any other URL as it is. */
  String resolve(String url) {
    return NewsroomImage.parse(url).map(image -> {
      NewsroomImage placed = image.origin().isEmpty() ? image.at(origin) : image;
      return placed.url(width(image));
    }).orElse(url);
  }

  /**
   * Whether an email may load {@code url}: absolute https, or an image of the site itself (the
   * dev server's origin is http on loopback, and its emails should show its images too).
   */
  boolean allowed(String url) {
    return EmailUrls.isAbsoluteHttps(url)
        || (url != null && url.startsWith(origin + "/" + Renditions.PREFIX)
            && EmailUrls.isSiteUrl(url));
  }

  private static int width(NewsroomImage image) {
    int chosen = image.widths().get(0);
    for (int w : image.widths()) {
      if (w <= WIDTH) {
        chosen = w;
      }
    }
    return chosen;
  }
}
