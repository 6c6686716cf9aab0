package dev.newsroom.shared;

import java.util.List;

/**
 * One page of a newest-first listing.
 *
 * @param items the items, in order
 * @param nextCursor where the next page starts (a cursor or key), or null on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {

  public Page {
    items = List.copyOf(items);
  }
}
