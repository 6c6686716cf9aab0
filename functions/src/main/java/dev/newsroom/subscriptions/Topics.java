package dev.newsroom.subscriptions;

import dev.newsroom.shared.Tags;
import dev.newsroom.shared.ValidationException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a subscriber wants to hear about: all news, or only articles carrying at least one of the
 * chosen tags. Existing subscribers, stored before topics existed, follow all news.
 *
 * @param all true for all news, in which case {@code tags} is empty
 * @param tags the chosen tags (1 to {@link #MAX_TAGS}, each shaped as {@link Tags} says), sorted
 */
public record Topics(boolean all, Set<String> tags) {

  public static final int MAX_TAGS = 20;
  public static final Topics ALL = new Topics(true, Set.of());

  /** The choices a form or a JSON body can make in its {@code topics} field. */
  static final String CHOICE_ALL = "all";
  static final String CHOICE_TAGS = "tags";

  public Topics {
    tags = Collections.unmodifiableSortedSet(new TreeSet<>(tags));
    if (all != tags.isEmpty() || tags.size() > MAX_TAGS
        || !tags.stream().allMatch(Tags::isTag)) {
      throw new IllegalArgumentException("all news with no tags, or 1-" + MAX_TAGS + " tags");
    }
  }

  /**
   * Only these tags, typed by a person: split at commas, trimmed, lower-cased, checked,
   * duplicates dropped.
   */
  public static Topics only(Collection<String> typed) {
    Set<String> tags = normalise(typed);
    if (tags.isEmpty()) {
      throw new ValidationException("tags", "Choose at least one topic, or all news.");
    }
    return new Topics(false, tags);
  }

  /**
   * The topics a signup or the preferences form chose.
   *
   * @param choice {@code all}, {@code tags}, or empty to decide from the tags: none means all
   * @param typed the tags sent; always checked, so a bad one is refused even beside "all" (a
   *     browser keeps boxes ticked when the reader then picks "all news", and those are ignored)
   */
  public static Topics choose(String choice, List<String> typed) {
    Set<String> tags = normalise(typed);
    return switch (choice) {
      case CHOICE_ALL -> ALL;
      case CHOICE_TAGS -> only(tags);
      case "" -> tags.isEmpty() ? ALL : only(tags);
      default -> throw new ValidationException("topics", "Topics must be \"all\" or \"tags\".");
    };
  }

  /** True when an article with these tags is news this subscriber wants. */
  public boolean follows(Collection<String> articleTags) {
    return all || articleTags.stream().anyMatch(tags::contains);
  }

  /** A value may hold several tags separated by commas (a text box); blank ones are skipped. */
  private static Set<String> normalise(Collection<String> typed) {
    Set<String> tags = new TreeSet<>();
    for (String value : typed) {
      for (String tag : value.split(",", -1)) {
        if (!tag.isBlank()) {
          tags.add(Tags.normalise(tag));
        }
      }
    }
    if (tags.size() > MAX_TAGS) {
      throw new ValidationException("tags", "Follow at most " + MAX_TAGS + " topics.");
    }
    return tags;
  }
}
