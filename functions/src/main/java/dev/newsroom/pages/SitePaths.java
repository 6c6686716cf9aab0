package dev.newsroom.pages;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Public paths and their bucket keys. Every page is a folder with an {@code index.html}, which
 * CloudFront (and the dev server) serve for the path ending in a slash.
 */
public final class SitePaths {

  public static final String CONTACT = "/contact/";
  public static final String CONTACT_THANKS = "/contact/thanks/";
  public static final String ABOUT = "/about/";
  public static final String PRIVACY = "/privacy/";
  public static final String SUBSCRIBE_THANKS = "/subscribe/thanks/";
  public static final String SUBSCRIBE_CONFIRMED = "/subscribe/confirmed/";
  public static final String SUBSCRIBE_UNSUBSCRIBED = "/subscribe/unsubscribed/";
  public static final String NOT_FOUND_KEY = "404.html";
  /** Not a page of the bucket: the subscriptions API answers it (a form, then a message). */
  public static final String SUBSCRIPTION_DATA_REQUESTS = "/api/subscriptions/data-requests";
  public static final String SITEMAP_INDEX_KEY = "sitemap.xml";
  public static final String FEED_KEY = "feed.xml";

  public static final String ARTICLES_PREFIX = "articles/";
  public static final String TAGS_PREFIX = "tags/";
  public static final String ARCHIVE_PREFIX = "archive/";
  public static final String SITEMAPS_PREFIX = "sitemaps/";
  public static final String SITEMAP_PAGES_KEY = SITEMAPS_PREFIX + "pages.xml";
  /** Where the home and tag listings were numbered from the newest, before archives. */
  public static final String LEGACY_HOME_PAGES_PREFIX = "page/";

  private SitePaths() {}

  public static String home() {
    return "/";
  }

  public static String article(String slug) {
    return "/articles/" + slug + "/";
  }

  public static String tag(String tag) {
    return "/tags/" + tag + "/";
  }

  /** One day of the archive, every article published that day (UTC). */
  public static String day(LocalDate day) {
    return "/archive/" + day.getYear() + "/" + two(day.getMonthValue()) + "/"
        + two(day.getDayOfMonth()) + "/";
  }

  /** One month of a tag's archive. */
  public static String tagMonth(String tag, YearMonth month) {
    return "/tags/" + tag + "/" + month.getYear() + "/" + two(month.getMonthValue()) + "/";
  }

  /** The sitemap file listing one day's articles. */
  public static String sitemapDayKey(LocalDate day) {
    return SITEMAPS_PREFIX + day + ".xml";
  }

  private static String two(int number) {
    return number < 10 ? "0" + number : Integer.toString(number);
  }

  /** The bucket key serving {@code path}: folders map to their index.html. */
  public static String key(String path) {
    String key = path.substring(1);
    return key.isEmpty() || key.endsWith("/") ? key + "index.html" : key;
  }

  /** "middle-east" reads as "Middle East". */
  public static String label(String tag) {
    StringBuilder label = new StringBuilder(tag.length());
    for (String word : tag.split("-")) {
      if (!label.isEmpty()) {
        label.append(' ');
      }
      label.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
    }
    return label.toString();
  }
}
