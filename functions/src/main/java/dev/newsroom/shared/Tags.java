package dev.newsroom.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for a tag, wherever one arrives (an article's tags, the topics a subscriber
 * follows): lower-case words joined by single hyphens, safe in URLs and S3 keys.
 */
public final class Tags {

  public static final int MAX_LENGTH = 40;
  private static final Pattern SHAPE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  private Tags() {}

  /** The tag as given, when it has the shape; a {@link ValidationException} on "tags" if not. */
  public static String require(String tag) {
    if (tag == null || tag.length() > MAX_LENGTH || !SHAPE.matcher(tag).matches()) {
      throw new ValidationException("tags",
          "Each tag must be 1-40 characters of a-z, 0-9 and single hyphens.");
    }
    return tag;
  }

  /** What a person typed, trimmed and lower-cased, then checked as {@link #require} does. */
  public static String normalise(String typed) {
    return require(typed == null ? null : typed.strip().toLowerCase(Locale.ROOT));
  }

  public static boolean isTag(String value) {
    return value != null && value.length() <= MAX_LENGTH && SHAPE.matcher(value).matches();
  }
}
