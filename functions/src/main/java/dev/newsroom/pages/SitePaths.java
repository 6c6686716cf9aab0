package dev.newsroom.pages;

/**
 * Public paths and their bucket keys. Every page is a folder with an {@code index.html}, which
 * CloudFront (and the dev server) serve for the path ending in a slash.
 */
public final class SitePaths {

  public static final String CONTACT = "/contact/";
  public static final String CONTACT_THANKS = "/contact/thanks/";
  public static final String SUBSCRIBE_THANKS = "/subscribe/thanks/";
  public static final String SUBSCRIBE_CONFIRMED = "/subscribe/confirmed/";
  public static final String SUBSCRIBE_UNSUBSCRIBED = "/subscribe/unsubscribed/";
  public static final String NOT_FOUND_KEY = "404.html";
  /** Not a page of the bucket: the subscriptions API answers it (a form, then a message). */
  public static final String SUBSCRIPTION_DATA_REQUESTS = "/api/subscriptions/data-requests";

  public static final String ARTICLES_PREFIX = "articles/";
  public static final String TAGS_PREFIX = "tags/";
  public static final String HOME_PAGES_PREFIX = "page/";

  private SitePaths() {}

  public static String home(int page) {
    return page <= 1 ? "/" : "/page/" + page + "/";
  }

  public static String article(String slug) {
    return "/articles/" + slug + "/";
  }

  public static String tag(String tag, int page) {
    return "/tags/" + tag + "/" + (page <= 1 ? "" : "page/" + page + "/");
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
