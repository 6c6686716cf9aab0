package dev.newsroom.campaigns;

import dev.newsroom.shared.Page;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** The subscribers a campaign may reach, as the campaign needs to see them. */
public interface SubscriberDirectory {

  /**
   * One subscriber.
   *
   * @param email null once erased
   * @param unmailable why no campaign may mail it now ("unsubscribed", "suppressed", "erased",
   *     "unconfirmed"), or null when it is confirmed
   * @param allNews true when it follows all news; else it follows {@code tags}
   */
  record Entry(String id, String email, String unmailable, boolean allNews, Set<String> tags) {

    public Entry {
      tags = Set.copyOf(tags);
    }

    /** Whether it follows any of {@code topics} (or all news). */
    public boolean follows(Collection<String> topics) {
      return allNews || topics.stream().anyMatch(tags::contains);
    }
  }

  /**
   * A page of confirmed subscribers, in a stable order, so that a page redone from the same
   * cursor holds the same subscribers (and any that confirmed since).
   *
   * @param cursor from a previous page's next cursor, or null for the first
   * @param limit how many stored items to look at (a page may hold fewer confirmed ones)
   */
  Page<Entry> confirmed(String cursor, int limit);

  /** The subscriber as stored now, read consistently. */
  Optional<Entry> find(String id);
}
