package dev.newsroom.campaigns;

/**
 * One counter of sends per calendar second, shared by every sender.
 *
 * @see DynamoDbSecondCounters
 */
public interface SecondCounters {

  /**
   * Adds {@code n} to the second's counter, atomically, whatever it holds.
   *
   * @return the counter after this addition (what others added before is {@code result - n})
   */
  long add(long epochSecond, int n);

  /** The second's counter, possibly a little behind the latest additions, never ahead. */
  long read(long epochSecond);
}
