package dev.newsroom.subscriptions;

import dev.newsroom.shared.Page;

/**
 * Every confirmed subscriber, page by page in a stable order, for a campaign's audience. The
 * cursor is opaque; a page redone from the same cursor holds the same subscribers (plus any that
 * confirmed since).
 */
public interface ConfirmedSubscribers {

  /**
   * @param cursor a previous page's next cursor, or null for the first page
   * @param limit stored items looked at; a page may hold fewer subscribers, even none
   */
  Page<Subscriber> page(String cursor, int limit);
}
