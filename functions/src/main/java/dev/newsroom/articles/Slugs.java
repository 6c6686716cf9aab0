package dev.newsroom.articles;

import dev.newsroom.shared.Tags;
import dev.newsroom.shared.ValidationException;
import java.util.regex.Pattern;

/** Slugs and tags: lower-case words joined by single hyphens, safe in URLs and S3 keys. */
public final class Slugs {

  public static final int MAX_SLUG = 120;
  public static final int MAX_TAG = Tags.MAX_LENGTH;
  private static final Pattern SHAPE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  private Slugs() {}

  public static String requireSlug(String slug) {
    if (slug == null || slug.length() > MAX_SLUG || !SHAPE.matcher(slug).matches()) {
      throw new ValidationException("slug",
          "The slug must be 1-120 characters of a-z, 0-9 and single hyphens.");
    }
    return slug;
  }

  public static boolean isSlug(String value) {
    return value != null && value.length() <= MAX_SLUG && SHAPE.matcher(value).matches();
  }

  /** Tags follow the site-wide rule of {@link Tags}, which subscribers' topics share. */
  public static String requireTag(String tag) {
    return Tags.require(tag);
  }
}
