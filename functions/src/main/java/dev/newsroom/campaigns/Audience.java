package dev.newsroom.campaigns;

import dev.newsroom.shared.ValidationException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Who a campaign goes to: every confirmed subscriber who follows the content's tags
 * ({@code all}), or only those who follow one of the given tags. A subscriber who follows all
 * news follows every tag.
 */
public record Audience(boolean all, Set<String> tags) {

  public static final Audience ALL = new Audience(true, Set.of());
  static final int MAX_TAGS = 20;
  private static final Pattern TAG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  public Audience {
    tags = Set.copyOf(new TreeSet<>(tags));
    if (all && !tags.isEmpty()) {
      throw new IllegalArgumentException("an audience of all names no tags");
    }
  }

  /** Tags from a request: null or empty means everyone. */
  public static Audience ofTags(Collection<String> tags) {
    if (tags == null || tags.isEmpty()) {
      return ALL;
    }
    if (tags.size() > MAX_TAGS) {
      throw new ValidationException("audience", "An audience names at most " + MAX_TAGS + " tags.");
    }
    for (String tag : tags) {
      if (tag == null || tag.length() > 50 || !TAG.matcher(tag).matches()) {
        throw new ValidationException("audience",
            "Audience tags are lower-case words joined by hyphens.");
      }
    }
    return new Audience(false, Set.copyOf(tags));
  }

  /**
   * @param contentTags the tags of the campaign's articles
   * @param follows whether the subscriber follows any of a set of tags
   */
  boolean includes(Set<String> contentTags, java.util.function.Predicate<Set<String>> follows) {
    return follows.test(all ? contentTags : tags);
  }
}
