package dev.newsroom.shared;

import java.util.List;
import java.util.function.UnaryOperator;

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

  /** The same page with its next key turned into a cursor; the last page stays the last. */
  public Page<T> withNextCursor(UnaryOperator<String> encode) {
    return new Page<>(items, nextCursor == null ? null : encode.apply(nextCursor));
  }
}
